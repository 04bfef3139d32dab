/**
 * `yarn bench:history`: GET /v1/history's store queries over a long history,
 * for a caller who reads everything (the counts recorded each day) and for
 * callers who read part of the services (counted in SQL from each service's
 * day). Fills the real store (migrations included) through recordHistory with
 * `--days` days of `--services` services, then times each dimension.
 *
 * Options: `--database sqlite|postgres` (postgres reads
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING), `--days N` (400),
 * `--services N` (5000), `--clusters N` (100), `--runs N` (5).
 */
import knexFactory, { type Knex } from 'knex';
import {
  SERVICE_STATUSES,
  emptyStatusCounts,
  type ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import { DatabaseWindowsReadinessStore } from '../plugins/windows-readiness-backend/src/store';
import type {
  HistoryRow,
  ServiceDay,
} from '../plugins/windows-readiness-backend/src/store';
import { dropPostgresDatabases } from './api/postgres';
import { runMain } from './shared/runMain';
import { median } from './shared/stats';

const TARGET_MS = 500;

function flag(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
}

function dayString(start: number, offset: number): string {
  return new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
}

/** One day of `services` services over `clusters` clusters, deterministic. */
function dayOf(services: number, clusters: number, day: number) {
  const rows: ServiceDay[] = [];
  const all = emptyStatusCounts();
  const owners = new Map<string, Record<ServiceStatus, number>>();
  const byCluster = new Map<string, Record<ServiceStatus, number>>();
  for (let i = 0; i < services; i++) {
    const status = SERVICE_STATUSES[(i * 7 + day) % SERVICE_STATUSES.length];
    const owner = `group:default/team-${i % 50}`;
    const cluster = `aks-${i % clusters}`;
    rows.push({
      service: `component:default/service-${i}`,
      status,
      owner,
      clusters: [{ name: cluster, status }],
    });
    all[status]++;
    const o = owners.get(owner) ?? emptyStatusCounts();
    o[status]++;
    owners.set(owner, o);
    const c = byCluster.get(cluster) ?? emptyStatusCounts();
    c[status]++;
    byCluster.set(cluster, c);
  }
  const counts: HistoryRow[] = [
    { dimension: 'all', key: '*', counts: all },
    ...[...owners].map(([key, c]) => ({
      dimension: 'owner' as const,
      key,
      counts: c,
    })),
    ...[...byCluster].map(([key, c]) => ({
      dimension: 'cluster' as const,
      key,
      counts: c,
    })),
  ];
  return { rows, counts };
}

async function main() {
  const database = flag('database', 'sqlite');
  const days = Number(flag('days', '400'));
  const services = Number(flag('services', '5000'));
  const clusters = Number(flag('clusters', '100'));
  const runs = Number(flag('runs', '5'));
  const pg = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  const prefix = `winready_bench_history_${process.pid}`;
  let knex: Knex;
  if (database === 'postgres') {
    if (!pg)
      throw new Error(
        'postgres needs BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING',
      );
    const admin = knexFactory({ client: 'pg', connection: pg });
    await admin.raw('CREATE DATABASE ??', [prefix]);
    await admin.destroy();
    knex = knexFactory({
      client: 'pg',
      connection: `${pg.replace(/\/$/, '')}/${prefix}`,
    });
  } else {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
      pool: { min: 1, max: 1 },
    });
  }
  try {
    const store = await DatabaseWindowsReadinessStore.create({
      database: { getClient: async () => knex },
    });
    const fillStart = Date.now();
    const start = Date.parse('2025-10-24T00:00:00Z');
    for (let d = 0; d < days; d++) {
      const { rows, counts } = dayOf(services, clusters, d);
      await store.recordHistory(dayString(start, d), counts, rows);
      if (d % 50 === 49) process.stderr.write(`filled ${d + 1}/${days} days\n`);
    }
    const fillMs = Date.now() - fillStart;
    const ids = Array.from(
      { length: services },
      (_, i) => `component:default/service-${i}`,
    );
    const views: Array<[string, ReadonlySet<string> | undefined]> = [
      ['reads everything', undefined],
      ['reads all but one', new Set(ids.slice(1))],
      ['reads half', new Set(ids.filter((_, i) => i % 2 === 0))],
      ['reads 50', new Set(ids.slice(0, 50))],
    ];
    const lines: string[] = [];
    let miss = false;
    for (const dimension of ['all', 'owner', 'cluster', 'service'] as const) {
      for (const [view, readable] of views) {
        const times: number[] = [];
        let items = 0;
        for (let r = 0; r < runs; r++) {
          const t = process.hrtime.bigint();
          const answer = await store.getHistory(
            dimension === 'service'
              ? { dimension, key: ids[0] }
              : { dimension },
            readable,
          );
          times.push(Number(process.hrtime.bigint() - t) / 1e6);
          items = answer.length;
        }
        const ms = median(times);
        miss ||= ms > TARGET_MS;
        lines.push(
          `${dimension.padEnd(8)} ${view.padEnd(18)} ${String(items).padStart(
            7,
          )} items  median ${ms.toFixed(0).padStart(6)} ms  ${
            ms > TARGET_MS ? 'MISS' : 'PASS'
          }`,
        );
      }
    }
    process.stdout.write(
      `history on ${database}: ${days} days x ${services} services, ${clusters} clusters (filled in ${(
        fillMs / 1000
      ).toFixed(0)} s); target median < ${TARGET_MS} ms a query\n${lines.join(
        '\n',
      )}\n${miss ? 'MISS' : 'PASS'}\n`,
    );
  } finally {
    await knex.destroy();
    if (database === 'postgres') await dropPostgresDatabases(pg!, prefix);
  }
}

runMain(main, { exit: true });
