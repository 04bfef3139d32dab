import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Names this backend instance in what it collects (`collectedBy`), so that an
 * operator sees which replica read a cluster: the host, the process and a
 * random part (several backends may share a process in tests).
 */
export function instanceName(): string {
  return `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
}
