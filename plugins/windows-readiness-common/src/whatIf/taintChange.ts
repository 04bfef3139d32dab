import type { Cluster, KubernetesObject, TaintWhatIfRequest } from '../model';
import { nodeTaints, nodesOfPool } from '../scheduling/poolNodes';
import { formatTaint, parseTaint, type Taint } from '../scheduling/taints';
import { WhatIfError } from './whatIf';

/** A taint added to or removed from one pool, as `parseTaintChange` reads the request. */
export interface TaintChange {
  change: 'add' | 'remove';
  /** The taint added, or removed exactly; absent for a removal by key. */
  taint?: Taint;
  /** The taint's key: a removal by key drops every taint with it. */
  key: string;
  /** `key=value:Effect`, or the key alone for a removal by key. */
  text: string;
}

export const TAINT_FORM = 'key[=value]:NoSchedule|PreferNoSchedule|NoExecute';

// A taint key is a label key: an optional DNS prefix and `/`, then a name
// (what parseTaint accepts before `=` or `:`).
const TAINT_KEY = /^[A-Za-z0-9](?:[-A-Za-z0-9_./]*[A-Za-z0-9])?$/;
// Label keys are at most 253 + 1 + 63 characters, values 63: anything longer
// is not a taint, and is not run through a regular expression.
const MAX_TAINT_LENGTH = 400;

/** The text as an error message shows it: quoted, and cut when long. */
function quoted(text: string): string {
  return JSON.stringify(
    text.length > 80 ? `${text.slice(0, 80)}…` : text,
  ) as string;
}

function taintOf(text: string, field: string): Taint {
  const taint = text.length <= MAX_TAINT_LENGTH ? parseTaint(text) : undefined;
  if (!taint) {
    throw new WhatIfError(
      `Invalid taint ${quoted(text)} in ${field}: expected ${TAINT_FORM}.`,
    );
  }
  return taint;
}

/** How errors name the request's two fields: `addTaint` in the API, `--add-taint` in the CLI. */
export interface TaintChangeFieldNames {
  addTaint: string;
  removeTaint: string;
}

/**
 * Reads the request's change: exactly one of `addTaint` (a full taint) or
 * `removeTaint` (a key, for every taint with that key, or a full taint, for
 * that taint exactly: key, value and effect). A WhatIfError names the text
 * and the expected form otherwise.
 */
export function parseTaintChange(
  request: TaintWhatIfRequest,
  fields: TaintChangeFieldNames = {
    addTaint: 'addTaint',
    removeTaint: 'removeTaint',
  },
): TaintChange {
  const given = (value: unknown) => value !== undefined && value !== null;
  const { addTaint, removeTaint } = request;
  if (given(addTaint) === given(removeTaint)) {
    throw new WhatIfError(
      `Give exactly one of ${fields.addTaint} (${TAINT_FORM}) or ${fields.removeTaint} (a key, or a full taint).`,
    );
  }
  if (given(addTaint)) {
    if (typeof addTaint !== 'string') {
      throw new WhatIfError(
        `${fields.addTaint} must be a taint (${TAINT_FORM}).`,
      );
    }
    const taint = taintOf(addTaint.trim(), fields.addTaint);
    return { change: 'add', taint, key: taint.key, text: formatTaint(taint) };
  }
  if (typeof removeTaint !== 'string') {
    throw new WhatIfError(
      `${fields.removeTaint} must be a taint key or a taint (${TAINT_FORM}).`,
    );
  }
  const text = removeTaint.trim();
  if (text.includes(':') || text.includes('=')) {
    const taint = taintOf(text, fields.removeTaint);
    return {
      change: 'remove',
      taint,
      key: taint.key,
      text: formatTaint(taint),
    };
  }
  if (text.length > MAX_TAINT_LENGTH || !TAINT_KEY.test(text)) {
    throw new WhatIfError(
      `Invalid taint key ${quoted(text)} in ${
        fields.removeTaint
      }: expected a key, or ${TAINT_FORM}.`,
    );
  }
  return { change: 'remove', key: text, text };
}

/** Whether the change concerns this taint: the same taint, or (by key) any taint with its key. */
export function matchesTaintChange(change: TaintChange, taint: Taint): boolean {
  return change.taint
    ? formatTaint(change.taint) === formatTaint(taint)
    : taint.key === change.key;
}

function mapPool(
  cluster: Cluster,
  poolName: string,
  edit: (taints: string[]) => string[],
  editNode?: (node: KubernetesObject) => KubernetesObject,
): Cluster {
  const nodes = editNode
    ? new Set(nodesOfPool(cluster.objects ?? [], poolName))
    : undefined;
  return {
    ...cluster,
    nodePools: cluster.nodePools.map(pool =>
      pool.name === poolName
        ? { ...pool, taints: edit(pool.taints ?? []) }
        : pool,
    ),
    ...(nodes && nodes.size > 0 && cluster.objects
      ? {
          objects: cluster.objects.map(object =>
            nodes.has(object) ? editNode!(object) : object,
          ),
        }
      : {}),
  };
}

/** The cluster once the pool's ARM taints (nodeTaints) carry `taint`; AKS puts them on the nodes. */
export function clusterWithPoolTaint(
  cluster: Cluster,
  poolName: string,
  taint: Taint,
): Cluster {
  const text = formatTaint(taint);
  return mapPool(cluster, poolName, taints =>
    taints.some(t => parseTaint(t) && formatTaint(parseTaint(t)!) === text)
      ? taints
      : [...taints, text],
  );
}

/**
 * The cluster once the pool has lost the taints the change matches: from its
 * ARM taints and from its Node objects' `spec.taints` (a `kubectl taint`
 * counts as much as ARM does, docs/rules.md rule 5).
 */
export function clusterWithoutPoolTaints(
  cluster: Cluster,
  poolName: string,
  change: TaintChange,
): Cluster {
  const matches = (taint: Taint | undefined) =>
    !!taint && matchesTaintChange(change, taint);
  return mapPool(
    cluster,
    poolName,
    taints => taints.filter(text => !matches(parseTaint(text))),
    node => {
      const raw: unknown[] = Array.isArray(node.spec?.taints)
        ? node.spec.taints
        : [];
      // Read each entry as nodeTaints reads the node, one at a time.
      const kept = raw.filter(
        entry =>
          !matches(nodeTaints({ kind: 'Node', spec: { taints: [entry] } })[0]),
      );
      return { ...node, spec: { ...node.spec, taints: kept } };
    },
  );
}
