import { WindowsVersion } from '../versions/windowsVersion';
import {
  hyperVIsolationVerdict,
  imageBuildsForHost,
  processIsolationVerdict,
} from './processIsolation';

const v = (build: number, revision?: number): WindowsVersion =>
  revision === undefined
    ? { major: 10, minor: 0, build }
    : { major: 10, minor: 0, build, revision };

describe('processIsolationVerdict', () => {
  // [case, host, image, starts, supported]: table 1.1 of the facts doc.
  it.each([
    ['WS2016, same revision', v(14393, 1066), v(14393, 1066), true, true],
    ['WS2016, other revision', v(14393, 1066), v(14393, 2273), true, false],
    ['WS2016, image revision unknown', v(14393, 1066), v(14393), true, true],
    ['WS2016 refusing WS2019', v(14393, 1066), v(17763, 1), false, false],
    ['1709 own build', v(16299), v(16299, 15), true, true],
    ['1709 refusing 1803', v(16299), v(17134), false, false],
    ['1803 own build', v(17134), v(17134, 1), true, true],
    ['1803 refusing 1709', v(17134), v(16299), false, false],
    ['1903 own build', v(18362), v(18362), true, true],
    ['1903 refusing 1909', v(18362), v(18363), false, false],
    ['1909 own build', v(18363), v(18363), true, true],
    ['1909 refusing 1903', v(18363), v(18362), false, false],
    ['2004 own build', v(19041), v(19041), true, true],
    ['2004 refusing 20H2', v(19041), v(19042), false, false],
    ['20H2 own build', v(19042), v(19042), true, true],
    ['20H2 refusing WS2019', v(19042), v(17763), false, false],
    [
      'WS2019, UBR .379 host, .766 image',
      v(17763, 379),
      v(17763, 766),
      true,
      true,
    ],
    ['WS2019, newer host UBR', v(17763, 5458), v(17763, 379), true, true],
    ['WS2019 refusing WS2022', v(17763), v(20348), false, false],
    ['WS2019 refusing WS2016', v(17763), v(14393), false, false],
    ['WS2022 own build', v(20348, 2582), v(20348, 2322), true, true],
    ['WS2022 refusing WS2019', v(20348), v(17763), false, false],
    ['WS2022 refusing WS2025', v(20348), v(26100), false, false],
    ['WS2022 refusing Win11 22H2', v(20348), v(22621), false, false],
    ['WS2022 refusing Annual 23H2', v(20348), v(25398), false, false],
    ['Win11 21H2 running WS2022', v(22000), v(20348), true, true],
    ['Win11 21H2 own build', v(22000), v(22000), true, true],
    ['Win11 21H2 refusing WS2019', v(22000), v(17763), false, false],
    ['Win11 22H2 running WS2022', v(22621), v(20348), true, true],
    ['Win11 22H2 refusing WS2019', v(22621), v(17763), false, false],
    ['Annual 23H2 running WS2022', v(25398, 1611), v(20348, 2322), true, true],
    ['Annual 23H2 refusing WS2019', v(25398), v(17763), false, false],
    ['Annual 23H2 refusing WS2025', v(25398), v(26100), false, false],
    ['WS2025 running WS2022', v(26100, 4061), v(20348, 2322), true, true],
    ['WS2025 running WS2025', v(26100, 4061), v(26100, 1742), true, true],
    ['WS2025 running Win11 22H2', v(26100), v(22621), true, true],
    ['WS2025 running Annual 23H2', v(26100), v(25398), true, true],
    ['WS2025 refusing WS2019', v(26100), v(17763), false, false],
    ['WS2025 refusing a newer build', v(26100), v(26200), false, false],
    ['26200 running WS2022 (containerd)', v(26200), v(20348), true, true],
    ['26200 running WS2025', v(26200), v(26100), true, true],
    ['26200 own build', v(26200), v(26200), true, true],
    ['26200 refusing WS2019', v(26200), v(17763), false, false],
    ['26200 refusing a newer build', v(26200), v(26300), false, false],
    [
      'other major',
      { major: 6, minor: 3, build: 20348 },
      v(20348),
      false,
      false,
    ],
    [
      'other minor',
      v(20348),
      { major: 10, minor: 1, build: 20348 },
      false,
      false,
    ],
  ])('%s: starts %s, supported %s', (_case, host, image, starts, supported) => {
    const verdict = processIsolationVerdict(host, image);
    expect(verdict).toEqual({ starts, supported, reason: expect.any(String) });
    expect(verdict.reason).toContain(`${image.build}`);
  });

  it('says why WS2016 with other revisions is unsupported', () => {
    expect(
      processIsolationVerdict(v(14393, 1066), v(14393, 2273)).reason,
    ).toMatch(/revisions match/);
  });

  it('names the builds the host would start', () => {
    expect(processIsolationVerdict(v(17763), v(20348)).reason).toMatch(
      /build 17763 only/,
    );
    expect(processIsolationVerdict(v(26100), v(17763)).reason).toMatch(
      /builds 20348 to 26100/,
    );
  });

  it('flags the 26200 floor the two codebases disagree on', () => {
    expect(processIsolationVerdict(v(26200), v(20348)).reason).toMatch(
      /hcsshim/,
    );
  });
});

describe('imageBuildsForHost', () => {
  it.each([
    [14393, 14393, 14393],
    [16299, 16299, 16299],
    [17763, 17763, 17763],
    [19042, 19042, 19042],
    [20348, 20348, 20348],
    [22000, 20348, 22000],
    [22621, 20348, 22621],
    [25398, 20348, 25398],
    [26100, 20348, 26100],
    [26200, 20348, 26200],
  ])('host %i starts images %i..%i', (host, min, max) => {
    expect(imageBuildsForHost(host)).toEqual({ min, max });
  });
});

describe('hyperVIsolationVerdict', () => {
  // Section 1.2 of the facts doc: own build or older.
  it.each([
    ['WS2019 running WS2016', v(17763), v(14393), true],
    ['WS2019 own build', v(17763), v(17763), true],
    ['WS2019 refusing WS2022', v(17763), v(20348), false],
    ['Win10 21H2 refusing WS2022', v(19044), v(20348), false],
    ['WS2022 running WS2019', v(20348), v(17763), true],
    ['WS2022 refusing WS2025', v(20348), v(26100), false],
    ['WS2025 running WS2016', v(26100), v(14393), true],
    ['other major', v(20348), { major: 6, minor: 3, build: 9600 }, false],
  ])('%s: starts %s', (_case, host, image, starts) => {
    expect(hyperVIsolationVerdict(host, image)).toEqual({
      starts,
      supported: starts,
      reason: expect.any(String),
    });
  });
});
