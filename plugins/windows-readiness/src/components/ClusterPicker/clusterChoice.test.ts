import { clusterFacts, staleHint, toClusterChoice } from './clusterChoice';
import { armClusters } from './__fixtures__';

const cluster = (name: string) =>
  armClusters().items.find(c => c.name === name)!;

describe('clusterChoice', () => {
  it('leaves out what the cluster does not say', () => {
    const modern = cluster('aks-neu-modern');
    delete modern.kubernetesVersion;
    delete modern.azure!.location;
    expect(toClusterChoice(modern)).toEqual({
      name: 'aks-neu-modern',
      subscriptionId: '00000000-0000-0000-0000-000000000001',
      resourceGroup: 'rg-modern',
      pools: ['system', 'nplinux', 'npw22', 'npw25', 'npwan', 'npnext'],
    });
    expect(clusterFacts(modern)).toBe(
      'Kubernetes version unknown · location unknown · 4 Windows pools',
    );
  });

  it('has no choice for a cluster outside ARM', () => {
    expect(toClusterChoice(cluster('aks-eus-linux'))).toBeUndefined();
  });

  it('says how old the data of a stale cluster is', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(staleHint(cluster('aks-weu-legacy'), now)).toBe(
      'Stale: the last read failed; data from 3 hours ago',
    );
    expect(staleHint(cluster('aks-neu-modern'), now)).toBeUndefined();
  });
});
