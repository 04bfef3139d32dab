import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ManifestError,
  ManifestLimitError,
  parseManifests,
  type ManifestDocument,
} from './parseManifests';

/**
 * __fixtures__/manifests (kept byte for byte, out of prettier's reach):
 * - kustomize-build.yaml: `kubectl kustomize` (kustomize v5.5.0) of a base
 *   with a Deployment and a Service: no leading `---`, keys sorted.
 * - kubectl-get-list.yaml: `kubectl get deployments -n orders -o yaml`
 *   (kubectl v1.32) against the AKS simulator serving the demo fleet: a
 *   `kind: List` with unindented `- ` items.
 * - helm-template.yaml: the layout of `helm template` (helm/helm
 *   cmd/helm/template.go writes `---\n# Source: <template>\n<manifest>` per
 *   template), with a null value as a chart renders an empty one.
 * - commented.yaml: hand-written, with a document end marker (`...`), an
 *   empty document and comments after `---` and after values.
 */
const fixture = (name: string) => ({
  path: `deploy/${name}`,
  content: readFileSync(
    join(__dirname, '__fixtures__', 'manifests', name),
    'utf8',
  ),
});

const summary = (documents: ManifestDocument[]) =>
  documents.map(d => [
    d.document,
    d.line,
    d.item,
    d.object.kind,
    d.object.metadata?.name,
  ]);

describe('parseManifests', () => {
  it.each([
    [
      'kustomize-build.yaml',
      [
        [1, 1, undefined, 'Service', 'orders-legacy'],
        [2, 15, undefined, 'Deployment', 'orders-legacy'],
      ],
    ],
    [
      'kubectl-get-list.yaml',
      [
        [1, 3, 0, 'Deployment', 'orders'],
        [1, 31, 1, 'Deployment', 'orders-legacy'],
      ],
    ],
    [
      'helm-template.yaml',
      [
        [1, 3, undefined, 'ServiceAccount', 'orders'],
        [2, 12, undefined, 'Service', 'orders'],
        [3, 25, undefined, 'Deployment', 'orders'],
        [4, 61, undefined, 'Pod', 'orders-test-connection'],
      ],
    ],
    [
      'commented.yaml',
      [
        [1, 4, undefined, 'CronJob', 'nightly'],
        // Document 2 is empty; 3 starts after `--- # comment` on line 23.
        [3, 24, undefined, 'StatefulSet', 'spooler'],
        [4, 37, undefined, 'ConfigMap', 'settings'],
      ],
    ],
  ])('reads %s with each object’s document and line', (name, expected) => {
    const documents = parseManifests([fixture(name)]);
    expect(summary(documents)).toEqual(expected);
    expect(documents.every(d => d.file === `deploy/${name}`)).toBe(true);
  });

  it('points each line at the object’s first line in the file', () => {
    for (const name of ['helm-template.yaml', 'kubectl-get-list.yaml']) {
      const { content, path } = fixture(name);
      const lines = content.split('\n');
      for (const document of parseManifests([{ path, content }])) {
        expect(lines[document.line - 1]).toMatch(/^(- )?apiVersion: /);
      }
    }
  });

  it('keeps the values the rules read, null fields and all', () => {
    const [, , deployment] = parseManifests([fixture('helm-template.yaml')]);
    expect(deployment.object.spec?.template?.spec).toMatchObject({
      nodeSelector: { 'kubernetes.io/os': 'windows' },
      affinity: null,
      containers: [
        { image: 'winreadydemo.azurecr.io/orders/api:1.5.0-ltsc2019' },
      ],
    });
  });

  it('reads JSON as kubectl writes it (-o json), with lines', () => {
    const content = JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'List',
        items: [
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } },
          {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: 'b' },
            spec: { containers: [{ name: 'c', image: 'busybox' }] },
          },
        ],
      },
      null,
      4,
    );
    expect(summary(parseManifests([{ path: 'x.json', content }]))).toEqual([
      [1, 5, 0, 'ConfigMap', 'a'],
      [1, 12, 1, 'Pod', 'b'],
    ]);
  });

  it('numbers documents per file and keeps the order of the files', () => {
    const documents = parseManifests([
      fixture('kustomize-build.yaml'),
      fixture('commented.yaml'),
    ]);
    expect(documents.map(d => `${d.file}#${d.document}`)).toEqual([
      'deploy/kustomize-build.yaml#1',
      'deploy/kustomize-build.yaml#2',
      'deploy/commented.yaml#1',
      'deploy/commented.yaml#3',
      'deploy/commented.yaml#4',
    ]);
  });

  it('reads empty files and comment-only files as no objects', () => {
    expect(
      parseManifests([
        { path: 'empty.yaml', content: '' },
        { path: 'comments.yaml', content: '# nothing\n---\n# here\n' },
      ]),
    ).toEqual([]);
  });
});

const deployment = (podSpec: string) => `apiVersion: v1
kind: ConfigMap
metadata: { name: first }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
${podSpec}`;

