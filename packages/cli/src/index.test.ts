import { cli } from './__testUtils__/cli';

describe('winready', () => {
  it.each([
    [['--help'], /Usage: winready \[options\] \[command\]/],
    [['evaluate', '--help'], /--fail-on <status>/],
    [['help', 'what-if'], /--os-sku <sku>/],
  ])('prints help for %j and exits 0', async (args, usage) => {
    const { code, stdout } = await cli(...args);
    expect(code).toBe(0);
    expect(stdout).toMatch(usage);
  });

  it('exits 2 for an unknown command or none', async () => {
    expect(await cli('frob')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown command 'frob'"),
    });
    expect((await cli()).code).toBe(2);
  });
});
