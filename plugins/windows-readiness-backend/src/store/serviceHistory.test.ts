/**
 * Per-service history on SQLite and PostgreSQL: counts over the services a
 * caller may read are computed in SQL from each service's day, agree with the
 * counts recorded over all of them, and days recorded before the migration
 * stay readable.
 */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { InputError } from '@backstage/errors';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import {
  aggregateReport,
  emptyStatusCounts,
  evaluateFleet,
  parseFleet,
  statusInCluster,
  type ServiceResult,
  type StatusCounts,
} from '@winready/plugin-windows-readiness-common';
import { historyOfDay } from '../service/historyOfDay';
import { DatabaseWindowsReadinessStore } from './DatabaseWindowsReadinessStore';
import { TABLES } from './db';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const migrations = resolve(__dirname, '../../migrations');

const demo = evaluateFleet(
  parseFleet(
    readFileSync(
      resolve(__dirname, '../../../../examples/fleets/demo.yaml'),
      'utf8',
    ),
    'demo.yaml',
  ),
  { asOf: new Date('2026-11-27T00:00:00Z') },
);
/** The services' days as the store would give them (status overall and per cluster). */
const daysOf = (services: readonly ServiceResult[]) =>
  services.map(service => ({
    service: service.id,
    status: service.status,
    clusters: service.clusters.map(name => ({
      name,
      status: statusInCluster(service, name),
    })),
  }));

// Owners by the services' kubernetes ids, two teams and one without owner.
const owners: Record<string, string | undefined> = Object.fromEntries(
  demo.services.map((s, i) => [
    s.id,
    i % 3 === 2 ? undefined : `group:default/team-${i % 3}`,
  ]),
);
const ids = demo.services.map(s => s.id);
const counts = (partial: Partial<StatusCounts>): StatusCounts => ({
  ...emptyStatusCounts(),
  ...partial,
});