describe('parseManifests on malformed manifests', () => {
  const problemsOf = (content: string) => {
    try {
      parseManifests([{ path: 'app.yaml', content }]);
    } catch (error) {
      expect(error).toBeInstanceOf(ManifestError);
      return (error as ManifestError).problems.map(p => ({
        document: p.document,
        line: p.line,
        path: p.path,
        pathLine: p.pathLine,
        message: p.message,
      }));
    }
    throw new Error('expected a ManifestError');
  };

  it.each([
    [
      'an image that is not a string',
      deployment(
        '      containers:\n        - name: web\n          image: 42\n',
      ),
      {
        document: 2,
        line: 5,
        path: 'spec.template.spec.containers[0].image',
        pathLine: 14,
        message: 'expected a string',
      },
    ],
    [
      'a container without an image',
      deployment('      containers:\n        - name: web\n'),
      {
        document: 2,
        line: 5,
        path: 'spec.template.spec.containers[0].image',
        // A missing key points at the closest node that is there.
        pathLine: 13,
        message: 'expected a string',
      },
    ],
    [
      'a node selector value that YAML reads as a number',
      deployment(
        '      nodeSelector: { pool: 2022 }\n      containers: [{ name: w, image: w }]\n',
      ),
      {
        document: 2,
        line: 5,
        path: 'spec.template.spec.nodeSelector.pool',
        pathLine: 12,
        message: 'expected a string',
      },
    ],
    [
      'tolerations that are a map',
      deployment(
        '      tolerations: { key: sku }\n      containers: [{ name: w, image: w }]\n',
      ),
      {
        document: 2,
        line: 5,
        path: 'spec.template.spec.tolerations',
        pathLine: 12,
        message: expect.stringMatching(/expected array/),
      },
    ],
    [
      'a workload without a pod template',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: agent }\nspec: {}\n',
      {
        document: 1,
        line: 1,
        path: 'spec.template',
        pathLine: 4,
        message: expect.stringMatching(/expected object/),
      },
    ],
    [
      'an object without a kind',
      'apiVersion: v1\nmetadata: { name: x }\n',
      {
        document: 1,
        line: 1,
        path: 'kind',
        pathLine: 1,
        message: 'expected a string',
      },
    ],
    [
      'a document that is a list',
      '---\n- apiVersion: v1\n  kind: Pod\n',
      {
        document: 1,
        line: 2,
        path: '',
        pathLine: undefined,
        message:
          'expected a Kubernetes object (a mapping with apiVersion and kind)',
      },
    ],
    [
      'a List whose items is not a list',
      'apiVersion: v1\nkind: List\nitems: { a: 1 }\n',
      {
        document: 1,
        line: 1,
        path: 'items',
        pathLine: 3,
        message: 'expected a list of objects',
      },
    ],
    [
      'a bad object inside a List',
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: { name: p }\n  spec: { containers: [] }\n',
      {
        document: 1,
        line: 4,
        path: 'spec.containers',
        pathLine: 7,
        message: 'a pod needs at least one container',
      },
    ],
    [
      'broken YAML',
      'apiVersion: v1\nkind: ConfigMap\n---\nmetadata: { name: x\n',
      {
        document: 2,
        line: 5,
        path: '',
        pathLine: undefined,
        message: expect.stringMatching(/^invalid YAML: /),
      },
    ],
    [
      'a duplicate key',
      'apiVersion: v1\nkind: Pod\nkind: Service\n',
      {
        document: 1,
        line: 3,
        path: '',
        pathLine: undefined,
        message: expect.stringMatching(
          /^invalid YAML: Map keys must be unique/,
        ),
      },
    ],
  ])('names the document, path and line of %s', (_what, content, problem) => {
    expect(problemsOf(content)).toEqual([problem]);
  });

  it('refuses an alias bomb without expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'
        .split('')
        .map(
          (k, i) =>
            `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`,
        ),
      'apiVersion: v1',
      'kind: ConfigMap',
    ].join('\n');
    expect(problemsOf(bomb)).toEqual([
      expect.objectContaining({
        document: 1,
        message: expect.stringMatching(/alias/i),
      }),
    ]);
  });

  it('reports every problem of every file in one error, file by file', () => {
    let error: ManifestError | undefined;
    try {
      parseManifests([
        { path: 'a.yaml', content: 'kind: Pod\n' },
        { path: 'b.yaml', content: 'apiVersion: v1\n' },
      ]);
    } catch (caught) {
      error = caught as ManifestError;
    }
    expect(error?.message).toBe(
      [
        'invalid manifests',
        '  a.yaml document 1 (line 1): apiVersion: expected a string',
        '  b.yaml document 1 (line 1): kind: expected a string',
      ].join('\n'),
    );
  });

  it('stops at the document limit, before parsing the rest', () => {
    const content = Array(6)
      .fill('apiVersion: v1\nkind: ConfigMap\n')
      .join('---\n');
    expect(() =>
      parseManifests([{ path: 'a.yaml', content }], { maxDocuments: 5 }),
    ).toThrow(ManifestLimitError);
    expect(
      parseManifests([{ path: 'a.yaml', content }], { maxDocuments: 6 }),
    ).toHaveLength(6);
  });
});
