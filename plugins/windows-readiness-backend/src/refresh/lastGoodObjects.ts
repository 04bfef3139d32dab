import type { Cluster } from '@winready/plugin-windows-readiness-common';

// KubernetesObjectReader names a kind that failed alone by
// `${apiVersion}/${kind}`, plus ` in ${namespace}` when read per namespace.
const FAILED_KIND = /^(.+)\/([A-Za-z]+)(?: in (\S+))?$/;

/**
 * A cluster that answered, but not for every kind: the objects of the kinds
 * that failed are taken from its last good snapshot instead of vanishing
 * (and taking their services out of the results with them).
 */
export function keepObjectsOfFailedKinds(
  cluster: Cluster,
  previous: Cluster | undefined,
): Cluster {
  if (cluster.reachable === false || !previous?.objects?.length) {
    return cluster;
  }
  const failed = (cluster.errors ?? []).flatMap(error => {
    const match =
      error.source === 'kubernetes' && error.resourcePath
        ? FAILED_KIND.exec(error.resourcePath)
        : null;
    return match
      ? [{ apiVersion: match[1], kind: match[2], namespace: match[3] }]
      : [];
  });
  if (failed.length === 0) return cluster;
  const kept = previous.objects.filter(object =>
    failed.some(
      f =>
        f.apiVersion === object.apiVersion &&
        f.kind === object.kind &&
        (!f.namespace || f.namespace === object.metadata?.namespace),
    ),
  );
  return { ...cluster, objects: [...(cluster.objects ?? []), ...kept] };
}
