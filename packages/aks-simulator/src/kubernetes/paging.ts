import { createHash } from 'node:crypto';
import type { KubernetesObject } from '@winready/plugin-windows-readiness-common';

/**
 * Pure: list chunking as the API server does it (`limit` and `continue`).
 * Items come sorted by key (`namespace/name`, as etcd keys sort); a continue
 * token carries the key to resume from, the resource version of the first
 * page and a fingerprint of the query, so that it only continues that query.
 */

export interface ListQuery {
  cluster: string;
  resource: string;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface ListPage {
  items: KubernetesObject[];
  continue?: string;
  remainingItemCount?: number;
  resourceVersion: string;
}

/** A continue token that cannot be used: the API server answers 410 Gone. */
export class ContinueTokenError extends Error {
  name = 'ContinueTokenError';
}

export function objectKey(object: KubernetesObject): string {
  return `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

export function sortByKey(objects: KubernetesObject[]): KubernetesObject[] {
  return [...objects].sort((a, b) => {
    const ka = objectKey(a);
    const kb = objectKey(b);
    if (ka < kb) return -1;
    return ka > kb ? 1 : 0;
  });
}

function fingerprint(query: ListQuery): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        query.cluster,
        query.resource,
        query.namespace ?? '',
        query.labelSelector ?? '',
        query.fieldSelector ?? '',
      ]),
    )
    .digest('base64url')
    .slice(0, 16);
}

interface ContinueState {
  v: 1;
  rv: string;
  start: string;
  q: string;
}

export function encodeContinue(
  query: ListQuery,
  start: string,
  resourceVersion: string,
): string {
  const state: ContinueState = {
    v: 1,
    rv: resourceVersion,
    start,
    q: fingerprint(query),
  };
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

export function decodeContinue(
  token: string,
  query: ListQuery,
): { start: string; resourceVersion: string } {
  let state: Partial<ContinueState>;
  try {
    state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new ContinueTokenError('continue key is not valid');
  }
  if (
    state?.v !== 1 ||
    typeof state.start !== 'string' ||
    typeof state.rv !== 'string' ||
    state.q !== fingerprint(query)
  ) {
    throw new ContinueTokenError(
      'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
    );
  }
  return { start: state.start, resourceVersion: state.rv };
}

/**
 * One page of already filtered `items`. `limit` <= 0 or absent lists all (as
 * the API server does); a limit above `limitMax` is cut down to it.
 */
export function pageList(input: {
  items: KubernetesObject[];
  query: ListQuery;
  resourceVersion: string;
  limit?: number;
  limitMax: number;
  continueToken?: string;
}): ListPage {
  const sorted = sortByKey(input.items);
  let start = 0;
  let resourceVersion = input.resourceVersion;
  if (input.continueToken) {
    const resumed = decodeContinue(input.continueToken, input.query);
    resourceVersion = resumed.resourceVersion;
    const at = sorted.findIndex(item => objectKey(item) >= resumed.start);
    start = at < 0 ? sorted.length : at;
  }
  const limit =
    input.limit !== undefined && input.limit > 0
      ? Math.min(input.limit, input.limitMax)
      : undefined;
  if (limit === undefined || start + limit >= sorted.length) {
    return { items: sorted.slice(start), resourceVersion };
  }
  const end = start + limit;
  return {
    items: sorted.slice(start, end),
    continue: encodeContinue(
      input.query,
      objectKey(sorted[end]),
      resourceVersion,
    ),
    remainingItemCount: sorted.length - end,
    resourceVersion,
  };
}
