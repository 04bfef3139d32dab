import {
  formatWindowsVersion,
  parseKernelVersion,
  parseOsVersion,
  parseWindowsBuildLabel,
} from './windowsVersion';

// Junk every parser must turn into undefined without throwing.
const junk: Array<[string, unknown]> = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 10.0],
  ['an object', { major: 10, minor: 0, build: 17763 }],
  ['an array', ['10', '0', '17763']],
  ['an empty string', ''],
  ['letters', 'abc'],
  ['two parts', '10.0'],
  ['a trailing dot', '10.0.17763.'],
  ['an empty part', '10..17763'],
  ['a negative part', '10.0.-17763'],
  ['a signed part', '10.0.+17763'],
  ['a build above uint16', '10.0.65536'],
  ['a major above uint8', '256.0.17763'],
  ['a huge number', '10.0.99999999999999999999'],
  ['an exponent', '10.0.1e4'],
  ['five parts', '10.0.17763.5458.1'],
  ['leading whitespace', ' 10.0.17763'],
  ['trailing whitespace', '10.0.17763 '],
  ['a newline', '10.0.17763.1\n'],
  ['inner whitespace', '10.0. 17763'],
  ['a v prefix', 'v10.0.17763'],
  ['a Linux kernel', '5.15.0-1064-azure'],
  ['a suffix on the revision', '10.0.17763.5a'],
];

describe('parseOsVersion', () => {
  it.each([
    ['10.0.17763.5458', { major: 10, minor: 0, build: 17763, revision: 5458 }],
    ['10.0.20348.2322', { major: 10, minor: 0, build: 20348, revision: 2322 }],
    ['10.0.14393.1066', { major: 10, minor: 0, build: 14393, revision: 1066 }],
    ['10.0.17763', { major: 10, minor: 0, build: 17763 }],
    ['10.0.26100.0', { major: 10, minor: 0, build: 26100, revision: 0 }],
    [
      '10.0.65535.4294967295',
      { major: 10, minor: 0, build: 65535, revision: 4294967295 },
    ],
  ])('parses %s', (input, expected) => {
    expect(parseOsVersion(input)).toEqual(expected);
  });

  it('leaves the revision out, not undefined-valued, when absent', () => {
    expect(parseOsVersion('10.0.17763')).not.toHaveProperty('revision');
  });

  it.each([...junk, ['a revision above uint32', '10.0.17763.4294967296']])(
    'rejects %s',
    (_label, input) => {
      expect(parseOsVersion(input)).toBeUndefined();
    },
  );
});

describe('parseKernelVersion', () => {
  it.each([
    ['10.0.20348.2582', { major: 10, minor: 0, build: 20348, revision: 2582 }],
    ['10.0.20348.2159', { major: 10, minor: 0, build: 20348, revision: 2159 }],
    ['10.0.17763.4851', { major: 10, minor: 0, build: 17763, revision: 4851 }],
    ['10.0.26100.4061', { major: 10, minor: 0, build: 26100, revision: 4061 }],
  ])('parses %s', (input, expected) => {
    expect(parseKernelVersion(input)).toEqual(expected);
  });

  it.each([
    ...junk,
    ['a Linux kernel without suffix', '6.1.0'],
    ['a Linux kernel with four parts and a suffix', '5.15.0.1064-azure'],
    ['a build without UBR', '10.0.20348'],
  ])('rejects %s', (_label, input) => {
    expect(parseKernelVersion(input)).toBeUndefined();
  });
});

describe('parseWindowsBuildLabel', () => {
  it.each([
    ['10.0.17763', { major: 10, minor: 0, build: 17763 }],
    ['10.0.20348', { major: 10, minor: 0, build: 20348 }],
    ['10.0.26100', { major: 10, minor: 0, build: 26100 }],
  ])('parses %s', (input, expected) => {
    const parsed = parseWindowsBuildLabel(input);
    expect(parsed).toEqual(expected);
    expect(parsed?.revision).toBeUndefined();
  });

  it.each([...junk, ['a revision, which the label never has', '10.0.20348.1']])(
    'rejects %s',
    (_label, input) => {
      expect(parseWindowsBuildLabel(input)).toBeUndefined();
    },
  );
});

describe('formatWindowsVersion', () => {
  const full = { major: 10, minor: 0, build: 20348, revision: 2582 };
  const noRevision = { major: 10, minor: 0, build: 20348 };

  it.each([
    [full, undefined, '10.0.20348.2582'],
    [full, true, '10.0.20348.2582'],
    [full, false, '10.0.20348'],
    [noRevision, undefined, '10.0.20348'],
    [noRevision, true, '10.0.20348'],
    [{ ...full, revision: 0 }, true, '10.0.20348.0'],
  ])(
    'formats %o (withRevision %s) as %s',
    (version, withRevision, expected) => {
      expect(formatWindowsVersion(version, withRevision)).toBe(expected);
    },
  );

  it.each(['10.0.17763.5458', '10.0.17763'])('round-trips %s', text => {
    const parsed = parseOsVersion(text);
    expect(parsed && formatWindowsVersion(parsed)).toBe(text);
  });
});
