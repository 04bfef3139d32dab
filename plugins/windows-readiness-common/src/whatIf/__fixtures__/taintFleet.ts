import type { Fleet, KubernetesObject, Toleration } from '../../model';

/**
 * One cluster for the taint what-if: a Linux pool, an untainted Windows 2022
 * pool `npwin`, a Windows 2025 pool `npw25` tainted os=windows:NoSchedule in
 * ARM, and a Windows 2022 pool `npkub` with no ARM taint whose two nodes were
 * tainted by hand (`kubectl taint node aksnpkub00000x sku=win:NoSchedule`, and
 * team=batch:PreferNoSchedule, which keeps nothing off) and no count in ARM.
 * Its workloads:
 * - `agent`: a DaemonSet on a Linux+Windows image, no OS selector, no
 *   toleration; pods on a Linux node and on an npwin node;
 * - `linux-app`: a Linux image, no OS selector;
 * - `linux-pinned`: a Linux image that selects Linux;
 * - `win-app`: a 2022 image that selects Windows, no toleration;
 * - `win-tolerant`: as win-app, tolerating os=windows:NoSchedule;
 * - `old-win`: a 2019 image that selects Windows (no pool here starts it);
 * - `mystery`: selects Windows, an image the registry has not described.
 */

const WINDOWS = { 'kubernetes.io/os': 'windows' };

function deployment(
  name: string,
  image: string,
  options: {
    kind?: string;
    nodeSelector?: Record<string, string>;
    tolerations?: Toleration[];
  } = {},
): KubernetesObject {
  return {
    apiVersion: 'apps/v1',
    kind: options.kind ?? 'Deployment',
    metadata: { name, namespace: name === 'agent' ? 'monitoring' : 'apps' },
    spec: {
      template: {
        metadata: { labels: { app: name } },
        spec: {
          ...(options.nodeSelector
            ? { nodeSelector: options.nodeSelector }
            : {}),
          ...(options.tolerations ? { tolerations: options.tolerations } : {}),
          containers: [{ name, image }],
        },
      },
    },
  };
}

function agentPod(name: string, nodeName: string): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'monitoring',
      ownerReferences: [{ kind: 'DaemonSet', name: 'agent' }],
    },
    spec: {
      nodeName,
      containers: [{ name: 'agent', image: 'example.azurecr.io/agent:1' }],
    },
    status: {
      phase: 'Running',
      containerStatuses: [
        { name: 'agent', ready: true, restartCount: 0, state: { running: {} } },
      ],
    },
  };
}

function kubNode(name: string): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/os': 'windows',
        'kubernetes.azure.com/agentpool': 'npkub',
        'kubernetes.azure.com/os-sku': 'Windows2022',
        'node.kubernetes.io/windows-build': '10.0.20348',
      },
    },
    spec: {
      taints: [
        { key: 'sku', value: 'win', effect: 'NoSchedule' },
        { key: 'team', value: 'batch', effect: 'PreferNoSchedule' },
      ],
    },
    status: { nodeInfo: { kernelVersion: '10.0.20348.2582' } },
  };
}

export const TAINT_FLEET: Fleet = {
  apiVersion: 'winready/v1',
  kind: 'Fleet',
  metadata: { name: 'taint-what-if' },
  clusters: [
    {
      name: 'aks-taint',
      kubernetesVersion: '1.33.2',
      nodePools: [
        { name: 'linux', osType: 'Linux', osSku: 'Ubuntu', count: 2 },
        {
          name: 'npwin',
          osType: 'Windows',
          osSku: 'Windows2022',
          count: 2,
          nodeImageVersion: 'AKSWindows-2022-containerd-20348.2582.240716',
        },
        {
          name: 'npw25',
          osType: 'Windows',
          osSku: 'Windows2025',
          count: 1,
          nodeImageVersion: 'AKSWindows-2025-gen2-26100.6905.251027',
          taints: ['os=windows:NoSchedule'],
        },
        { name: 'npkub', osType: 'Windows', osSku: 'Windows2022' },
      ],
      objects: [
        kubNode('aksnpkub000000'),
        kubNode('aksnpkub000001'),
        deployment('agent', 'example.azurecr.io/agent:1', {
          kind: 'DaemonSet',
        }),
        agentPod('agent-x1', 'aks-linux-12345678-vmss000000'),
        agentPod('agent-x2', 'aksnpwin000000'),
        deployment('linux-app', 'example.azurecr.io/linux-app:1'),
        deployment('linux-pinned', 'example.azurecr.io/linux-app:1', {
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        }),
        deployment('win-app', 'example.azurecr.io/win-app:1', {
          nodeSelector: WINDOWS,
        }),
        deployment('win-tolerant', 'example.azurecr.io/win-app:1', {
          nodeSelector: WINDOWS,
          tolerations: [
            {
              key: 'os',
              operator: 'Equal',
              value: 'windows',
              effect: 'NoSchedule',
            },
          ],
        }),
        deployment('old-win', 'example.azurecr.io/old-win:1', {
          nodeSelector: WINDOWS,
        }),
        deployment('mystery', 'example.azurecr.io/mystery:1', {
          nodeSelector: WINDOWS,
        }),
      ],
    },
  ],
  images: {
    'example.azurecr.io/agent:1': {
      platforms: [
        { os: 'linux', architecture: 'amd64' },
        { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.2582' },
      ],
    },
    'example.azurecr.io/linux-app:1': {
      platforms: [{ os: 'linux', architecture: 'amd64' }],
    },
    'example.azurecr.io/win-app:1': {
      platforms: [
        { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.2582' },
      ],
    },
    'example.azurecr.io/old-win:1': {
      platforms: [
        { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.5458' },
      ],
    },
  },
};