describe.each(databases.eachSupportedId())(
  'per-service history on %s',
  databaseId => {
    let knex: Knex;
    let store: DatabaseWindowsReadinessStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseWindowsReadinessStore.create({
        database: { getClient: async () => knex },
        now: () => new Date('2026-11-27T12:00:00Z'),
      });
    });

    async function recordDemo(day: string, services = demo.services) {
      const day_ = historyOfDay(daysOf(services), owners);
      await store.recordHistory(day, day_.rows, day_.services);
    }

    it('counts the readable services in SQL, and all of them as recorded', async () => {
      await recordDemo('2026-11-26', demo.services.slice(1));
      await recordDemo('2026-11-27');
      const everyone = new Set(ids);
      for (const dimension of ['all', 'owner', 'cluster'] as const) {
        const recorded = await store.getHistory({ dimension });
        expect(recorded.length).toBeGreaterThan(1);
        expect(await store.getHistory({ dimension }, everyone)).toEqual(
          recorded,
        );
      }
    });

    // Fewer unreadable than readable services: recorded counts less theirs;
    // otherwise the readable ones are counted.
    it.each([
      [
        'every other service (recorded less the others)',
        (i: number) => i % 2 === 0,
      ],
      ['all but one (recorded less one)', (i: number) => i !== 4],
      ['three (counted)', (i: number) => i < 3],
      ['one (counted)', (i: number) => i === 5],
    ])('counts %s as the report would', async (_, readableIndex) => {
      await recordDemo('2026-11-26', demo.services.slice(1));
      await recordDemo('2026-11-27');
      const some = ids.filter((__, i) => readableIndex(i));
      const readable = new Set(some);
      const on = async (dimension: 'all' | 'owner' | 'cluster', day: string) =>
        (await store.getHistory({ dimension }, readable)).filter(
          e => e.day === day,
        );
      for (const day of ['2026-11-26', '2026-11-27']) {
        const expected = aggregateReport(
          demo.services.filter(
            s =>
              some.includes(s.id) &&
              (day === '2026-11-27' || s !== demo.services[0]),
          ),
          owners,
        );

        expect(await on('all', day)).toEqual([
          { day, dimension: 'all', key: '*', counts: expected.byStatus },
        ]);
        const byKey = async (dimension: 'owner' | 'cluster') =>
          Object.fromEntries(
            (await on(dimension, day)).map(e => [e.key, e.counts]),
          );
        expect(await byKey('owner')).toEqual(expected.byOwner);
        expect(await byKey('cluster')).toEqual(expected.byCluster);
      }
      expect(
        (await store.getHistory({ dimension: 'service' }, readable)).map(
          e => `${e.day} ${e.key}`,
        ),
      ).toEqual(
        [
          ...some.filter(id => id !== ids[0]).map(id => `2026-11-26 ${id}`),
          ...some.map(id => `2026-11-27 ${id}`),
        ].sort(),
      );
    });

    it('serves a restricted caller no day recorded without each service', async () => {
      const day_ = historyOfDay(daysOf(demo.services), owners);
      await store.recordHistory('2026-11-25', day_.rows);
      await recordDemo('2026-11-27');
      for (const dimension of ['all', 'owner', 'cluster'] as const) {
        const days = (await store.getHistory({ dimension }, new Set(ids))).map(
          e => e.day,
        );
        expect([dimension, [...new Set(days)]]).toEqual([
          dimension,
          ['2026-11-27'],
        ]);
      }
      expect(
        (await store.getHistory({ dimension: 'all' })).map(e => e.day),
      ).toEqual(['2026-11-25', '2026-11-27']);
    });

    it('keeps a row a day for dimension all, with zeros when nothing is readable', async () => {
      await recordDemo('2026-11-27');
      expect(await store.getHistory({ dimension: 'all' }, new Set())).toEqual([
        {
          day: '2026-11-27',
          dimension: 'all',
          key: '*',
          counts: emptyStatusCounts(),
        },
      ]);
      for (const dimension of ['owner', 'cluster', 'service'] as const) {
        expect(await store.getHistory({ dimension }, new Set())).toEqual([]);
      }
    });

    it('filters by key and days', async () => {
      await recordDemo('2026-11-25');
      await recordDemo('2026-11-27');
      const owner = 'group:default/team-0';
      const history = await store.getHistory(
        { dimension: 'owner', key: owner, from: '2026-11-26' },
        new Set(ids),
      );
      expect(history.map(e => [e.day, e.key])).toEqual([['2026-11-27', owner]]);
      expect(
        await store.getHistory(
          { dimension: 'service', key: ids[0], to: '2026-11-26' },
          new Set(ids.slice(1)),
        ),
      ).toEqual([]);
    });

    it('replaces a re-recorded day and prunes every table', async () => {
      await recordDemo('2026-11-27');
      await recordDemo('2026-11-27', demo.services.slice(0, 2));
      expect(
        await store.getHistory({ dimension: 'service' }, new Set(ids)),
      ).toHaveLength(2);
      await recordDemo('2026-08-01');
      const deleted = await store.pruneHistory(30, '2026-11-27');
      expect(deleted).toBeGreaterThan(demo.services.length);
      for (const table of [
        TABLES.history,
        TABLES.serviceHistory,
        TABLES.serviceClusterHistory,
      ]) {
        expect(await knex(table).where('day', '2026-08-01')).toEqual([]);
      }
    });

    it('refuses service counts and a service twice before touching the database', async () => {
      await expect(
        store.recordHistory('2026-11-27', [
          { dimension: 'service', key: ids[0], counts: counts({ ready: 1 }) },
        ]),
      ).rejects.toThrow(InputError);
      await expect(
        store.recordHistory(
          '2026-11-27',
          [],
          [
            { service: 'a', status: 'ready', clusters: [] },
            { service: 'a', status: 'blocked', clusters: [] },
          ],
        ),
      ).rejects.toThrow(/appears twice/);
      await expect(
        store.recordHistory(
          '2026-11-27',
          [],
          [{ service: 'a', status: 'green' as any, clusters: [] }],
        ),
      ).rejects.toThrow(InputError);
      expect(await knex(TABLES.serviceHistory)).toEqual([]);
    });

    it('keeps the days recorded before the migration readable', async () => {
      const fresh = await databases.init(databaseId);
      await fresh.migrate.up({ directory: migrations }); // the first one only
      const legacy = (dimension: string, key: string, c: StatusCounts) => ({
        day: '2026-11-20',
        dimension,
        key,
        blocked: c.blocked,
        at_risk: c['at-risk'],
        unknown: c.unknown,
        ready: c.ready,
        not_applicable: c['not-applicable'],
        recorded_at: new Date('2026-11-20T12:00:00Z'),
      });
      await fresh(TABLES.history).insert([
        legacy('all', '*', counts({ blocked: 1, ready: 1 })),
        legacy('owner', 'group:default/a', counts({ blocked: 1, ready: 1 })),
        legacy('service', 'component:default/x', counts({ blocked: 1 })),
        legacy('service', 'component:default/y', counts({ ready: 1 })),
      ]);
      const migrated = await DatabaseWindowsReadinessStore.create({
        database: { getClient: async () => fresh },
      });
      // A caller who reads everything sees the counts as recorded.
      expect(await migrated.getHistory({ dimension: 'owner' })).toEqual([
        {
          day: '2026-11-20',
          dimension: 'owner',
          key: 'group:default/a',
          counts: counts({ blocked: 1, ready: 1 }),
        },
      ]);
      // Each service's status is known: overall counts of the readable ones.
      const onlyY = new Set(['component:default/y']);
      expect(await migrated.getHistory({ dimension: 'all' }, onlyY)).toEqual([
        {
          day: '2026-11-20',
          dimension: 'all',
          key: '*',
          counts: counts({ ready: 1 }),
        },
      ]);
      expect(
        await migrated.getHistory({ dimension: 'service' }, onlyY),
      ).toEqual([
        {
          day: '2026-11-20',
          dimension: 'service',
          key: 'component:default/y',
          counts: counts({ ready: 1 }),
        },
      ]);
      // Whose they were was not kept: no owner rows for that day.
      expect(await migrated.getHistory({ dimension: 'owner' }, onlyY)).toEqual(
        [],
      );
      expect(await fresh(TABLES.history).where('dimension', 'service')).toEqual(
        [],
      );

      // And back: the per-service rows return to the old table (the later
      // migrations are undone first).
      const done = async () =>
        ((await fresh.migrate.list({ directory: migrations }))[0] as any[]).map(
          m => m.name ?? m.file,
        );
      while ((await done()).includes('20261201000000_service_history.js')) {
        await fresh.migrate.down({ directory: migrations });
      }
      expect(
        (await fresh(TABLES.history).where('dimension', 'service')).map(r => [
          r.key,
          r.blocked,
          r.ready,
        ]),
      ).toEqual([
        ['component:default/x', 1, 0],
        ['component:default/y', 0, 1],
      ]);
    });
  },
);
