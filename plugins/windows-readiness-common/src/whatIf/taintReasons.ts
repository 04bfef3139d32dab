import { stringify } from 'yaml';
import type { OsType, TaintPlacement } from '../model';
import { tolerationFor, type Taint } from '../scheduling/taints';
import type { TaintChange } from './taintChange';

/** What the reasons of one impacted workload rest on. */
export interface PlacementFacts {
  placement: TaintPlacement;
  change: TaintChange;
  pool: { name: string; osType: OsType };
  kind: string;
  /** Pools it may be placed on after the change. */
  poolsAfter: readonly string[];
  /** Its images start on the pool (the pool is in its compatible set). */
  startsThere: boolean;
  /** It does not involve Windows (docs/rules.md rule 1). */
  linux: boolean;
  /** Its pods run on the pool now. */
  runsThere: boolean;
  /** For a DaemonSet: the pool's node count. */
  nodes?: number;
}

const plural = (count: number, word: string) =>
  `${count} ${word}${count === 1 ? '' : 's'}`;

// What happens to the pods already there: NoSchedule only stops new
// placements (a DaemonSet's pod included), NoExecute evicts.
function effectNote(taint: Taint, pool: string): string {
  return taint.effect === 'NoExecute'
    ? `NoExecute evicts its pods running on ${pool} now`
    : `NoSchedule leaves its pods running on ${pool} now until they are deleted or their nodes replaced (a node image upgrade, a scale-out); no new pod is placed there`;
}

/** What the change does to one workload's placement, in words. */
export function placementReasons(facts: PlacementFacts): string[] {
  const { change, pool, placement } = facts;
  const linuxOnWindows = facts.linux && pool.osType === 'Windows';
  if (placement === 'gains-pool') {
    return [
      change.change === 'remove'
        ? `without ${
            change.taint
              ? `the taint ${change.text}`
              : `the taints with key ${change.key}`
          }, it may now be scheduled on ${pool.name}`
        : `it may now be scheduled on ${pool.name}`,
      ...(linuxOnWindows
        ? [
            `a Linux workload with no Linux OS selection may now be scheduled on the Windows pool ${pool.name}, where its images cannot start (no match for platform)`,
          ]
        : []),
      ...(!linuxOnWindows && !facts.startsThere
        ? [`its images are not known to start on ${pool.name}`]
        : []),
    ];
  }
  const reasons = [
    `the taint ${change.text} keeps it off ${pool.name}; ${
      placement === 'no-pool'
        ? 'no pool is left for it: new pods stay Pending'
        : `it keeps ${facts.poolsAfter.join(', ')}`
    }`,
  ];
  if (!facts.startsThere) {
    reasons.push(
      linuxOnWindows
        ? `a Linux workload with no Linux OS selection no longer lands on the Windows pool ${pool.name}, where its images cannot start: it needs no toleration`
        : `its images are not known to start on ${pool.name}: no toleration is suggested`,
    );
    return reasons;
  }
  if (facts.kind === 'DaemonSet' && facts.nodes !== undefined) {
    reasons.push(
      `a DaemonSet: it stops covering the ${plural(facts.nodes, 'node')} of ${
        pool.name
      }`,
    );
  }
  if (facts.runsThere && change.taint) {
    reasons.push(effectNote(change.taint, pool.name));
  }
  reasons.push(`tolerate ${change.text} to keep ${pool.name}`);
  return reasons;
}

/**
 * The toleration to add, as an item of a pod spec's (or a chart's values')
 * `tolerations:` list, in the YAML style of the checks' remediations.
 */
export function tolerationSnippet(taint: Taint): string {
  return stringify(
    { tolerations: [tolerationFor(taint)] },
    { lineWidth: 0 },
  ).trimEnd();
}
