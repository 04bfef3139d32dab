import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parseAllDocuments } from 'yaml';
import { cli, cliWithStdin } from '../__testUtils__/cli';
import { fixture, tempDir } from '../__testUtils__/files';

const ROOT = path.resolve(__dirname, '../../../..');
const DEMO = path.join(ROOT, 'examples/fleets/demo.yaml');
const EXAMPLES = path.join(ROOT, 'examples/manifests');
const AT = ['--at', '2026-11-27'];
// JSON unless a test names another format (the default is a table).
const DEMO_CLUSTER = [
  '--fleet',
  DEMO,
  '--cluster',
  'aks-weu-legacy',
  ...AT,
  '--format',
  'json',
];

/** The OASIS SARIF 2.1.0 schema (draft-07; __fixtures__/sarif/README.md says where from). */
const validateSarif = (() => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(
    JSON.parse(
      fs.readFileSync(fixture('sarif/sarif-schema-2.1.0.json'), 'utf8'),
    ),
  );
})();

const temp = tempDir();
afterAll(() => temp.remove());

/** As `helm template` writes a chart: `---` and a `# Source:` comment per template. */
const RENDERED = `---
# Source: orders/templates/configmap.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: orders-settings
data:
  mode: "legacy"
---
# Source: orders/templates/deployment.yaml
# the build the legacy cluster still runs
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-legacy
  namespace: orders
spec:
  template:
    spec:
      nodeSelector:
        kubernetes.io/os: windows
      tolerations:
        - { key: sku, operator: Equal, value: win, effect: NoSchedule }
      containers:
        - name: api
          image: winreadydemo.azurecr.io/orders/api:1.4.2-1803
---
# Source: orders/templates/job.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: orders-migrate
  namespace: orders
spec:
  template:
    spec:
      nodeSelector:
        kubernetes.io/os: windows
      tolerations:
        - { key: sku, operator: Exists }
      containers:
        - name: migrate
          image: winreadydemo.azurecr.io/orders/api:1.5.0-ltsc2019
`;

/** As `kubectl get -o yaml` writes several objects: one `kind: List`. */
const LIST = `apiVersion: v1
items:
- apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    name: log-agent
    namespace: platform
  spec:
    template:
      spec:
        nodeSelector:
          kubernetes.io/os: windows
        tolerations:
        - operator: Exists
        containers:
        - image: winreadydemo.azurecr.io/platform/hostprocess-agent:1.2.0
          name: agent
- apiVersion: v1
  kind: Pod
  metadata:
    name: debug
    namespace: default
  spec:
    nodeSelector:
      kubernetes.io/os: linux
    containers:
    - image: docker.io/library/nginx:1.27
      name: debug
kind: List
metadata:
  resourceVersion: ""
`;

const workloadsOf = (stdout: string) =>
  JSON.parse(stdout).workloads.map((w: any) => [
    `${w.file}:${w.line}`,
    `${w.kind}/${w.name}`,
    w.status,
  ]);

