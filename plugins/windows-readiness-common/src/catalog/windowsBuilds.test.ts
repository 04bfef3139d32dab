import {
  WINDOWS_BUILDS,
  describeWindowsBuild,
  windowsBuildName,
} from './windowsBuilds';

describe('WINDOWS_BUILDS', () => {
  // Section 2 of the facts doc, row by row.
  it.each([
    [14393, 'Windows Server 2016', 'LTSC', ['ltsc2016', '1607']],
    [15063, 'Windows 10 1703', 'Client', []],
    [16299, 'Windows Server 1709', 'SAC', ['1709']],
    [17134, 'Windows Server 1803', 'SAC', ['1803']],
    [17763, 'Windows Server 2019', 'LTSC', ['ltsc2019', '1809']],
    [18362, 'Windows Server 1903', 'SAC', ['1903']],
    [18363, 'Windows Server 1909', 'SAC', ['1909']],
    [19041, 'Windows Server 2004', 'SAC', ['2004']],
    [19042, 'Windows Server 20H2', 'SAC', ['20H2']],
    [19043, 'Windows 10 21H1', 'Client', []],
    [19044, 'Windows 10 21H2', 'Client', []],
    [19045, 'Windows 10 22H2', 'Client', []],
    [20348, 'Windows Server 2022', 'LTSC', ['ltsc2022']],
    [22000, 'Windows 11 21H2', 'Client', []],
    [22621, 'Windows 11 22H2', 'Client', []],
    [22631, 'Windows 11 23H2', 'Client', []],
    [25398, 'Windows Server Annual Channel 23H2', 'Annual', []],
    [26100, 'Windows Server 2025', 'LTSC', ['ltsc2025']],
    [26200, 'Windows 11 25H2', 'Client', []],
  ])('describes %i as %s (%s)', (build, name, channel, tags) => {
    expect(describeWindowsBuild(build)).toEqual({
      build,
      name,
      channel,
      baseImageTags: tags,
      source: expect.any(String),
    });
  });

  it('lists each build once, in ascending order', () => {
    const builds = WINDOWS_BUILDS.map(info => info.build);
    expect(builds).toEqual([...new Set(builds)].sort((a, b) => a - b));
  });

  it.each(WINDOWS_BUILDS.map(info => [info.build, info]))(
    'names a source for %i',
    (_build, info) => {
      expect(info.source.trim()).not.toBe('');
    },
  );

  it('gives each base-image tag to one build only', () => {
    const tags = WINDOWS_BUILDS.flatMap(info => info.baseImageTags);
    expect(new Set(tags).size).toBe(tags.length);
  });
});

describe('describeWindowsBuild', () => {
  it.each([12345, 0, -1, 20348.5, NaN])('knows nothing of %p', build => {
    expect(describeWindowsBuild(build)).toBeUndefined();
  });
});

describe('windowsBuildName', () => {
  it.each([
    [17763, 'Windows Server 2019 (17763)'],
    [20348, 'Windows Server 2022 (20348)'],
    [25398, 'Windows Server Annual Channel 23H2 (25398)'],
    [26100, 'Windows Server 2025 (26100)'],
    [22000, 'Windows 11 21H2 (22000)'],
    [12345, 'build 12345'],
  ])('names %i %s', (build, expected) => {
    expect(windowsBuildName(build)).toBe(expected);
  });
});
