/**
 * ReadinessNotifier on SQLite and PostgreSQL with a NotificationService that
 * records what it is asked to send: each event once, whoever evaluates it
 * and however often, and a failed send tried again.
 */
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import type { Knex } from 'knex';
import { DatabaseWindowsReadinessStore } from '../store';
import type { NotificationInput } from './notices';
import { ReadinessNotifier } from './ReadinessNotifier';
import { SentNotices } from './SentNotices';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const AS_OF = new Date('2026-11-27T12:00:00Z');
const DAY = 86_400_000;

const INPUT: NotificationInput = {
  asOf: AS_OF,
  services: [
    {
      entityRef: 'component:default/orders-legacy',
      status: 'blocked',
      failingChecks: ['image-os-build'],
      runsOn: [
        {
          cluster: 'aks-weu-legacy',
          pool: 'npwin',
          osSku: 'Windows2019',
          retirementDate: '2026-03-01',
          imageDeletionDate: '2027-04-01',
        },
      ],
    },
    {
      entityRef: 'component:default/payments',
      status: 'at-risk',
      previousStatus: 'at-risk',
      runsOn: [
        {
          cluster: 'aks-neu-modern',
          pool: 'npw22',
          osSku: 'Windows2022',
          retirementDate: '2027-03-15',
          imageDeletionDate: '2028-04-01',
        },
      ],
    },
  ],
};

/** A later evaluation of the same services: each stored as it was. */
const laterBy = (days: number): NotificationInput => ({
  asOf: new Date(AS_OF.getTime() + days * DAY),
  services: INPUT.services.map(s => ({ ...s, previousStatus: s.status })),
});

class RecordingNotifications implements NotificationService {
  sent: NotificationSendOptions[] = [];
  failing = false;
  async send(options: NotificationSendOptions) {
    // Another replica would be sending at the same moment.
    await new Promise(resolve => setTimeout(resolve, 5));
    if (this.failing) throw new Error('notifications backend answered 503');
    this.sent.push(options);
  }
  scopes() {
    return this.sent.map(s => s.payload.scope).sort();
  }
}

describe.each(databases.eachSupportedId())('ReadinessNotifier on %s', id => {
  let knex: Knex;
  let notifications: RecordingNotifications;
  const notifier = () =>
    new ReadinessNotifier({
      notifications,
      sent: new SentNotices(knex),
      logger: mockServices.logger.mock(),
      leadTimesDays: [180, 90, 30, 7],
    });

  beforeEach(async () => {
    knex = await databases.init(id);
    // The migrations, as the plugin runs them.
    await DatabaseWindowsReadinessStore.create({
      database: mockServices.database({ knex }),
    });
    notifications = new RecordingNotifications();
  });

  it('sends each event once to the entity, across evaluations and replicas', async () => {
    const replicas = [notifier(), notifier(), notifier()];
    await Promise.all(replicas.map(r => r.notifyAfterEvaluation(INPUT)));
    await notifier().notifyAfterEvaluation(INPUT);
    expect(notifications.scopes()).toEqual([
      'windows-readiness:blocked:component:default/orders-legacy:2026-11-27',
      'windows-readiness:image-deletion:component:default/orders-legacy:2027-04-01/180',
      'windows-readiness:pool-retirement:component:default/payments:2027-03-15/180',
    ]);
    expect(notifications.sent[0].recipients).toEqual({
      type: 'entity',
      entityRef: expect.stringMatching(/^component:default\//),
    });
  });

  it('sends the next lead time when its day comes, and nothing else', async () => {
    await notifier().notifyAfterEvaluation(INPUT);
    notifications.sent = [];
    // 17 days later payments' pool retires in 91 days: still the 180-day event.
    await notifier().notifyAfterEvaluation(laterBy(17));
    expect(notifications.sent).toEqual([]);
    await notifier().notifyAfterEvaluation(laterBy(18));
    expect(notifications.scopes()).toEqual([
      'windows-readiness:pool-retirement:component:default/payments:2027-03-15/90',
    ]);
    expect(notifications.sent[0].payload.severity).toBe('normal');
  });

  it('tries a failed lead-time notice again at the next evaluation', async () => {
    notifications.failing = true;
    await notifier().notifyAfterEvaluation(INPUT);
    expect(notifications.sent).toEqual([]);
    notifications.failing = false;
    // The next evaluation: orders-legacy is stored as blocked by now.
    await notifier().notifyAfterEvaluation(laterBy(0));
    expect(notifications.scopes()).toEqual([
      'windows-readiness:image-deletion:component:default/orders-legacy:2027-04-01/180',
      'windows-readiness:pool-retirement:component:default/payments:2027-03-15/180',
    ]);
  });

  it('forgets the events no evaluation can give again', async () => {
    await notifier().notifyAfterEvaluation(INPUT);
    const rows = async () =>
      Number(
        (await knex('winready_notifications_sent').count({ n: '*' }))[0].n,
      );
    expect(await rows()).toBe(3);
    // The widest lead time and a day later, nothing sent then can recur.
    await notifier().notifyAfterEvaluation({
      asOf: new Date(AS_OF.getTime() + 182 * DAY),
      services: [],
    });
    expect(await rows()).toBe(0);
  });
});
