/**
 * Notifications to owners, end to end: the real windows-readiness plugin
 * refreshes the demo fleet from the AKS simulator and the real notifications
 * backend (@backstage/plugin-notifications-backend) resolves each entity to
 * its owner's members and stores what they receive. Two refreshes, then a
 * second backend on the same databases (a replica), then a backend whose
 * clock is four months later: each event reaches its owners once, and an
 * entity a refresh did not change gets nothing new.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import type { Knex } from 'knex';
import request from 'supertest';
import {
  DEMO_NOW,
  loadDemoEntities,
  refreshAndWait,
  startReadinessBackend,
  startSimulatorFixture,
  type SimulatorFixture,
  type TestBackend,
} from '../__testUtils__/harness';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const memberOf = (team: string) => `user:default/${team}-lead`;

/** The demo's entities with the relations the catalog would compute: each team has one member. */
function entitiesWithOwners(): Entity[] {
  const components = loadDemoEntities().map(entity => {
    const owner = entity.spec?.owner;
    return typeof owner === 'string'
      ? {
          ...entity,
          relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
        }
      : entity;
  });
  const teams = [
    ...new Set(
      components.flatMap(e =>
        typeof e.spec?.owner === 'string' ? [e.spec.owner] : [],
      ),
    ),
  ];
  const groups: Entity[] = teams.map(team => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: team, namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [{ type: 'hasMember', targetRef: memberOf(team) }],
  }));
  return [...components, ...groups];
}

/** Every notification each team's member has, as `entity kind event`, sorted. */
async function received(backend: TestBackend, teams: string[]) {
  const all: string[] = [];
  for (const team of teams) {
    const res = await request(backend.server)
      .get('/api/notifications/notifications?limit=500')
      .set('Authorization', mockCredentials.user.header(memberOf(team)));
    expect(res.status).toBe(200);
    for (const n of res.body.notifications) {
      const [, kind, ...rest] = n.payload.scope.split(':');
      const event = rest.pop();
      all.push(`${team} ${rest.join(':')} ${kind} ${event}`);
    }
  }
  return all.sort();
}

describe.each(databases.eachSupportedId())(
  'notifications to owners on %s',
  databaseId => {
    let fx: SimulatorFixture;
    let readinessDb: Knex;
    let notificationsDb: Knex;
    const entities = entitiesWithOwners();
    const teams = entities
      .filter(e => e.kind === 'Group')
      .map(e => e.metadata.name);
    const started: TestBackend[] = [];

    /** A backend with both plugins; every backend shares the two databases. */
    const startBackend = async (now: Date) => {
      const backend = await startReadinessBackend({
        sources: fx.sourcesConfig(),
        now,
        catalog: catalogServiceMock.factory({ entities }),
        config: {
          app: { baseUrl: 'http://localhost:3000' },
          windowsReadiness: { notifications: { enabled: true } },
        },
        features: [
          notificationsPlugin,
          createServiceFactory({
            service: coreServices.database,
            deps: { plugin: coreServices.pluginMetadata },
            factory: ({ plugin }) =>
              mockServices.database({
                knex:
                  plugin.getId() === 'notifications'
                    ? notificationsDb
                    : readinessDb,
              }),
          }),
        ],
      });
      started.push(backend);
      return backend;
    };
    const stopAll = async () => {
      while (started.length) await started.pop()!.stop();
    };

    beforeAll(async () => {
      fx = await startSimulatorFixture();
      readinessDb = await databases.init(databaseId);
      notificationsDb = await databases.init(databaseId);
    });
    afterAll(async () => {
      await stopAll();
      await fx?.stop();
    });

    // As of 2026-11-27 (demo/README: Windows2019 retired 2026-03-01, images
    // deleted 2027-04-01; Windows2022 retires 2027-03-15; WindowsAnnual's
    // images are deleted 2027-05-15).
    const FIRST = [
      // Blocked: each of the five blocked services' owner hears it once.
      'team-office component:default/fax-gateway blocked 2026-11-27',
      'team-office component:default/label-printer blocked 2026-11-27',
      'team-office component:default/print-spooler blocked 2026-11-27',
      'team-finance component:default/reports-job blocked 2026-11-27',
      'team-orders component:default/orders-legacy blocked 2026-11-27',
      // Windows2019 node images deleted in 125 days: the 180-day notice.
      'team-web component:default/catalog-web image-deletion 2027-04-01/180',
      'team-orders component:default/orders image-deletion 2027-04-01/180',
      'team-orders component:default/orders-legacy image-deletion 2027-04-01/180',
      // WindowsAnnual images deleted in 169 days.
      'team-office component:default/fax-gateway image-deletion 2027-05-15/180',
      // Windows2022 retires in 108 days.
      'team-office component:default/fax-gateway pool-retirement 2027-03-15/180',
      'team-office component:default/print-spooler pool-retirement 2027-03-15/180',
      'team-finance component:default/ledger pool-retirement 2027-03-15/180',
      'team-payments component:default/payments pool-retirement 2027-03-15/180',
      'team-platform component:default/hostprocess-agent pool-retirement 2027-03-15/180',
    ].sort();

    it('two refreshes: one notification per event', async () => {
      const backend = await startBackend(DEMO_NOW);
      await refreshAndWait(backend.server);
      expect(await received(backend, teams)).toEqual(FIRST);
      await refreshAndWait(backend.server);
      expect(await received(backend, teams)).toEqual(FIRST);
    });

    it('a second backend on the same databases sends none of them again', async () => {
      const replica = await startBackend(DEMO_NOW);
      await refreshAndWait(replica.server);
      await refreshAndWait(replica.server);
      expect(await received(replica, teams)).toEqual(FIRST);
      await stopAll();
    });

    it('four months later: only what changed, for the entities it changed', async () => {
      // 2027-04-02: Windows2019's node images were deleted yesterday, so
      // orders and catalog-web become blocked (os-sku-lifecycle fails);
      // orders-legacy was blocked already. WindowsAnnual's images go in 43
      // days: fax-gateway's 90-day notice. Windows2022 has retired: no
      // notice for a date that has passed.
      const later = await startBackend(new Date('2027-04-02T12:00:00Z'));
      await refreshAndWait(later.server);
      const now = await received(later, teams);
      const added = now.filter(line => !FIRST.includes(line));
      expect(added).toEqual([
        'team-office component:default/fax-gateway image-deletion 2027-05-15/90',
        'team-orders component:default/orders blocked 2027-04-02',
        'team-web component:default/catalog-web blocked 2027-04-02',
      ]);
      expect(now.filter(line => FIRST.includes(line))).toEqual(FIRST);
      // Unchanged entities, blocked or not, got nothing new.
      for (const entity of ['orders-legacy', 'payments', 'search-indexer']) {
        expect(added.some(line => line.includes(`/${entity} `))).toBe(false);
      }
    });
  },
);
