import { parseEntityRef } from '@backstage/catalog-model';
import {
  osSkuRefusal,
  type OsSkuOption,
} from '@winready/plugin-windows-readiness-common';

/** The Windows version string of a build: `10.0.20348`. */
export function windowsVersion(build: number): string {
  return `10.0.${build}`;
}

function buildLabel(option: OsSkuOption): string | undefined {
  if (option.build === undefined) return undefined;
  // The common catalog names builds "Windows Server 2022 (20348)".
  const name = option.buildName?.replace(` (${option.build})`, '');
  const version = windowsVersion(option.build);
  return name ? `${version} (${name})` : version;
}

/** "Windows2022 · 10.0.20348 (Windows Server 2022)" */
export function osSkuTitle(option: OsSkuOption): string {
  return `${option.osSku} · ${buildLabel(option) ?? 'build unknown'}`;
}

/** "3 of 4 services can run (1 cannot)", "2 of 4 services can run (1 cannot, 1 unknown)" */
export function servicesFitText(services: OsSkuOption['services']): string {
  const { fit, noFit, unknown, total } = services;
  if (total === 0) return 'No Windows service to check';
  const others = [
    noFit ? `${noFit} cannot` : undefined,
    unknown ? `${unknown} unknown` : undefined,
  ].filter(Boolean);
  const noun = total === 1 ? 'service' : 'services';
  const tail = others.length ? ` (${others.join(', ')})` : '';
  return `${fit} of ${total} ${noun} can run${tail}`;
}

/**
 * "Not allowed on Kubernetes 1.33 (AKS runs it on 1.14 to 1.32)", "Retired on
 * 2026-05-15: AKS creates no new pools of it" when AKS refuses a new pool of
 * the SKU on the chosen cluster (common's osSkuRefusal, the rule the what-ifs
 * use too); undefined otherwise.
 */
export function notAllowedReason(
  option: OsSkuOption,
  kubernetesVersion: string | undefined,
  now: Date,
): string | undefined {
  if (option.allowedOnCluster === false && !kubernetesVersion) {
    return 'Not allowed on this cluster';
  }
  return osSkuRefusal(option, { kubernetesVersion, asOf: now });
}

/** "Retires 2027-03-15, successor Windows2025", "Retired 2026-03-01; node images deleted 2027-04-01" */
export function lifecycleText(
  option: OsSkuOption,
  now: Date,
): string | undefined {
  const today = now.toISOString().slice(0, 10);
  const parts: string[] = [];
  if (option.retirementDate) {
    const verb = option.retirementDate <= today ? 'Retired' : 'Retires';
    parts.push(`${verb} ${option.retirementDate}`);
  }
  if (option.imageDeletionDate) {
    const verb =
      option.imageDeletionDate <= today
        ? 'images deleted'
        : 'images deleted on';
    parts.push(`node ${verb} ${option.imageDeletionDate}`);
  }
  if (!parts.length) return undefined;
  const successor = option.successor ? `, successor ${option.successor}` : '';
  return `${parts.join('; ')}${successor}`;
}

/** A service id as people read it: `orders` for `component:default/orders`. */
export function shortServiceId(id: string): string {
  try {
    const ref = parseEntityRef(id, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
    return ref.namespace === 'default'
      ? ref.name
      : `${ref.namespace}/${ref.name}`;
  } catch {
    return id;
  }
}

/** "Cannot run: orders-legacy, reports-job and 3 more", or undefined. */
export function notFittingText(
  ids: readonly string[],
  max = 3,
): string | undefined {
  if (!ids.length) return undefined;
  const shown = ids.slice(0, max).map(shortServiceId).join(', ');
  const more = ids.length > max ? ` and ${ids.length - max} more` : '';
  return `Cannot run: ${shown}${more}`;
}

/** The Windows OS SKUs of a `GET /v1/os-skus` answer, in its order. */
export function windowsOsSkus(items: readonly OsSkuOption[]): OsSkuOption[] {
  return items.filter(item => item.osType === 'Windows');
}
