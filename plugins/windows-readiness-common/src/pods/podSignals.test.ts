import { classifyMessage, podSignals } from './podSignals';
import type { PodSignalKind } from './podSignals';
import * as m from './__fixtures__/messages';
import { POD_CASES, event, pod } from './__fixtures__/podCases';
import { RULE4_CASES } from './__fixtures__/rule4Cases';

describe('classifyMessage', () => {
  it.each<[string, string | undefined, PodSignalKind | undefined]>([
    ['containerd/hcsshim wording', m.HCS_CONTAINERD, 'os-mismatch'],
    ['Docker hcsshim wording', m.HCS_DOCKER, 'os-mismatch'],
    ['older Docker wording with 0xc0370101', m.HCS_DOCKER_OLD, 'os-mismatch'],
    ['the HCS status code alone', m.HCS_STATUS_ONLY, 'os-mismatch'],
    ['the HRESULT 0x80370101', m.HCS_HRESULT, 'os-mismatch'],
    ['the status code in upper case', 'error 0XC0370101', 'os-mismatch'],
    [
      'Docker "image is incompatible with"',
      m.DOCKER_INCOMPATIBLE,
      'os-mismatch',
    ],
    [
      'containerd "no match for platform in manifest"',
      m.PULL_NO_MATCH,
      'platform-mismatch',
    ],
    [
      'the bare containerd phrase',
      'no match for platform in manifest: not found',
      'platform-mismatch',
    ],
    [
      'Docker "no matching manifest for windows"',
      m.DOCKER_NO_MANIFEST,
      'platform-mismatch',
    ],
    [
      'new scheduler "untolerated taint {os: windows}"',
      m.TAINT_NEW,
      'untolerated-taint',
    ],
    [
      'new scheduler with an empty value "{sku: }"',
      m.TAINT_NEW_EMPTY_VALUE,
      'untolerated-taint',
    ],
    [
      'older scheduler "had taint {k: v}, that the pod didn\'t tolerate"',
      m.TAINT_OLD,
      'untolerated-taint',
    ],
    [
      'oldest scheduler "had taints that the pod didn\'t tolerate"',
      m.TAINT_OLDEST,
      'untolerated-taint',
    ],
    [
      'current scheduler "had untolerated taint(s)" with a selector reason',
      m.TAINT_CURRENT,
      'untolerated-taint',
    ],
    [
      'current scheduler taint(s) next to "Insufficient memory"',
      m.TAINT_CURRENT_AND_MEMORY,
      'untolerated-taint',
    ],
    [
      'a tainted AKS system pool next to "Insufficient memory"',
      m.TAINT_SYSTEM_POOL_AND_MEMORY,
      'untolerated-taint',
    ],
    [
      'named taints among cpu and memory',
      m.TAINTS_CPU_MEMORY,
      'untolerated-taint',
    ],
    [
      'named taints, memory and the selector',
      m.TAINTS_MEMORY_SELECTOR,
      'untolerated-taint',
    ],
    [
      'the PodToleratesNodeTaints predicate',
      m.TAINT_PREDICATE,
      'untolerated-taint',
    ],
    ['predicates without a taint', m.PREDICATES_NO_TAINT, undefined],
    ['a sandbox mismatch (Docker)', m.SANDBOX_MISMATCH, 'sandbox-mismatch'],
    [
      'a sandbox mismatch (older wording)',
      m.SANDBOX_MISMATCH_OLD,
      'sandbox-mismatch',
    ],
    [
      'Docker pulling a Linux-only tag on Windows',
      m.DOCKER_LINUX_ONLY_ON_WINDOWS,
      'platform-mismatch',
    ],
    [
      'containerd pulling a Linux-only index on Windows',
      m.PULL_LINUX_ONLY_ON_WINDOWS,
      'platform-mismatch',
    ],
    ['ImagePullBackOff for auth (401)', m.PULL_UNAUTHORIZED, undefined],
    ['pull access denied', m.PULL_ACCESS_DENIED, undefined],
    ['Back-off pulling image', m.BACK_OFF_PULLING, undefined],
    ['a tag that does not exist', m.MANIFEST_UNKNOWN, undefined],
    ['OOMKilled', m.OOM, undefined],
    ['the reason OOMKilled alone', 'OOMKilled', undefined],
    ['CrashLoopBackOff back-off', m.CRASH_BACK_OFF, undefined],
    ['Insufficient cpu', m.INSUFFICIENT_CPU, undefined],
    ['only a node selector mismatch', m.SELECTOR_MISMATCH, undefined],
    ['a failing probe', m.PROBE_FAILED, undefined],
    ['an empty message', '', undefined],
    ['no message', undefined, undefined],
  ])('%s', (_label, message, kind) => {
    expect(classifyMessage(message)).toBe(kind);
  });

  it.each<[string, string, string, PodSignalKind]>([
    [
      'a containerd mismatch on the sandbox',
      'FailedCreatePodSandBox',
      m.HCS_CONTAINERD,
      'sandbox-mismatch',
    ],
    [
      'the same text on a container',
      'RunContainerError',
      m.HCS_CONTAINERD,
      'os-mismatch',
    ],
  ])('tells %s by the reason', (_label, reason, message, kind) => {
    expect(classifyMessage(message, reason)).toBe(kind);
  });
});

describe('podSignals: docs/rules.md rule 4', () => {
  it.each(RULE4_CASES)('%s', (_label, input, events, expected) => {
    expect(podSignals(input, events)).toEqual(expected);
  });
});

describe('podSignals', () => {
  it.each(POD_CASES)('%s', (_label, input, events, expected) => {
    expect(podSignals(input, events)).toEqual(expected);
  });

  it('reads events without an involved namespace from the event itself', () => {
    const scheduling = event('FailedScheduling', m.TAINT_NEW, {
      namespace: undefined,
    });
    expect(podSignals(pod({}), [scheduling])).toHaveLength(1);
    const elsewhere = { ...scheduling, metadata: { namespace: 'other' } };
    expect(podSignals(pod({}), [elsewhere])).toEqual([]);
  });
});