describe('winready check', () => {
  it('prints a table for a person at a terminal by default', async () => {
    const { code, stdout } = await cli(
      'check',
      EXAMPLES,
      '--fleet',
      DEMO,
      '--cluster',
      'aks-weu-legacy',
      ...AT,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^location\s+workload\s+status/m);
    expect(stdout).toMatch(
      /orders-legacy\.yaml:19\s+Deployment orders\/orders-legacy\s+blocked/,
    );
  });

  it('reads a folder and points the 1803 result at its file and line, in SARIF', async () => {
    // As the README runs it, from the repository root.
    const cwd = process.cwd();
    process.chdir(ROOT);
    const { code, stdout, stderr } = await cli(
      'check',
      'examples/manifests/',
      '--fleet',
      'examples/fleets/demo.yaml',
      '--cluster',
      'aks-weu-legacy',
      '--format',
      'sarif',
    ).finally(() => process.chdir(cwd));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const log = JSON.parse(stdout);
    expect(validateSarif(log)).toBe(true);
    // The schema has teeth: a result without a message, a level it does not know.
    const broken = structuredClone(log);
    delete broken.runs[0].results[0].message;
    broken.runs[0].results[1].level = 'fatal';
    expect(validateSarif(broken)).toBe(false);
    expect(validateSarif.errors?.map(e => e.instancePath)).toEqual(
      expect.arrayContaining(['/runs/0/results/1/level']),
    );
    const legacy = log.runs[0].results.find(
      (r: any) => r.ruleId === 'image-os-build',
    );
    const file = 'examples/manifests/orders-legacy.yaml';
    expect(legacy).toMatchObject({
      level: 'error',
      message: {
        text: expect.stringContaining(
          'winreadydemo.azurecr.io/orders/api:1.4.2-1803 [10.0.17134.1305] on npwin',
        ),
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' },
            region: { startLine: 19 },
          },
        },
      ],
    });
    const lines = fs
      .readFileSync(path.join(EXAMPLES, 'orders-legacy.yaml'), 'utf8')
      .split('\n');
    expect(lines.slice(18, 21)).toEqual([
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
    ]);
  });

  it('gives rules the check catalog’s ids and metadata, and results a rule index', async () => {
    const { stdout } = await cli(
      'check',
      EXAMPLES,
      ...DEMO_CLUSTER,
      '--format',
      'sarif',
    );
    const run = JSON.parse(stdout).runs[0];
    expect(run.tool.driver.name).toBe('winready');
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual([
      'image-os-build',
      'build-selector',
      'os-selector',
      'taint-toleration',
      'pod-status',
      'os-sku-lifecycle',
      'upgrade-path',
      'linux-isolation',
      'windows-pool-taint',
    ]);
    expect(run.tool.driver.rules[0]).toMatchObject({
      name: 'ImageOsBuild',
      shortDescription: { text: 'Image fits the Windows build' },
      defaultConfiguration: { level: 'error' },
    });
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    }
    expect(run.automationDetails.id).toBe('winready-check/aks-weu-legacy/');
  });

  it('reads stdin (-) as helm template writes it, naming it --stdin-name', async () => {
    const { code, stdout } = await cliWithStdin(
      RENDERED,
      'check',
      '-',
      '--stdin-name',
      'rendered/orders.yaml',
      ...DEMO_CLUSTER,
    );
    expect(code).toBe(0);
    expect(workloadsOf(stdout)).toEqual([
      ['rendered/orders.yaml:12', 'Deployment/orders-legacy', 'blocked'],
      ['rendered/orders.yaml:29', 'Job/orders-migrate', 'at-risk'],
    ]);
    expect(JSON.parse(stdout).summary.documents).toBe(3);
  });

  it('reads a kind: List item by item, each at its own line', async () => {
    const file = temp.write('list.yaml', LIST);
    const { stdout } = await cli('check', file, ...DEMO_CLUSTER);
    // Outside the working directory, a path is shown whole.
    const shown = file;
    expect(workloadsOf(stdout)).toEqual([
      // Tolerates every taint; runs on the retired Windows Server 2019 pool.
      [`${shown}:3`, 'DaemonSet/log-agent', 'at-risk'],
      [`${shown}:18`, 'Pod/debug', 'not-applicable'],
    ]);
  });

  it('points every SARIF result at the first line of its own document', async () => {
    const file = temp.write('rendered.yaml', `${RENDERED}---\n${LIST}`);
    const { stdout } = await cli(
      'check',
      file,
      ...DEMO_CLUSTER,
      '--format',
      'sarif',
    );
    const log = JSON.parse(stdout);
    expect(validateSarif(log)).toBe(true);
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n');
    expect(log.runs[0].results.length).toBeGreaterThan(1);
    for (const result of log.runs[0].results) {
      const line = result.locations[0].physicalLocation.region.startLine;
      const name = result.locations[0].logicalLocations[0].name;
      // The line starts an object, and that object is the result's workload.
      expect(lines[line - 1]).toMatch(/^(- )?apiVersion: /);
      const following = lines.slice(line - 1, line + 4).join('\n');
      expect(following).toContain(`name: ${name}`);
    }
    expect(parseAllDocuments(text)).toHaveLength(4);
  });

  it('writes GitHub annotations on the file and line, escaped', async () => {
    const { stdout } = await cliWithStdin(
      RENDERED,
      'check',
      '-',
      '--stdin-name',
      'charts/a,b:c.yaml',
      ...DEMO_CLUSTER,
      '--format',
      'github',
    );
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^::error file=charts\/a%2Cb%3Ac\.yaml,line=12,title=winready image-os-build::Deployment orders\/orders-legacy on aks-weu-legacy: No selected Windows pool/,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::warning file=charts\/a%2Cb%3Ac\.yaml,line=29,title=winready os-sku-lifecycle::/,
      ),
    );
    expect(lines[lines.length - 1]).toBe(
      'winready: 2 workload(s) in 3 document(s) checked against aks-weu-legacy as of 2026-11-27: 1 blocked, 1 at-risk',
    );
  });

  it('prints a table with each workload’s location', async () => {
    const { stdout } = await cli(
      'check',
      EXAMPLES,
      ...DEMO_CLUSTER,
      '--format',
      'table',
    );
    expect(stdout).toMatch(
      /^3 workload\(s\) in 4 document\(s\) checked against aks-weu-legacy as of 2026-11-27: 2 blocked, 1 at-risk\n/,
    );
    expect(stdout).toMatch(
      /orders-legacy\.yaml:19 +Deployment orders\/orders-legacy +blocked +image-os-build/,
    );
    expect(stdout).toMatch(
      /npwin +Windows2019 +10\.0\.17763\.6532 +sku=win:NoSchedule/,
    );
  });

  it('counts an image nobody described as unknown, never a pass', async () => {
    const { stdout } = await cliWithStdin(
      RENDERED.replace('api:1.4.2-1803', 'api:7.3-new'),
      'check',
      '-',
      ...DEMO_CLUSTER,
    );
    const [deployment] = JSON.parse(stdout).workloads;
    expect(deployment.status).toBe('unknown');
    expect(deployment.checks[0]).toMatchObject({
      id: 'image-os-build',
      result: 'unknown',
    });
  });

  describe('exit codes', () => {
    it.each([
      [[], 0],
      [['--fail-on', 'blocked'], 1],
      [['--fail-on', 'at-risk'], 1],
    ])('exits as evaluate does with %j', async (flags, expected) => {
      const { code } = await cli(
        'check',
        EXAMPLES,
        ...DEMO_CLUSTER,
        ...(flags as string[]),
      );
      expect(code).toBe(expected);
    });

    it('exits 0 under --fail-on at-risk when nothing is at risk', async () => {
      const file = temp.write(
        'linux.yaml',
        'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  nodeSelector: { kubernetes.io/os: linux }\n  containers: [{ name: web, image: docker.io/library/nginx:1.27 }]\n',
      );
      const { code, stdout } = await cli(
        'check',
        file,
        ...DEMO_CLUSTER,
        '--fail-on',
        'at-risk',
      );
      expect(JSON.parse(stdout).workloads.map((w: any) => w.status)).toEqual([
        'not-applicable',
      ]);
      expect(code).toBe(0);
    });

    it('exits 2 naming the file, the document and the path of a malformed manifest', async () => {
      const file = temp.write(
        'broken.yaml',
        RENDERED.replace(
          'image: winreadydemo.azurecr.io/orders/api:1.5.0-ltsc2019',
          'image: 2019',
        ),
      );
      const { code, stdout, stderr } = await cli(
        'check',
        file,
        ...DEMO_CLUSTER,
      );
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toBe(
        `winready: invalid manifest\n  ${file} document 3 (line 29): spec.template.spec.containers[0].image (line 43): expected a string\n`,
      );
    });

    it.each([
      [
        ['--cluster', 'aks-nowhere', '--fleet', DEMO],
        /no cluster "aks-nowhere" in .*demo\.yaml \(clusters: aks-weu-legacy, aks-neu-modern, aks-eus-linux, aks-weu-batch\)/,
      ],
      [
        ['--cluster', 'aks-weu-legacy'],
        /give one source of pools: --fleet FILE, --live --config FILE or --backend URL/,
      ],
      [
        [
          '--cluster',
          'aks-weu-legacy',
          '--fleet',
          DEMO,
          '--backend',
          'http://127.0.0.1:9',
        ],
        /give one source of pools/,
      ],
      [
        [
          '--cluster',
          'aks-weu-legacy',
          '--backend',
          'http://127.0.0.1:9',
          '--os-skus',
          DEMO,
        ],
        /--os-skus does not apply to --backend/,
      ],
      [
        ['--cluster', 'aks-weu-legacy', '--backend', 'http://127.0.0.1:9'],
        /Cannot reach http:\/\/127\.0\.0\.1:9\/api\/windows-readiness\/v1\/preflight/,
      ],
    ])('exits 2 on bad sources (%j)', async (flags, message) => {
      const { code, stderr } = await cli(
        'check',
        EXAMPLES,
        ...(flags as string[]),
      );
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
    });

    it('exits 2 on paths that cannot be read', async () => {
      for (const [paths, message] of [
        [[path.join(EXAMPLES, 'nope.yaml')], /Cannot read .*nope\.yaml/],
        [['/dev/zero'], /\/dev\/zero: not a regular file or a folder/],
        [['-', '-'], /- \(stdin\) can be given once/],
      ] as Array<[string[], RegExp]>) {
        const { code, stderr } = await cliWithStdin(
          '',
          'check',
          ...paths,
          ...DEMO_CLUSTER,
        );
        expect(code).toBe(2);
        expect(stderr).toMatch(message);
      }
    });
  });
});
