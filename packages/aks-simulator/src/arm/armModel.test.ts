import type { Cluster } from '@winready/plugin-windows-readiness-common';
import { armLocationOf, type ClusterState } from '../state';
import {
  agentPoolId,
  fullKubernetesVersion,
  managedClusterId,
  renderAgentPool,
  renderManagedCluster,
} from './armModel';

const cluster: Cluster = {
  name: 'c1',
  nodePools: [
    { name: 'system', osType: 'Linux', mode: 'System' },
    {
      name: 'npw',
      osType: 'Windows',
      taints: ['os=windows:NoSchedule'],
      labels: { a: 'b' },
    },
  ],
};
const state: ClusterState = {
  cluster,
  arm: armLocationOf(cluster),
  pools: cluster.nodePools.map(pool => ({
    pool,
    provisioningState: 'Succeeded',
  })),
  objects: [],
  resourceVersion: 1,
};

describe('ARM model', () => {
  it('fills the defaults of a cluster without an azure block', () => {
    expect(state.arm).toEqual({
      subscriptionId: '00000000-0000-0000-0000-000000000000',
      resourceGroup: 'rg-c1',
      location: 'westeurope',
    });
    expect(managedClusterId(state.arm, 'c1')).toBe(
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg-c1/providers/Microsoft.ContainerService/managedClusters/c1',
    );
    expect(agentPoolId(state.arm, 'c1', 'npw')).toBe(
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-c1/providers/Microsoft.ContainerService/managedClusters/c1/agentPools/npw',
    );
  });

  it.each([
    ['1.33', '1.33.0'],
    ['1.33.2', '1.33.2'],
    ['v1.31.5', '1.31.5'],
  ])('full version of %s is %s', (version, expected) => {
    expect(fullKubernetesVersion(version)).toBe(expected);
  });

  it('renders a managed cluster as ARM does', () => {
    const json = renderManagedCluster(state) as any;
    expect(json).toMatchObject({
      name: 'c1',
      location: 'westeurope',
      type: 'Microsoft.ContainerService/ManagedClusters',
      properties: {
        kubernetesVersion: '1.33.2',
        currentKubernetesVersion: '1.33.2',
        provisioningState: 'Succeeded',
        powerState: { code: 'Running' },
        nodeResourceGroup: 'MC_rg-c1_c1_westeurope',
        windowsProfile: { adminUsername: 'azureuser' },
      },
    });
    expect(
      json.properties.agentPoolProfiles.map((p: any) => [
        p.name,
        p.osSKU,
        p.mode,
      ]),
    ).toEqual([
      ['system', 'Ubuntu', 'System'],
      ['npw', 'Windows2022', 'User'],
    ]);
  });

  it('renders an agent pool with properties nested, and no empty taints or labels', () => {
    const [linux, windows] = state.pools.map(
      pool => renderAgentPool(state, pool) as any,
    );
    expect(windows).toMatchObject({
      name: 'npw',
      type: 'Microsoft.ContainerService/managedClusters/agentPools',
      properties: {
        osType: 'Windows',
        osSKU: 'Windows2022',
        count: 1,
        nodeTaints: ['os=windows:NoSchedule'],
        nodeLabels: { a: 'b' },
        provisioningState: 'Succeeded',
      },
    });
    expect(linux.properties.nodeTaints).toBeUndefined();
    expect(linux.properties.nodeLabels).toBeUndefined();
    expect(linux.properties.nodeImageVersion).toBeUndefined();
  });
});
