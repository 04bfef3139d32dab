import {
  normalizeImageReference,
  type Fleet,
} from '@winready/plugin-windows-readiness-common';
import { splitReference } from './registry/catalog';
import { armLocationOf } from './state';

/**
 * The Backstage app-config fragment that points winready's live sources at a
 * running simulator (what `aks-simulator --write-config` writes):
 *
 * ```yaml
 * windowsReadiness:
 *   azure:
 *     armEndpoint: https://127.0.0.1:PORT
 *     caFile: /path/to/ca.pem             # only when given
 *     credential: { type: static, token: aks-simulator }
 *     subscriptions:
 *       - id: 00000000-0000-0000-0000-000000000001
 *         resourceGroups: [rg-legacy, rg-modern]
 *     kubernetesAccess: userCredentials   # kubeconfigs from listClusterUserCredential
 *   registries:
 *     mirrors:
 *       - { host: winreadydemo.azurecr.io, endpoint: https://127.0.0.1:PORT }
 *     allow: [docker.io, winreadydemo.azurecr.io]
 * ```
 */
export interface SimulatorAppConfig {
  windowsReadiness: {
    azure: {
      armEndpoint: string;
      caFile?: string;
      credential: { type: 'static'; token: string };
      subscriptions: Array<{ id: string; resourceGroups?: string[] }>;
      kubernetesAccess: 'userCredentials';
    };
    registries: {
      mirrors: Array<{ host: string; endpoint: string }>;
      allow: string[];
      caFile?: string;
    };
  };
}

/** Every registry host of the fleet: its images and the objects' containers. */
export function imageHosts(fleet: Fleet): string[] {
  const references = new Set(Object.keys(fleet.images ?? {}));
  for (const cluster of fleet.clusters) {
    for (const object of cluster.objects ?? []) {
      collectImages(object, references);
    }
  }
  const hosts = new Set<string>();
  for (const reference of references) {
    try {
      hosts.add(splitReference(normalizeImageReference(reference)).host);
    } catch {
      // Not an image reference: nothing to mirror.
    }
  }
  return [...hosts].filter(Boolean).sort();
}

// `image:` fields anywhere in an object (pod specs, templates, job templates).
function collectImages(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    value.forEach(item => collectImages(item, into));
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'image' && typeof child === 'string' && child) {
        into.add(child);
      } else {
        collectImages(child, into);
      }
    }
  }
}

/** Pure: the app-config fragment for a simulator serving this fleet. */
export function simulatorAppConfig(
  sim: { armEndpoint: string; registryEndpoint: string },
  fleet: Fleet,
  options: { caFile?: string } = {},
): SimulatorAppConfig {
  const groups = new Map<string, Set<string>>();
  for (const cluster of fleet.clusters) {
    const arm = armLocationOf(cluster);
    const set = groups.get(arm.subscriptionId) ?? new Set<string>();
    set.add(arm.resourceGroup);
    groups.set(arm.subscriptionId, set);
  }
  const hosts = imageHosts(fleet);
  return {
    windowsReadiness: {
      azure: {
        armEndpoint: sim.armEndpoint,
        ...(options.caFile ? { caFile: options.caFile } : {}),
        // The simulator takes any bearer token; a real credential would try
        // to reach Azure, which a local demo must never do.
        credential: { type: 'static', token: 'aks-simulator' },
        subscriptions: [...groups.entries()].map(([id, resourceGroups]) => ({
          id,
          resourceGroups: [...resourceGroups].sort(),
        })),
        kubernetesAccess: 'userCredentials',
      },
      registries: {
        mirrors: hosts.map(host => ({ host, endpoint: sim.registryEndpoint })),
        allow: hosts,
        ...(options.caFile ? { caFile: options.caFile } : {}),
      },
    },
  };
}
