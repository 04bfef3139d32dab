import type { Toleration } from '../model';
import {
  Taint,
  formatTaint,
  isBlockingTaint,
  parseTaint,
  tolerationFor,
  toleratesTaint,
  untoleratedTaints,
} from './taints';
import {
  OS_NO_VALUE,
  OS_WINDOWS,
  OS_WINDOWS_NOEXECUTE,
  OS_WINDOWS_PREFER,
  SPOT,
  TOLERATION_CASES,
  UNTOLERATED_CASES,
  taint,
} from './__fixtures__/taintCases';

describe('parseTaint', () => {
  // ARM nodeTaints and `kubectl taint`: key[=value]:Effect (facts 4.4).
  it.each<[string, Taint]>([
    ['os=windows:NoSchedule', OS_WINDOWS],
    ['os=windows:NoExecute', OS_WINDOWS_NOEXECUTE],
    ['os=windows:PreferNoSchedule', OS_WINDOWS_PREFER],
    ['os:NoSchedule', OS_NO_VALUE],
    ['os=:NoSchedule', OS_NO_VALUE],
    ['kubernetes.azure.com/scalesetpriority=spot:NoSchedule', SPOT],
    [
      'node.kubernetes.io/os=windows:NoSchedule',
      taint('node.kubernetes.io/os', 'windows', 'NoSchedule'),
    ],
    ['sku=gpu_a-1.2:NoExecute', taint('sku', 'gpu_a-1.2', 'NoExecute')],
    [
      'CriticalAddonsOnly=true:NoSchedule',
      taint('CriticalAddonsOnly', 'true', 'NoSchedule'),
    ],
    ['  os=windows:NoSchedule  ', OS_WINDOWS],
  ])('parses %j', (text, expected) => {
    expect(parseTaint(text)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['no effect', 'os=windows'],
    ['an empty effect', 'os=windows:'],
    ['an unknown effect', 'os=windows:NoScheduled'],
    ['a lower-case effect', 'os=windows:noschedule'],
    ['an effect without a key', ':NoSchedule'],
    ['a value without a key', '=windows:NoSchedule'],
    ['an empty string', ''],
    ['only spaces', '   '],
    ['spaces around =', 'os = windows:NoSchedule'],
    ['a space inside the key', 'o s=windows:NoSchedule'],
    ['a space inside the value', 'os=win dows:NoSchedule'],
    ['a space before the effect', 'os=windows :NoSchedule'],
    ['a space after the colon', 'os=windows: NoSchedule'],
    ['two effects', 'os=windows:NoSchedule:NoExecute'],
    ['a colon in the value', 'os=a:b:NoSchedule'],
    ['an = in the value', 'os=windows=x:NoSchedule'],
    ['a key starting with a dash', '-os=windows:NoSchedule'],
    ['a key ending with a slash', 'os/=windows:NoSchedule'],
    ['a value ending with a dash', 'os=windows-:NoSchedule'],
    ['a comma-joined list', 'os=windows:NoSchedule,a=b:NoSchedule'],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a taint object', { key: 'os', value: 'windows', effect: 'NoSchedule' }],
    ['an array', ['os=windows:NoSchedule']],
  ])('rejects %s', (_label, text) => {
    expect(parseTaint(text)).toBeUndefined();
  });
});

describe('formatTaint', () => {
  it.each([
    [OS_WINDOWS, 'os=windows:NoSchedule'],
    [OS_NO_VALUE, 'os:NoSchedule'],
    [taint('os', '', 'NoExecute'), 'os:NoExecute'],
    [SPOT, 'kubernetes.azure.com/scalesetpriority=spot:NoSchedule'],
  ])('formats %j as %s', (input, text) => {
    expect(formatTaint(input)).toBe(text);
    expect(parseTaint(text)).toEqual({
      ...input,
      value: input.value || undefined,
    });
  });
});

describe('isBlockingTaint', () => {
  it.each([
    ['NoSchedule', true],
    ['NoExecute', true],
    ['PreferNoSchedule', false],
  ])('%s blocks: %s', (effect, blocks) => {
    expect(isBlockingTaint(taint('os', 'windows', effect))).toBe(blocks);
  });
});

describe('toleratesTaint', () => {
  it.each(TOLERATION_CASES)('%s', (_label, toleration, input, expected) => {
    expect(toleratesTaint(toleration, input)).toBe(expected);
  });
});

describe('untoleratedTaints', () => {
  it.each(UNTOLERATED_CASES)('%s', (_label, taints, tolerations, expected) => {
    expect(untoleratedTaints(taints, tolerations)).toEqual(expected);
  });
});

describe('tolerationFor', () => {
  it.each<[Taint, Toleration]>([
    [
      OS_WINDOWS,
      { key: 'os', operator: 'Equal', value: 'windows', effect: 'NoSchedule' },
    ],
    [
      OS_WINDOWS_NOEXECUTE,
      { key: 'os', operator: 'Equal', value: 'windows', effect: 'NoExecute' },
    ],
    [OS_NO_VALUE, { key: 'os', operator: 'Exists', effect: 'NoSchedule' }],
    [
      SPOT,
      { key: SPOT.key, operator: 'Equal', value: 'spot', effect: 'NoSchedule' },
    ],
  ])('%j → %j', (input, expected) => {
    expect(tolerationFor(input)).toEqual(expected);
  });

  it.each([OS_WINDOWS, OS_NO_VALUE, OS_WINDOWS_NOEXECUTE, SPOT])(
    'tolerates %j and nothing with another key, value or effect',
    input => {
      const toleration = tolerationFor(input);
      expect(toleratesTaint(toleration, input)).toBe(true);
      expect(untoleratedTaints([input], [toleration])).toEqual([]);
      expect(toleratesTaint(toleration, { ...input, key: 'other' })).toBe(
        false,
      );
      const otherEffect =
        input.effect === 'NoSchedule' ? 'NoExecute' : 'NoSchedule';
      expect(
        toleratesTaint(toleration, { ...input, effect: otherEffect }),
      ).toBe(false);
    },
  );

  it.each([OS_WINDOWS, OS_WINDOWS_NOEXECUTE, SPOT])(
    'does not tolerate %j with another value',
    input => {
      const toleration = tolerationFor(input);
      expect(toleratesTaint(toleration, { ...input, value: 'x' })).toBe(false);
      expect(toleratesTaint(toleration, { ...input, value: undefined })).toBe(
        false,
      );
    },
  );
});
