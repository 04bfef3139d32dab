import { stringify } from 'yaml';
import { describeWindowsBuild } from '../catalog/windowsBuilds';
import { formatWindowsVersion } from '../versions/windowsVersion';
import type { PoolProfile } from '../scheduling/poolProfile';
import { formatTaint, tolerationFor, type Taint } from '../scheduling/taints';
import type { Remediation } from '../model';

function yaml(value: unknown): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

// Thousands of workloads share a handful of snippets; YAML rendering dominates
// evaluation time otherwise (bench:evaluate).
const rendered = new Map<string, string>();
function memo(key: string, render: () => string): string {
  let text = rendered.get(key);
  if (text === undefined) {
    text = render();
    if (rendered.size > 10_000) rendered.clear();
    rendered.set(key, text);
  }
  return text;
}

/** The pod spec fragment that pins a workload to the build of these pools. */
export function buildSelectorSnippet(pools: readonly PoolProfile[]): string {
  const builds: string[] = [
    ...new Set(
      pools
        .filter(pool => pool.hostBuild)
        .map(pool => formatWindowsVersion(pool.hostBuild!, false)),
    ),
  ];
  return memo(`build:${builds.join(',')}`, () => renderBuildSelector(builds));
}

function renderBuildSelector(builds: string[]): string {
  const nodeSelector: Record<string, string> = {
    'kubernetes.io/os': 'windows',
  };
  if (builds.length === 1) {
    nodeSelector['node.kubernetes.io/windows-build'] = builds[0];
    return yaml({ spec: { template: { spec: { nodeSelector } } } });
  }
  return yaml({
    spec: {
      template: {
        spec: {
          nodeSelector,
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  {
                    matchExpressions: [
                      {
                        key: 'node.kubernetes.io/windows-build',
                        operator: 'In',
                        values: builds,
                      },
                    ],
                  },
                ],
              },
            },
          },
        },
      },
    },
  });
}

export function osSelectorSnippet(os: 'windows' | 'linux'): string {
  return memo(`os:${os}`, () => renderOsSelector(os));
}

function renderOsSelector(os: 'windows' | 'linux'): string {
  return yaml({
    spec: {
      template: {
        spec: { nodeSelector: { 'kubernetes.io/os': os }, os: { name: os } },
      },
    },
  });
}

export function tolerationsSnippet(taints: readonly Taint[]): string {
  return memo(`tolerations:${taints.map(formatTaint).join(',')}`, () =>
    renderTolerations(taints),
  );
}

function renderTolerations(taints: readonly Taint[]): string {
  return yaml({
    spec: { template: { spec: { tolerations: taints.map(tolerationFor) } } },
  });
}

/**
 * The pod template fragment that lands a workload on this pool: its OS (and
 * Windows build) in a nodeSelector plus a toleration for each of its taints.
 * It selects by build, not by pool name, so a pool of the same build can
 * take over.
 */
export function poolPlacementSnippet(pool: PoolProfile): string {
  const build = pool.hostBuild
    ? formatWindowsVersion(pool.hostBuild, false)
    : '';
  const key = `placement:${pool.osType}:${build}:${pool.taints
    .map(formatTaint)
    .join(',')}`;
  return memo(key, () => {
    const nodeSelector: Record<string, string> = {
      'kubernetes.io/os': pool.osType === 'Windows' ? 'windows' : 'linux',
    };
    if (build) nodeSelector['node.kubernetes.io/windows-build'] = build;
    const spec: Record<string, unknown> = { nodeSelector };
    if (pool.taints.length > 0)
      spec.tolerations = pool.taints.map(tolerationFor);
    return yaml({ spec: { template: { spec } } });
  });
}

/** A RuntimeClass that carries the selector and tolerations for a Windows pool. */
export function runtimeClassSnippet(pool: PoolProfile): string {
  const key = `runtimeClass:${pool.name}:${
    pool.hostBuild ? formatWindowsVersion(pool.hostBuild, false) : ''
  }:${pool.taints.map(formatTaint).join(',')}`;
  return memo(key, () => renderRuntimeClass(pool));
}

function renderRuntimeClass(pool: PoolProfile): string {
  const nodeSelector: Record<string, string> = {
    'kubernetes.io/os': 'windows',
    'kubernetes.azure.com/agentpool': pool.name,
  };
  if (pool.hostBuild) {
    nodeSelector['node.kubernetes.io/windows-build'] = formatWindowsVersion(
      pool.hostBuild,
      false,
    );
  }
  return yaml({
    apiVersion: 'node.k8s.io/v1',
    kind: 'RuntimeClass',
    metadata: { name: `windows-${pool.name}` },
    // AKS runs process isolation only, through this containerd handler.
    handler: 'runhcs-wcow-process',
    scheduling: {
      nodeSelector,
      tolerations: pool.taints.map(tolerationFor),
    },
  });
}

/** Which base image tag to rebuild on so that a pool of this build starts it. */
export function rebuildRemediation(hostBuild: number): Remediation {
  const info = describeWindowsBuild(hostBuild);
  const tag = info?.baseImageTags[0];
  const base = tag
    ? `mcr.microsoft.com/windows/servercore:${tag}`
    : `an image built on 10.0.${hostBuild}`;
  return {
    summary: `Rebuild the image on ${base} (or publish a multi-platform image with an entry for 10.0.${hostBuild}).`,
    snippet: tag
      ? `FROM mcr.microsoft.com/windows/servercore:${tag}`
      : undefined,
    snippetLanguage: tag ? 'dockerfile' : undefined,
  };
}
