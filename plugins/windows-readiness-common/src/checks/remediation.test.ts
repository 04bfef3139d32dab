import { parse } from 'yaml';
import { buildOsSkuTable } from '../catalog/osSkus';
import { profilePool } from '../scheduling/poolProfile';
import { poolPlacementSnippet, runtimeClassSnippet } from './remediation';

const cluster = { name: 'aks', kubernetesVersion: '1.33.2', nodePools: [] };
const osSkus = buildOsSkuTable();

describe('poolPlacementSnippet', () => {
  it.each([
    [
      'a tainted Windows2022 pool',
      {
        name: 'npwin',
        osType: 'Windows' as const,
        osSku: 'Windows2022',
        taints: ['sku=win:NoSchedule'],
      },
      {
        nodeSelector: {
          'kubernetes.io/os': 'windows',
          'node.kubernetes.io/windows-build': '10.0.20348',
        },
        tolerations: [
          { key: 'sku', operator: 'Equal', value: 'win', effect: 'NoSchedule' },
        ],
      },
    ],
    [
      'an untainted Linux pool',
      { name: 'nplin', osType: 'Linux' as const, osSku: 'Ubuntu' },
      { nodeSelector: { 'kubernetes.io/os': 'linux' } },
    ],
    [
      'a Windows2025 pool tainted without a value',
      {
        name: 'w25',
        osType: 'Windows' as const,
        osSku: 'Windows2025',
        taints: ['windows:NoExecute'],
      },
      {
        nodeSelector: {
          'kubernetes.io/os': 'windows',
          'node.kubernetes.io/windows-build': '10.0.26100',
        },
        tolerations: [
          { key: 'windows', operator: 'Exists', effect: 'NoExecute' },
        ],
      },
    ],
  ])('%s', (_what, pool, spec) => {
    const profile = profilePool(cluster, pool, osSkus);
    expect(parse(poolPlacementSnippet(profile))).toEqual({
      spec: { template: { spec } },
    });
  });

  it('gives the RuntimeClass the same taints and build', () => {
    const profile = profilePool(
      cluster,
      {
        name: 'npwin',
        osType: 'Windows',
        osSku: 'Windows2022',
        taints: ['sku=win:NoSchedule'],
      },
      osSkus,
    );
    expect(parse(runtimeClassSnippet(profile))).toMatchObject({
      kind: 'RuntimeClass',
      metadata: { name: 'windows-npwin' },
      handler: 'runhcs-wcow-process',
      scheduling: {
        nodeSelector: { 'node.kubernetes.io/windows-build': '10.0.20348' },
        tolerations: [{ key: 'sku', value: 'win', effect: 'NoSchedule' }],
      },
    });
  });
});
