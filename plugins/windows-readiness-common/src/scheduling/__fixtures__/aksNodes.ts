import type { KubernetesObject } from '../../model';

/**
 * Node objects as `kubectl get nodes -o json` returns them on AKS (facts 4.3
 * and 5.2): two nodes of the Windows pool `npwin` (one labelled only with the
 * legacy `agentpool`), one of the Linux pool `nodepool1`, and objects that
 * are not nodes but carry the pool label.
 */
export const WINDOWS_NODE_0: KubernetesObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'aksnpwin000000',
    labels: {
      'kubernetes.io/os': 'windows',
      'kubernetes.io/arch': 'amd64',
      'node.kubernetes.io/windows-build': '10.0.20348',
      'kubernetes.azure.com/agentpool': 'npwin',
      agentpool: 'npwin',
      'kubernetes.azure.com/os-sku': 'Windows2022',
      'kubernetes.azure.com/node-image-version':
        'AKSWindows-2022-containerd-20348.2655.240814',
      'topology.kubernetes.io/zone': 'westeurope-1',
      team: 'from-node',
    },
  },
  status: {
    nodeInfo: {
      operatingSystem: 'windows',
      architecture: 'amd64',
      osImage: 'Windows Server 2022 Datacenter',
      kernelVersion: '10.0.20348.2655',
      containerRuntimeVersion: 'containerd://1.7.20+azure',
    },
  },
};

export const WINDOWS_NODE_1: KubernetesObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'aksnpwin00000a',
    labels: { 'kubernetes.io/os': 'windows', agentpool: 'npwin' },
  },
  status: { nodeInfo: { kernelVersion: '10.0.20348.2582' } },
};

export const LINUX_NODE: KubernetesObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'aks-nodepool1-12345678-vmss000000',
    labels: {
      'kubernetes.io/os': 'linux',
      'kubernetes.azure.com/agentpool': 'nodepool1',
      agentpool: 'nodepool1',
    },
  },
  status: { nodeInfo: { kernelVersion: '5.15.0-1064-azure' } },
};

export const NOT_NODES: KubernetesObject[] = [
  {
    kind: 'Pod',
    metadata: {
      name: 'aksnpwin000009',
      labels: { 'kubernetes.azure.com/agentpool': 'npwin' },
    },
  },
  { kind: 'Node', metadata: { name: 'unlabelled-node' } },
  { kind: 'Node' },
];

export const NODES: KubernetesObject[] = [
  LINUX_NODE,
  WINDOWS_NODE_0,
  ...NOT_NODES,
  WINDOWS_NODE_1,
];
