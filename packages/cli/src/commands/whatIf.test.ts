import { AT, cli, FLEET, JSON_FORMAT } from '../__testUtils__/cli';

describe('winready what-if', () => {
  const move = ['--cluster', 'aks-test', '--pool', 'npwin'];

  it('lists the services that get worse', async () => {
    const { code, stdout } = await cli(
      'what-if',
      FLEET,
      ...move,
      '--os-sku',
      'Windows2019',
      ...AT,
      ...JSON_FORMAT,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      cluster: 'aks-test',
      pool: 'npwin',
      fromOsSku: 'Windows2022',
      toOsSku: 'Windows2019',
      asOf: '2026-11-01T00:00:00.000Z',
      impacted: [
        {
          id: 'modern',
          before: 'at-risk',
          after: 'blocked',
          reasons: [expect.stringMatching(/^image-os-build: /)],
        },
      ],
    });
  });

  it.each([
    ['Windows2019', 'blocked', 1],
    ['Windows2019', 'at-risk', 1],
    ['Windows2019', undefined, 0],
    ['Windows2025', 'at-risk', 0],
  ])('moving to %s with --fail-on %s exits %i', async (sku, failOn, exit) => {
    const flag = failOn ? ['--fail-on', failOn] : [];
    const { code } = await cli(
      'what-if',
      FLEET,
      ...move,
      '--os-sku',
      sku,
      ...AT,
      ...flag,
    );
    expect(code).toBe(exit);
  });

  it.each(['table', 'csv', 'markdown'])('prints --format %s', async format => {
    const { stdout } = await cli(
      'what-if',
      FLEET,
      ...move,
      '--os-sku',
      'Windows2019',
      ...AT,
      '--format',
      format,
    );
    expect(stdout).toMatch(/modern.*at-risk.*blocked/);
  });

  it('accepts any casing of a known OS SKU', async () => {
    const { stdout, stderr } = await cli(
      'what-if',
      FLEET,
      ...move,
      '--os-sku',
      'windows2019',
      ...AT,
      ...JSON_FORMAT,
    );
    expect(JSON.parse(stdout).toOsSku).toBe('Windows2019');
    expect(stderr).toBe('');
  });

  it('refuses an OS SKU missing from the table', async () => {
    const { code, stderr } = await cli(
      'what-if',
      FLEET,
      ...move,
      '--os-sku',
      'Windows2031',
      ...AT,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/OS SKU "Windows2031" is not in the OS SKU table/);
  });

  it.each([
    [['--cluster', 'nope', '--pool', 'npwin'], /No cluster named "nope"/],
    [
      ['--cluster', 'aks-test', '--pool', 'nope'],
      /No pool named "nope" in cluster "aks-test"/,
    ],
    [
      ['--cluster', 'aks-test'],
      /required option '--pool <name>' not specified/,
    ],
  ])('exits 2 for %j', async (args, message) => {
    const { code, stdout, stderr } = await cli(
      'what-if',
      FLEET,
      ...args,
      '--os-sku',
      'Windows2019',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
