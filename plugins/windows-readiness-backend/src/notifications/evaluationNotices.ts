import {
  poolsRunOn,
  type EvaluationResult,
  type ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import type { NotificationInput } from './notices';

/**
 * What the notifier needs from one evaluation, its services stored under
 * their ids, and `previous`: the statuses stored before it replaced them.
 */
export function notificationInput(
  evaluation: EvaluationResult,
  previous: ReadonlyMap<string, ServiceStatus>,
): NotificationInput {
  return {
    asOf: new Date(evaluation.asOf),
    services: evaluation.services.map(service => ({
      entityRef: service.id,
      status: service.status,
      previousStatus: previous.get(service.id),
      failingChecks: service.checks
        .filter(check => check.result === 'fail')
        .map(check => check.id),
      runsOn: poolsRunOn(service, evaluation.clusters),
    })),
  };
}
