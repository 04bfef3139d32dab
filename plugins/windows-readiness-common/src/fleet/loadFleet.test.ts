import { readFileSync } from 'fs';
import { resolve } from 'path';
import { DEMO_FLEET_PATH } from '../__testUtils__/demoFleet';
import { FleetValidationError, parseFleet } from './loadFleet';

const demo = readFileSync(DEMO_FLEET_PATH, 'utf8');

function problemsOf(text: string) {
  try {
    parseFleet(text, 'test.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(FleetValidationError);
    return (error as FleetValidationError).problems;
  }
  throw new Error('expected the fleet to be rejected');
}

const minimal = (clusterYaml: string) => `apiVersion: winready/v1
kind: Fleet
metadata: { name: t }
clusters:
${clusterYaml}
`;

describe('parseFleet', () => {
  it('reads the demo fleet', () => {
    const fleet = parseFleet(demo, 'demo.yaml');
    expect(fleet.clusters.map(c => c.name)).toEqual([
      'aks-weu-legacy',
      'aks-neu-modern',
      'aks-eus-linux',
      'aks-weu-batch',
    ]);
    expect(Object.keys(fleet.images ?? {}).length).toBeGreaterThan(10);
  });

  const withNode = (taints: string) =>
    minimal(`  - name: c
    nodePools: [{ name: win, osType: Windows }]
    objects:
      - apiVersion: v1
        kind: Node
        metadata:
          name: akswin000000
          labels: { kubernetes.azure.com/agentpool: win }
        spec:
          providerID: azure:///subscriptions/0/resourceGroups/mc/providers/Microsoft.Compute/virtualMachineScaleSets/akswin/virtualMachines/0
          taints: ${taints}
        status: { nodeInfo: { kernelVersion: 10.0.26100.6905 } }`);

  it('accepts Node objects as the API returns them (docs/rules.md rule 5)', () => {
    const fleet = parseFleet(
      withNode('[{ key: sku, value: win, effect: NoSchedule }]'),
      'f.yaml',
    );
    expect(fleet.clusters[0].objects?.[0].spec.taints).toEqual([
      { key: 'sku', value: 'win', effect: 'NoSchedule' },
    ]);
  });

  it.each([
    ['[{ key: sku, effect: Sometimes }]', 'spec.taints[0].effect'],
    ['[{ value: win, effect: NoSchedule }]', 'spec.taints[0].key'],
    ['sku=win:NoSchedule', 'spec.taints'],
  ])('names the path of a bad Node taint %s', (taints, where) => {
    const [problem] = problemsOf(withNode(taints));
    expect(problem.path).toBe(`clusters[0].objects[0].${where}`);
    expect(problem.line).toBeGreaterThan(0);
  });

  it('names the path and line of a bad taint', () => {
    const text = readFileSync(
      resolve(__dirname, '__fixtures__/bad-taint.yaml'),
      'utf8',
    );
    const problems = problemsOf(text);
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'clusters[0].nodePools[1].taints[1]',
        line: 11,
      }),
    ]);
    expect(problems[0].message).toMatch(/invalid taint "sku=win"/);
  });

  it.each([
    [
      'an unknown osType',
      minimal('  - name: c\n    nodePools: [{ name: p, osType: Solaris }]'),
      'clusters[0].nodePools[0].osType',
      /Linux or Windows/,
    ],
    [
      'a Windows pool name over 6 characters',
      minimal(
        '  - name: c\n    nodePools: [{ name: npwindows, osType: Windows }]',
      ),
      'clusters[0].nodePools[0].name',
      /longer than 6/,
    ],
    [
      'a pool name with capitals',
      minimal('  - name: c\n    nodePools: [{ name: NpWin, osType: Windows }]'),
      'clusters[0].nodePools[0].name',
      /lowercase/,
    ],
    [
      'duplicate pool names',
      minimal(
        '  - name: c\n    nodePools: [{ name: p, osType: Linux }, { name: p, osType: Linux }]',
      ),
      'clusters[0].nodePools[1].name',
      /duplicate pool/,
    ],
    [
      'duplicate cluster names',
      minimal('  - name: c\n    nodePools: []\n  - name: c\n    nodePools: []'),
      'clusters[1].name',
      /duplicate cluster/,
    ],
    [
      'a negative count',
      minimal(
        '  - name: c\n    nodePools: [{ name: p, osType: Linux, count: -1 }]',
      ),
      'clusters[0].nodePools[0].count',
      /0|greater/i,
    ],
    [
      'an object without kind',
      minimal(
        '  - name: c\n    nodePools: []\n    objects: [{ apiVersion: v1, metadata: { name: x } }]',
      ),
      'clusters[0].objects[0].kind',
      /./,
    ],
    [
      'labels that are not strings',
      minimal(
        '  - name: c\n    nodePools: [{ name: p, osType: Linux, labels: { a: { b: c } } }]',
      ),
      'clusters[0].nodePools[0].labels.a',
      /./,
    ],
    [
      // Dropped unseen, it would change verdicts: the SKU guessed instead.
      'a misspelt optional pool field (osSKU)',
      minimal(
        '  - name: c\n    nodePools: [{ name: npw, osType: Windows, osSKU: Windows2022 }]',
      ),
      'clusters[0].nodePools[0]',
      /Unrecognized key: "osSKU"/,
    ],
    [
      'a misspelt optional cluster field',
      minimal('  - name: c\n    kubernetesVerison: "1.33"\n    nodePools: []'),
      'clusters[0]',
      /Unrecognized key: "kubernetesVerison"/,
    ],
    [
      'a bad kubernetesVersion',
      minimal('  - name: c\n    kubernetesVersion: latest\n    nodePools: []'),
      'clusters[0].kubernetesVersion',
      /1\.33/,
    ],
  ])('rejects %s', (_what, text, path, message) => {
    const problems = problemsOf(text);
    expect(problems[0].path).toBe(path);
    expect(problems[0].message).toMatch(message);
    expect(problems[0].line).toBeGreaterThan(0);
  });

  it.each([
    [
      'the wrong apiVersion',
      'apiVersion: v2\nkind: Fleet\nmetadata: { name: x }\nclusters: []',
      'apiVersion',
    ],
    [
      'a missing clusters list',
      'apiVersion: winready/v1\nkind: Fleet\nmetadata: { name: x }',
      'clusters',
    ],
    [
      'a bad image os.version',
      'apiVersion: winready/v1\nkind: Fleet\nmetadata: { name: x }\nclusters: []\nimages:\n  a:b:\n    platforms: [{ os: windows, architecture: amd64, osVersion: ltsc2022 }]',
      'images.a:b.platforms[0].osVersion',
    ],
  ])('rejects %s', (_what, text, path) => {
    expect(problemsOf(text)[0].path).toBe(path);
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsOf('apiVersion: winready/v1\nkind: [Fleet\n');
    expect(problems[0].line).toBeGreaterThan(0);
    expect(problems[0].path).toBe('');
  });

  it('says what and where in its message', () => {
    expect(() =>
      parseFleet(
        minimal('  - name: c\n    nodePools: [{ name: p, osType: Mac }]'),
        'f.yaml',
      ),
    ).toThrow(
      /^f\.yaml: invalid fleet file\n {2}clusters\[0\]\.nodePools\[0\]\.osType \(line \d+\): must be Linux or Windows/,
    );
  });

  it('reads a pool without osType as Linux, as ARM does (docs/rules.md rule 5)', () => {
    const fleet = parseFleet(
      minimal('  - name: c\n    nodePools: [{ name: p }]'),
      'f.yaml',
    );
    expect(fleet.clusters[0].nodePools[0].osType).toBe('Linux');
  });

  it('reads a JSON fleet, and still names the line of a problem in one', () => {
    const fleet = parseFleet(demo, 'demo.yaml');
    expect(parseFleet(JSON.stringify(fleet), 'demo.json')).toEqual(fleet);
    const broken = JSON.stringify(
      {
        ...fleet,
        clusters: [
          { ...fleet.clusters[0], nodePools: [{ name: 'p', osType: 'Plan9' }] },
        ],
      },
      null,
      2,
    );
    expect(problemsOf(broken)[0]).toMatchObject({
      path: 'clusters[0].nodePools[0].osType',
      line: expect.any(Number),
    });
  });
});
