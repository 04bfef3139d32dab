import type { ServiceChange, WindowsReadinessStore } from '../store';
import { notificationInput } from './evaluationNotices';
import type { ReadinessNotifier } from './ReadinessNotifier';

/**
 * After a shard's run: the services as stored now, each with its status
 * before the run where the run changed it. Lead-time notices look at every
 * service (each is sent once, whichever run sees it first); a blocked notice
 * only where the status changed.
 */
export async function notifyOwners(
  store: WindowsReadinessStore,
  notifier: Pick<ReadinessNotifier, 'notifyAfterEvaluation'>,
  changes: readonly ServiceChange[],
  asOf: Date,
): Promise<void> {
  const [services, clusters] = await Promise.all([
    store.listServiceResults(),
    store.listClusterResults(),
  ]);
  const previous = new Map(services.items.map(s => [s.id, s.status]));
  for (const change of changes) {
    if (change.before) previous.set(change.id, change.before);
    else previous.delete(change.id);
  }
  await notifier.notifyAfterEvaluation(
    notificationInput(
      {
        asOf: asOf.toISOString(),
        services: services.items.map(s => ({ ...s.result, id: s.id })),
        clusters: clusters.map(c => c.result),
      },
      previous,
    ),
  );
}
