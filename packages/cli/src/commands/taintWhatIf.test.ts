import path from 'node:path';
import { parseCsv } from '@winready/plugin-windows-readiness-common';
import { AT, cli, FLEET, JSON_FORMAT } from '../__testUtils__/cli';
import { tempDir } from '../__testUtils__/files';

const ROOT = path.resolve(__dirname, '../../../..');
const DEMO = path.join(ROOT, 'examples/fleets/demo.yaml');
const OWNERS = path.join(ROOT, 'examples/namespace-owners.yaml');
const NPWAN = ['--cluster', 'aks-neu-modern', '--pool', 'npwan'];
const TAINT = ['--add-taint', 'os=windows:NoSchedule'];
const DEMO_AT = ['--at', '2026-11-27'];

const temp = tempDir();
afterAll(() => temp.remove());

describe('winready what-if --add-taint / --remove-taint', () => {
  it('lists the workloads the taint keeps off the pool, with owners and the toleration', async () => {
    const { code, stdout, stderr } = await cli(
      'what-if',
      DEMO,
      ...NPWAN,
      ...TAINT,
      '--namespace-owners',
      OWNERS,
      ...DEMO_AT,
      ...JSON_FORMAT,
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      cluster: 'aks-neu-modern',
      pool: 'npwan',
      change: 'add',
      taint: 'os=windows:NoSchedule',
      alreadyApplied: false,
      asOf: '2026-11-27T00:00:00.000Z',
    });
    expect(result.impacted).toEqual([
      expect.objectContaining({
        id: 'DaemonSet monitoring/datadog-agent',
        kind: 'DaemonSet',
        namespace: 'monitoring',
        owner: 'group:default/team-platform',
        ownerSource: 'namespace',
        placement: 'loses-pool',
        before: 'at-risk',
        after: 'blocked',
        nodes: 1,
        toleration: expect.stringMatching(/^tolerations:\n {2}- key: os\n/),
      }),
      expect.objectContaining({
        id: 'Deployment external-dns/external-dns',
        owner: 'group:default/team-platform',
        placement: 'loses-pool',
        after: 'not-applicable',
      }),
      // A catalog service with no namespace owner: no owner.
      expect.objectContaining({ id: 'Deployment web/web-portal' }),
    ]);
    expect(result.impacted[1]).toHaveProperty('toleration', null);
    expect(result.impacted[2]).toHaveProperty('owner', null);
  });

  it('says what removing the taint would let onto the pool', async () => {
    const { code, stdout } = await cli(
      'what-if',
      DEMO,
      '--cluster',
      'aks-neu-modern',
      '--pool',
      'npw22',
      '--remove-taint',
      'os',
      ...DEMO_AT,
      ...JSON_FORMAT,
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ change: 'remove', taint: 'os' });
    expect(
      result.impacted.map((i: { id: string; placement: string }) => [
        i.id,
        i.placement,
      ]),
    ).toEqual([
      ['DaemonSet monitoring/datadog-agent', 'gains-pool'],
      ['Deployment external-dns/external-dns', 'gains-pool'],
      ['Deployment web/web-portal', 'gains-pool'],
    ]);
  });

  it('prints a table with the toleration once, below it', async () => {
    const { code, stdout } = await cli(
      'what-if',
      DEMO,
      ...NPWAN,
      ...TAINT,
      ...DEMO_AT,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^What if aks-neu-modern\/npwan got the taint os=windows:NoSchedule \(as of 2026-11-27\):\nWORKLOAD +OWNER +PLACEMENT +BEFORE +AFTER +TOLERATION +REASONS\n/,
    );
    expect(stdout).toMatch(
      /^DaemonSet monitoring\/datadog-agent +- +loses-pool \(1 node\) +at-risk +blocked +yes +the taint os=windows:NoSchedule keeps it off npwan; it keeps system, nplinux$/m,
    );
    expect(stdout).toMatch(
      /^Deployment external-dns\/external-dns .* - +the taint/m,
    );
    expect(stdout).toContain(
      "Workloads with TOLERATION yes keep npwan with this toleration (in the pod template's spec, or a chart's values):\ntolerations:\n  - key: os\n    operator: Equal\n    value: windows\n    effect: NoSchedule\n",
    );
    expect(stdout).not.toContain('ingress-nginx');
  });

  it('prints CSV, one row per reason', async () => {
    const { stdout } = await cli(
      'what-if',
      DEMO,
      ...NPWAN,
      ...TAINT,
      ...DEMO_AT,
      '--format',
      'csv',
    );
    const [header, ...rows] = parseCsv(stdout);
    expect(header).toEqual([
      'workload',
      'kind',
      'namespace',
      'owner',
      'placement',
      'before',
      'after',
      'nodes',
      'toleration',
      'reason',
    ]);
    const daemonSet = rows.filter(
      row => row[0] === 'DaemonSet monitoring/datadog-agent',
    );
    expect(daemonSet[0].slice(4, 8)).toEqual([
      'loses-pool',
      'at-risk',
      'blocked',
      '1',
    ]);
    expect(daemonSet[0][8]).toMatch(/^tolerations:\n/);
    expect(daemonSet.map(row => row[9])).toContain(
      'tolerate os=windows:NoSchedule to keep npwan',
    );
  });

  it('prints Markdown with the toleration in a YAML block', async () => {
    const { stdout } = await cli(
      'what-if',
      DEMO,
      ...NPWAN,
      ...TAINT,
      ...DEMO_AT,
      '--format',
      'markdown',
    );
    expect(stdout).toMatch(
      /^# What if aks-neu-modern\/npwan got the taint os=windows:NoSchedule\n/,
    );
    expect(stdout).toContain(
      '| DaemonSet monitoring/datadog-agent | - | loses-pool (1 node) | at-risk | blocked |',
    );
    expect(stdout).toContain(
      '## Toleration to keep npwan\n\n- DaemonSet monitoring/datadog-agent\n\n```yaml\ntolerations:\n',
    );
  });

  it.each([
    [
      'a taint the pool has already',
      [
        '--cluster',
        'aks-test',
        '--pool',
        'npwin',
        '--add-taint',
        'sku=win:NoSchedule',
      ],
      'npwin has this taint already: the pool without it is compared with the pool with it.',
    ],
    [
      'a key no taint of the pool has',
      ['--cluster', 'aks-test', '--pool', 'npwin', '--remove-taint', 'nothere'],
      'npwin has no taint with key nothere: nothing changes.\nNo workload changes placement.',
    ],
    [
      'PreferNoSchedule',
      [
        '--cluster',
        'aks-test',
        '--pool',
        'nodepool1',
        '--add-taint',
        'os=linux:PreferNoSchedule',
      ],
      'PreferNoSchedule only steers the scheduler: it keeps no workload off.\nNo workload changes placement.',
    ],
  ])('says so in the table for %s', async (_, args, text) => {
    const { code, stdout } = await cli('what-if', FLEET, ...args, ...AT);
    expect(code).toBe(0);
    expect(stdout).toContain(text);
  });

  it('exits 1 with --fail-on blocked when a workload ends blocked', async () => {
    const { code } = await cli(
      'what-if',
      DEMO,
      ...NPWAN,
      ...TAINT,
      ...DEMO_AT,
      '--fail-on',
      'blocked',
    );
    expect(code).toBe(1);
  });

  const owners = (name: string, text: string) => temp.write(name, text);

  it.each([
    [
      '--add-taint os=windows',
      ['--add-taint', 'os=windows'],
      /^winready: Invalid taint "os=windows" in --add-taint: expected key\[=value\]:NoSchedule\|PreferNoSchedule\|NoExecute\.\n$/,
    ],
    [
      '--remove-taint os=windows',
      ['--remove-taint', 'os=windows'],
      /Invalid taint "os=windows" in --remove-taint/,
    ],
    [
      '--remove-taint with a bad key',
      ['--remove-taint', 'no such key'],
      /Invalid taint key "no such key" in --remove-taint/,
    ],
    [
      '--os-sku with --add-taint',
      [...TAINT, '--os-sku', 'Windows2022'],
      /option '--add-taint <taint>' cannot be used with option '--os-sku <sku>'|option '--os-sku <sku>' cannot be used with option '--add-taint <taint>'/,
    ],
    [
      '--add-taint with --remove-taint',
      [...TAINT, '--remove-taint', 'os'],
      /cannot be used with option/,
    ],
    [
      '--namespace-owners with --os-sku',
      ['--os-sku', 'Windows2022', '--namespace-owners', OWNERS],
      /option '--namespace-owners <file>' cannot be used with option '--os-sku <sku>'|cannot be used with option '--namespace-owners <file>'/,
    ],
    [
      'no change at all',
      [],
      /what-if needs one change: --os-sku SKU, --add-taint key\[=value\]:Effect or --remove-taint key/,
    ],
    [
      'a pool the cluster does not have',
      ['--pool', 'nope', ...TAINT],
      /No pool named "nope" in cluster "aks-test" \(pools: nodepool1, npwin\)/,
    ],
    [
      'a missing namespace owners file',
      [...TAINT, '--namespace-owners', path.join(ROOT, 'no-such-owners.yaml')],
      /Cannot read namespace owners file .*no-such-owners\.yaml: ENOENT/,
    ],
    [
      'a namespace owners file without namespaceOwners',
      [
        ...TAINT,
        '--namespace-owners',
        owners('list.yaml', '- namespace: a\n  owner: b\n'),
      ],
      /list\.yaml: expected namespaceOwners: \[\{ namespace, owner \}\]/,
    ],
    [
      'a namespace owners entry that is wrong',
      [
        ...TAINT,
        '--namespace-owners',
        owners(
          'bad.yaml',
          'namespaceOwners:\n  - { namespace: monitoring, owner: team-platform }\n  - { namespace: Not_A_Namespace, owner: team-web }\n',
        ),
      ],
      /bad\.yaml: namespaceOwners\[1\]\.namespace must be a namespace name or a glob/,
    ],
    [
      'a namespace owners file that is not YAML',
      [
        ...TAINT,
        '--namespace-owners',
        owners('broken.yaml', 'namespaceOwners: [\n'),
      ],
      /broken\.yaml: invalid YAML/,
    ],
  ])('exits 2 for %s', async (_, args, message) => {
    const { code, stdout, stderr } = await cli(
      'what-if',
      FLEET,
      '--cluster',
      'aks-test',
      ...(args.includes('--pool') ? [] : ['--pool', 'npwin']),
      ...args,
      ...AT,
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
