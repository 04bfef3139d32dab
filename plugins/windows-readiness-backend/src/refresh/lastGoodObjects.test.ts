import type { Cluster } from '@winready/plugin-windows-readiness-common';
import { keepObjectsOfFailedKinds } from './lastGoodObjects';

const object = (kind: string, apiVersion: string, namespace?: string) => ({
  apiVersion,
  kind,
  metadata: { name: `${kind.toLowerCase()}-${namespace ?? 'all'}`, namespace },
});
const previous: Cluster = {
  name: 'c',
  nodePools: [],
  objects: [
    object('Node', 'v1'),
    object('Deployment', 'apps/v1', 'shop'),
    object('Deployment', 'apps/v1', 'billing'),
    object('Pod', 'v1', 'shop'),
  ],
};
const failed = (resourcePath: string, source = 'kubernetes') => ({
  source,
  errorType: 'SYSTEM_ERROR',
  statusCode: 500,
  resourcePath,
  message: 'boom',
});

describe('keepObjectsOfFailedKinds', () => {
  it('takes the objects of a kind that failed cluster-wide from the last snapshot', () => {
    const now: Cluster = {
      name: 'c',
      nodePools: [],
      objects: [object('Node', 'v1'), object('Pod', 'v1', 'shop')],
      errors: [failed('apps/v1/Deployment')],
    };
    const kept = keepObjectsOfFailedKinds(now, previous);
    expect(
      kept.objects!.map(o => `${o.kind}/${o.metadata?.namespace}`),
    ).toEqual([
      'Node/undefined',
      'Pod/shop',
      'Deployment/shop',
      'Deployment/billing',
    ]);
    expect(kept.errors).toEqual(now.errors);
  });

  it('keeps only the namespace that failed when kinds are read per namespace', () => {
    const now: Cluster = {
      name: 'c',
      nodePools: [],
      objects: [object('Deployment', 'apps/v1', 'billing')],
      errors: [failed('apps/v1/Deployment in shop')],
    };
    expect(
      keepObjectsOfFailedKinds(now, previous).objects!.map(
        o => o.metadata?.namespace,
      ),
    ).toEqual(['billing', 'shop']);
  });

  it('changes nothing without a previous snapshot, for other sources, or for an unreachable cluster', () => {
    const now: Cluster = {
      name: 'c',
      nodePools: [],
      objects: [],
      errors: [failed('apps/v1/Deployment')],
    };
    expect(keepObjectsOfFailedKinds(now, undefined)).toBe(now);
    expect(
      keepObjectsOfFailedKinds({ ...now, reachable: false }, previous).objects,
    ).toEqual([]);
    const aks = {
      ...now,
      errors: [failed('/subscriptions/s/agentPools', 'aks')],
    };
    expect(keepObjectsOfFailedKinds(aks, previous)).toBe(aks);
  });
});
