import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationSeverity } from '@backstage/plugin-notifications-common';
import {
  daysUntil,
  type CheckId,
  type PoolFacts,
  type ServiceStatus,
} from '@winready/plugin-windows-readiness-common';

/** One evaluated service, as the notifier needs it. */
export interface ServiceNoticeInput {
  entityRef: string;
  status: ServiceStatus;
  /** Its stored status before this evaluation; absent when it had none. */
  previousStatus?: ServiceStatus;
  failingChecks?: readonly CheckId[];
  /** The Windows pools it runs on (poolsRunOn). */
  runsOn: readonly PoolFacts[];
}

/** What ReadinessNotifier.notifyAfterEvaluation takes: one evaluation's services. */
export interface NotificationInput {
  services: readonly ServiceNoticeInput[];
  /** The evaluation's "as of": the days count from it. */
  asOf: Date;
}

export type NoticeKind = 'blocked' | 'pool-retirement' | 'image-deletion';

/** A notification to the owner of one entity about one event. */
export interface Notice {
  entityRef: string;
  kind: NoticeKind;
  /** Which event of that kind; with entityRef and kind, the key of one notification. */
  event: string;
  severity: NotificationSeverity;
  topic: string;
  title: string;
  description: string;
  /** The entity's Windows readiness tab, relative to the app. */
  link: string;
}

/** Lead times when none are configured: days before a pool date. */
export const DEFAULT_LEAD_TIMES_DAYS: readonly number[] = [180, 90, 30, 7];

export const NOTICE_TOPICS: Record<NoticeKind, string> = {
  blocked: 'windows-readiness.blocked',
  'pool-retirement': 'windows-readiness.pool-retirement',
  'image-deletion': 'windows-readiness.image-deletion',
};

/** The closer the date, the louder. */
export function severityForLeadTime(days: number): NotificationSeverity {
  if (days <= 7) return 'critical';
  if (days <= 30) return 'high';
  if (days <= 90) return 'normal';
  return 'low';
}

// As the catalog's entity routes write them (entityRouteParams): kind and
// namespace in lower case.
function entityParts(entityRef: string) {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return {
    kind: kind.toLocaleLowerCase('en-US'),
    namespace: namespace.toLocaleLowerCase('en-US'),
    name,
  };
}

/** The entity's Windows readiness tab (the frontend's entity content path). */
export function readinessTabLink(entityRef: string): string {
  const { kind, namespace, name } = entityParts(entityRef);
  return `/catalog/${[namespace, kind, name]
    .map(encodeURIComponent)
    .join('/')}/windows-readiness`;
}

const DATES = {
  'pool-retirement': 'retirementDate',
  'image-deletion': 'imageDeletionDate',
} as const;

function poolList(pools: readonly PoolFacts[]) {
  return pools.map(p => `${p.cluster}/${p.pool}`).join(', ');
}

function dateNotice(
  service: ServiceNoticeInput,
  kind: 'pool-retirement' | 'image-deletion',
  date: string,
  days: number,
  lead: number,
  pools: readonly PoolFacts[],
): Notice {
  const { name } = entityParts(service.entityRef);
  const skus = [...new Set(pools.map(p => p.osSku ?? 'an unknown OS SKU'))];
  const successors = [
    ...new Set(
      pools.flatMap(p => (p.successorOsSku ? [p.successorOsSku] : [])),
    ),
  ];
  const when = days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`;
  const move = successors.length
    ? ` Move it to a ${successors.join(
        ' or ',
      )} pool: the Windows readiness tab says whether its images run there (upgrade-path).`
    : '';
  const runs = `${name} runs on ${poolList(pools)} (${skus.join(', ')})`;
  const [title, what] =
    kind === 'pool-retirement'
      ? [
          `${name}: ${skus.join(', ')} retires ${when} (${date})`,
          `${runs}. AKS retires ${skus.join(
            ', ',
          )} on ${date}: no new node images or security patches after it.`,
        ]
      : [
          `${name}: ${skus.join(
            ', ',
          )} node images are deleted ${when} (${date})`,
          `${runs}. AKS deletes the ${skus.join(
            ', ',
          )} node images on ${date}: scaling out or reimaging these pools fails from then on.`,
        ];
  return {
    entityRef: service.entityRef,
    kind,
    event: `${date}/${lead}`,
    severity: severityForLeadTime(lead),
    topic: NOTICE_TOPICS[kind],
    title,
    description: `${what}${move}`,
    link: readinessTabLink(service.entityRef),
  };
}

/**
 * The notices one evaluation gives: a service that has become blocked (it
 * was not blocked before, or had no result), and, per pool date it runs on,
 * the tightest lead time the date is now within. A date that has passed gives
 * none, and a service first seen 20 days before a date gets the 30-day notice
 * only, not every wider one.
 */
export function noticesFor(
  input: NotificationInput,
  leadTimesDays: readonly number[] = DEFAULT_LEAD_TIMES_DAYS,
): Notice[] {
  const leads = [...new Set(leadTimesDays)].sort((a, b) => a - b);
  const day = input.asOf.toISOString().slice(0, 10);
  const notices: Notice[] = [];
  for (const service of input.services) {
    if (service.status === 'blocked' && service.previousStatus !== 'blocked') {
      const { name } = entityParts(service.entityRef);
      const failing = service.failingChecks ?? [];
      notices.push({
        entityRef: service.entityRef,
        kind: 'blocked',
        event: day,
        severity: 'high',
        topic: NOTICE_TOPICS.blocked,
        title: `${name} is blocked: its Windows containers cannot start`,
        description: `${
          failing.length ? `Failing: ${failing.join(', ')}. ` : ''
        }The Windows readiness tab shows the evidence and the fix.`,
        link: readinessTabLink(service.entityRef),
      });
    }
    for (const kind of ['pool-retirement', 'image-deletion'] as const) {
      const byDate = new Map<string, PoolFacts[]>();
      for (const pool of service.runsOn) {
        const date = pool[DATES[kind]];
        if (date) byDate.set(date, [...(byDate.get(date) ?? []), pool]);
      }
      for (const [date, pools] of [...byDate].sort()) {
        const days = daysUntil(date, input.asOf);
        const lead = leads.find(l => days <= l);
        if (days < 0 || lead === undefined) continue;
        notices.push(dateNotice(service, kind, date, days, lead, pools));
      }
    }
  }
  return notices;
}
