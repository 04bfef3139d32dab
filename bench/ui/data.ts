/**
 * What the portal of `yarn bench:ui` is given, written to a temp dir: the
 * generated fleet as JSON (the demo module's `parseFleet` takes JSON without
 * the YAML parser), the catalog entities of its services (a Component per
 * `backstage.io/kubernetes-id`, with its owning Group and its System) and the
 * extra app-config file that points the portal at both, on ports of its own.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fleetStats, generateFleet, type GenerateFleetOptions } from '../fleet';

const KUBERNETES_ID = 'backstage.io/kubernetes-id';
/** Systems a team's services are spread over (deterministic, by service index). */
const SYSTEM_SUFFIXES = ['core', 'edge', 'batch'];

export interface BenchService {
  id: string;
  team: string;
  system: string;
}

export interface BenchData {
  fleetFile: string;
  fleetBytes: number;
  entitiesFile: string;
  services: BenchService[];
  groups: number;
  systems: number;
  stats: ReturnType<typeof fleetStats>;
  generateMs: number;
}

/** Generates the fleet and writes it and its catalog entities into `dir`. */
export function writeBenchData(
  dir: string,
  options: GenerateFleetOptions,
): BenchData {
  const started = performance.now();
  const fleet = generateFleet(options);
  const stats = fleetStats(fleet);
  const fleetFile = join(dir, 'fleet.json');
  const text = JSON.stringify(fleet);
  writeFileSync(fleetFile, text);

  const byId = new Map<string, { id: string; team: string }>();
  for (const cluster of fleet.clusters) {
    for (const object of cluster.objects ?? []) {
      if (object.kind !== 'Deployment') continue;
      const id = object.metadata?.labels?.[KUBERNETES_ID];
      if (!id || byId.has(id)) continue;
      byId.set(id, { id, team: object.metadata?.namespace ?? 'default' });
    }
  }
  const perTeam = new Map<string, number>();
  const services = [...byId.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(service => {
      const index = perTeam.get(service.team) ?? 0;
      perTeam.set(service.team, index + 1);
      const suffix = SYSTEM_SUFFIXES[index % SYSTEM_SUFFIXES.length];
      return { ...service, system: `${service.team}-${suffix}` };
    });
  const teams = [...perTeam.keys()].sort();
  const systems = [...new Set(services.map(s => s.system))].sort();

  // JSON documents are YAML documents: no serialiser needed.
  const documents = [
    ...teams.map(team => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: team, title: `Team ${team}` },
      spec: { type: 'team', children: [] },
    })),
    ...systems.map(system => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: system },
      spec: { owner: `group:default/${system.replace(/-[^-]+$/, '')}` },
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
        system: service.system,
      },
    })),
  ];
  const entitiesFile = join(dir, 'entities.yaml');
  writeFileSync(
    entitiesFile,
    documents.map(document => `---\n${JSON.stringify(document)}\n`).join(''),
  );
  return {
    fleetFile,
    fleetBytes: Buffer.byteLength(text),
    entitiesFile,
    services,
    groups: teams.length,
    systems: systems.length,
    stats,
    generateMs: performance.now() - started,
  };
}

export interface PortalConfigOptions {
  appPort: number;
  backendPort: number;
  /** Origins of other frontends that call the backend (the production build's server). */
  extraOrigins?: string[];
  fleetFile: string;
  entitiesFile: string;
}

/**
 * The extra config file, loaded after the repository's app-config.yaml:
 * objects merge into it, arrays replace its arrays (so the demo's catalog
 * locations and rules are gone). Loopback only, on the bench's own ports.
 */
export function portalConfig(options: PortalConfigOptions) {
  const app = `http://127.0.0.1:${options.appPort}`;
  const backend = `http://127.0.0.1:${options.backendPort}`;
  return {
    app: { baseUrl: app, listen: { host: '127.0.0.1', port: options.appPort } },
    backend: {
      baseUrl: backend,
      listen: { host: '127.0.0.1', port: options.backendPort },
      cors: { origin: [app, ...(options.extraOrigins ?? [])] },
    },
    // The guest sign-in checks the caller's origin too.
    ...(options.extraOrigins?.length
      ? { auth: { experimentalExtraAllowedOrigins: options.extraOrigins } }
      : {}),
    catalog: {
      rules: [{ allow: ['Component', 'System', 'Group', 'Location'] }],
      locations: [{ type: 'file', target: options.entitiesFile }],
    },
    windowsReadiness: { demo: { fleetFile: options.fleetFile } },
  };
}

export function writePortalConfig(file: string, options: PortalConfigOptions) {
  writeFileSync(file, `${JSON.stringify(portalConfig(options), null, 2)}\n`);
}

/** Loaded after the portal's config for the production build: the app lives on its own port. */
export function writeBuildConfig(file: string, appPort: number) {
  const app = `http://127.0.0.1:${appPort}`;
  writeFileSync(
    file,
    `${JSON.stringify(
      { app: { baseUrl: app, listen: { host: '127.0.0.1', port: appPort } } },
      null,
      2,
    )}\n`,
  );
}
