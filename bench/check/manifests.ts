/**
 * 1,000 manifests from the generated fleet, as a team's repository or a
 * rendered chart holds them: each service's Deployment as its team wrote it
 * (spec and labels, no status), ten a file, `---` separated, each under a
 * `# Source:` comment as `helm template` writes it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Fleet,
  KubernetesObject,
} from '@winready/plugin-windows-readiness-common';
import { stringify } from 'yaml';

function asWritten(deployment: KubernetesObject): KubernetesObject {
  const { name, namespace, labels } = deployment.metadata ?? {};
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: deployment.spec,
  };
}

/** Deployments taken round-robin over the clusters, so every cluster's specs are in. */
export function pickDeployments(
  fleet: Fleet,
  count: number,
): KubernetesObject[] {
  const perCluster = fleet.clusters.map(cluster =>
    (cluster.objects ?? []).filter(object => object.kind === 'Deployment'),
  );
  const picked: KubernetesObject[] = [];
  for (let round = 0; picked.length < count; round++) {
    let added = false;
    for (const deployments of perCluster) {
      if (round < deployments.length && picked.length < count) {
        picked.push(asWritten(deployments[round]));
        added = true;
      }
    }
    if (!added) break;
  }
  return picked;
}

/** Writes the manifests under `dir`, `perFile` documents a file; returns the file count. */
export function writeManifests(
  dir: string,
  deployments: readonly KubernetesObject[],
  perFile: number,
): number {
  let files = 0;
  for (let start = 0; start < deployments.length; start += perFile) {
    const team = deployments[start].metadata?.namespace ?? 'default';
    const folder = join(dir, team);
    mkdirSync(folder, { recursive: true });
    const text = deployments
      .slice(start, start + perFile)
      .map(
        (deployment, index) =>
          `---\n# Source: ${team}/templates/deployment-${
            start + index
          }.yaml\n${stringify(deployment)}`,
      )
      .join('');
    writeFileSync(join(folder, `rendered-${files}.yaml`), text);
    files++;
  }
  return files;
}
