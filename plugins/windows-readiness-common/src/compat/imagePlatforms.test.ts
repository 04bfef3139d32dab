import { WindowsVersion } from '../versions/windowsVersion';
import {
  ImagePlatform,
  hasLinuxPlatform,
  isWindowsImage,
  platformForWindowsHost,
} from './imagePlatforms';

const host = (build: number): WindowsVersion => ({
  major: 10,
  minor: 0,
  build,
  revision: 1,
});
const win = (osVersion?: string, architecture = 'amd64'): ImagePlatform =>
  osVersion === undefined
    ? { os: 'windows', architecture }
    : { os: 'windows', architecture, osVersion, osFeatures: ['win32k'] };
const linux: ImagePlatform = { os: 'linux', architecture: 'amd64' };

const ws2019 = win('10.0.17763.5458');
const ws2022 = win('10.0.20348.2322');
const ws2025 = win('10.0.26100.1742');
const hostProcess = win();
const aspnet48 = [ws2019, ws2022];

describe('platformForWindowsHost', () => {
  it.each([
    ['the 2019 entry on a 2019 host', aspnet48, 17763, ws2019],
    ['the 2022 entry on a 2022 host', aspnet48, 20348, ws2022],
    ['the 2022 entry on an Annual 23H2 host', aspnet48, 25398, ws2022],
    ['the 2022 entry on a 2025 host', aspnet48, 26100, ws2022],
    [
      'the 2025 entry over 2022 on a 2025 host',
      [ws2022, ws2025],
      26100,
      ws2025,
    ],
    ['the 2025 entry whatever the order', [ws2025, ws2022], 26100, ws2025],
    [
      'the 2022 entry of a 2022+2025 image on a 2022 host',
      [ws2025, ws2022],
      20348,
      ws2022,
    ],
    [
      'nothing for a 2019-only image on a 2022 host',
      [ws2019],
      20348,
      undefined,
    ],
    [
      'nothing for a 2022-only image on a 2019 host',
      [ws2022],
      17763,
      undefined,
    ],
    ['nothing for a 2019 image on a 2025 host', [ws2019], 26100, undefined],
    [
      'an entry without os.version on any host',
      [hostProcess],
      17763,
      hostProcess,
    ],
    [
      'a versioned match before one without os.version',
      [hostProcess, ws2022],
      20348,
      ws2022,
    ],
    [
      'the unversioned entry when the versioned one does not fit',
      [ws2019, hostProcess],
      20348,
      hostProcess,
    ],
    ['nothing for a Linux-only image', [linux], 20348, undefined],
    ['the Windows entry of a mixed image', [linux, ws2022], 20348, ws2022],
    ['nothing for an empty list', [], 20348, undefined],
    [
      'nothing for an unreadable os.version',
      [win('ltsc2022')],
      20348,
      undefined,
    ],
    [
      'an entry with an empty os.version on any host',
      [win('')],
      20348,
      win(''),
    ],
    [
      'the higher revision of one build',
      [win('10.0.20348.999'), win('10.0.20348.2322')],
      20348,
      win('10.0.20348.2322'),
    ],
    [
      'the first of two equal entries',
      [ws2022, { ...ws2022, osFeatures: [] }],
      20348,
      ws2022,
    ],
  ])('picks %s', (_case, platforms, hostBuild, expected) => {
    expect(platformForWindowsHost(platforms, host(hostBuild))).toEqual(
      expected,
    );
  });

  it.each([
    [
      'amd64 by default',
      [win('10.0.20348.1', 'arm64'), ws2022],
      undefined,
      ws2022,
    ],
    [
      'arm64 when asked',
      [ws2022, win('10.0.20348.1', 'arm64')],
      'arm64',
      win('10.0.20348.1', 'arm64'),
    ],
    [
      'nothing of another architecture',
      [win('10.0.20348.1', 'arm64')],
      'amd64',
      undefined,
    ],
    [
      'x86_64 as amd64',
      [win('10.0.20348.1', 'x86_64')],
      'amd64',
      win('10.0.20348.1', 'x86_64'),
    ],
  ])('picks %s', (_case, platforms, architecture, expected) => {
    expect(
      platformForWindowsHost(platforms, host(20348), architecture),
    ).toEqual(expected);
  });
});

describe('isWindowsImage and hasLinuxPlatform', () => {
  it.each([
    ['a Windows image', aspnet48, true, false],
    ['a Linux image', [linux], false, true],
    ['a multi-OS image', [linux, ws2022], true, true],
    ['a HostProcess image', [hostProcess], true, false],
    [
      'an upper-case os',
      [{ os: 'Windows', architecture: 'amd64' }],
      true,
      false,
    ],
    ['no platforms', [], false, false],
  ])('%s: Windows %s, Linux %s', (_case, platforms, windows, hasLinux) => {
    expect(isWindowsImage(platforms)).toBe(windows);
    expect(hasLinuxPlatform(platforms)).toBe(hasLinux);
  });
});
