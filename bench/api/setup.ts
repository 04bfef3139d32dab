/**
 * What the backend of `yarn bench:api` is given: the catalog entities of the
 * generated fleet's services (one Component per `backstage.io/kubernetes-id`,
 * plus the owning Groups) and its app-config, which points the Kubernetes
 * backend and the windows-readiness sources at the simulator.
 */
import { writeFileSync } from 'node:fs';
import type { Fleet } from '@winready/plugin-windows-readiness-common';
import type { SimulatorReady } from './simulatorChild';

const KUBERNETES_ID = 'backstage.io/kubernetes-id';

export interface FleetService {
  id: string;
  team: string;
  clusters: string[];
}

/** The services of a fleet by their Deployments' `backstage.io/kubernetes-id`, sorted by id. */
export function fleetServices(fleet: Fleet): FleetService[] {
  const services = new Map<string, FleetService>();
  for (const cluster of fleet.clusters) {
    for (const object of cluster.objects ?? []) {
      if (object.kind !== 'Deployment') continue;
      const id = object.metadata?.labels?.[KUBERNETES_ID];
      if (!id) continue;
      const service = services.get(id) ?? {
        id,
        team: object.metadata?.namespace ?? 'default',
        clusters: [],
      };
      if (!service.clusters.includes(cluster.name)) {
        service.clusters.push(cluster.name);
      }
      services.set(id, service);
    }
  }
  return [...services.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export const entityRefOf = (service: FleetService) =>
  `component:default/${service.id}`;

/** Writes one YAML stream: a Group per team, a Component per service; returns how many Components. */
export function writeEntities(file: string, services: FleetService[]): number {
  const teams = [...new Set(services.map(s => s.team))].sort();
  // JSON documents are YAML documents: no serialiser needed.
  const documents = [
    ...teams.map(team => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: team },
      spec: { type: 'team', children: [] },
    })),
    ...services.map(service => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: service.id,
        annotations: { [KUBERNETES_ID]: service.id },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: `group:default/${service.team}`,
        system: service.team,
      },
    })),
  ];
  writeFileSync(
    file,
    documents.map(document => `---\n${JSON.stringify(document)}\n`).join(''),
  );
  return services.length;
}

export interface BackendConfigOptions {
  port: number;
  entitiesFile: string;
  sim: SimulatorReady;
  database: { client: 'better-sqlite3' | 'pg'; connection: unknown };
  /** Extra keys under `backend.database` (e.g. a prefix for PostgreSQL). */
  databaseExtra?: Record<string, unknown>;
  kubernetesKinds: 'served' | 'all';
}

/** The Kubernetes backend's default kinds that the simulator serves (it has no Service, ConfigMap, LimitRange, ResourceQuota, HPA or Ingress). */
export const SIMULATOR_SERVED_KINDS = [
  'pods',
  'deployments',
  'replicasets',
  'jobs',
  'cronjobs',
  'statefulsets',
  'daemonsets',
];

/** The whole app-config of the benchmark backend (the repository's app-config.yaml is not read). */
export function backendConfig(options: BackendConfigOptions) {
  const { port, sim } = options;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app: { baseUrl },
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port },
      database: { ...options.database, ...options.databaseExtra },
    },
    auth: {
      providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
    },
    permission: { enabled: true },
    catalog: {
      rules: [{ allow: ['Component', 'Group', 'Location'] }],
      locations: [{ type: 'file', target: options.entitiesFile }],
    },
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      ...(options.kubernetesKinds === 'served'
        ? { objectTypes: SIMULATOR_SERVED_KINDS }
        : {}),
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: Object.entries(sim.kubernetesServers).map(
            ([name, url]) => ({
              name,
              url,
              authProvider: 'serviceAccount',
              serviceAccountToken: sim.kubernetesToken,
              caData: Buffer.from(sim.caPem).toString('base64'),
              ...(options.kubernetesKinds === 'served'
                ? { skipMetricsLookup: true }
                : {}),
            }),
          ),
        },
      ],
    },
    windowsReadiness: {
      ...sim.appConfig.windowsReadiness,
      // The benchmark triggers the refresh itself (POST /v1/refresh) once
      // the catalog holds every entity. Not an initialDelay: the scheduler's
      // worker does not look at triggers until its initial delay is over.
      schedule: {
        frequency: { trigger: 'manual' },
        timeout: { minutes: 30 },
      },
    },
  };
}

/** JSON is YAML: the config file Backstage's loader reads. */
export function writeConfig(file: string, config: unknown) {
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}
