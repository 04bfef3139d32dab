import {
  parseTaint,
  type TaintWhatIfRequest,
} from '@winready/plugin-windows-readiness-common';

export type TaintChange = 'add' | 'remove';

const EFFECTS = 'NoSchedule, PreferNoSchedule or NoExecute';

/**
 * What is wrong with the taint text, in words, before any request: an added
 * taint is `key[=value]:Effect`; a removed one is that or its key alone.
 * Undefined when it is fine (or still empty: nothing to say yet).
 */
export function taintInputProblem(
  change: TaintChange,
  text: string,
): string | undefined {
  const taint = text.trim();
  if (!taint || parseTaint(taint)) return undefined;
  if (change === 'add') {
    return `"${taint}" is not a taint: write key=value:Effect, with Effect ${EFFECTS}`;
  }
  // A key alone follows the key syntax of a taint (common's parseTaint).
  if (!/[=:]/.test(taint) && parseTaint(`${taint}:NoSchedule`)) {
    return undefined;
  }
  return `"${taint}" is neither a taint key nor a taint: write key, or key=value:Effect with Effect ${EFFECTS}`;
}

/** The request, or undefined while the pool or the taint is missing or wrong. */
export function taintWhatIfRequest(
  cluster: string,
  pool: string,
  change: TaintChange,
  text: string,
): TaintWhatIfRequest | undefined {
  const taint = text.trim();
  if (!pool || !taint || taintInputProblem(change, taint)) return undefined;
  return change === 'add'
    ? { cluster, pool, addTaint: taint }
    : { cluster, pool, removeTaint: taint };
}

/** A taint what-if as a link gives it: `?view=pools&cluster=C&pool=P&addTaint=T`. */
export interface TaintWhatIfLink {
  cluster: string;
  pool: string;
  change: TaintChange;
  taint: string;
  /** Why the link cannot run as it stands (the panel shows it, and waits). */
  problem?: string;
}

/** The taint what-if a page address asks for, if any: it needs a cluster and a pool. */
export function parseTaintWhatIfLink(
  params: URLSearchParams,
): TaintWhatIfLink | undefined {
  const cluster = params.get('cluster')?.trim();
  const pool = params.get('pool')?.trim();
  if (!cluster || !pool) return undefined;
  const add = params.get('addTaint')?.trim();
  const remove = params.get('removeTaint')?.trim();
  if (add && remove) {
    return {
      cluster,
      pool,
      change: 'add',
      taint: add,
      problem:
        'The link has both addTaint and removeTaint: a what-if changes one taint at a time.',
    };
  }
  const change: TaintChange = remove ? 'remove' : 'add';
  const taint = (remove ? remove : add) ?? '';
  const problem = taintInputProblem(change, taint);
  return { cluster, pool, change, taint, ...(problem ? { problem } : {}) };
}

/** The search part of a link to this what-if (the node pools view). */
export function taintWhatIfSearch(request: TaintWhatIfRequest): string {
  const params = new URLSearchParams({
    view: 'pools',
    cluster: request.cluster,
    pool: request.pool,
  });
  if (request.addTaint) params.set('addTaint', request.addTaint);
  if (request.removeTaint) params.set('removeTaint', request.removeTaint);
  return `?${params}`;
}
