import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { parse } from 'yaml';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import scaffolderModuleAks from '.';
import { shippedTemplate, TEMPLATE_DIR } from './__testUtils__/scaffolderTasks';

function directoryContents() {
  const files = [
    'template.yaml',
    ...readdirSync(join(TEMPLATE_DIR, 'skeleton')).map(f => `skeleton/${f}`),
  ];
  return files.map(path => ({
    path,
    base64Content: readFileSync(join(TEMPLATE_DIR, path)).toString('base64'),
  }));
}

const values = {
  cluster: {
    name: 'aks-weu-prod',
    subscriptionId: '00000000-0000-0000-0000-0000000000aa',
    resourceGroup: 'rg-prod',
    kubernetesVersion: '1.33.2',
    pools: ['system', 'npwin'],
  },
  name: 'win2',
  osSku: 'Windows2022',
  vmSize: 'Standard_D4s_v5',
  taints: ['sku=win:NoSchedule'],
  labels: { team: 'payments' },
  count: 2,
  enableAutoScaling: false,
  maxPods: 30,
  dryRun: false,
  openPullRequest: true,
  repoUrl: 'github.com?owner=contoso&repo=cluster-config',
  manifestsPath: 'clusters',
};

type DryRunLog = Array<{
  body: { message: string; stepId?: string; status?: string };
}>;

describe('templates/windows-nodepool through the scaffolder dry run', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  const template = shippedTemplate();

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        githubModule,
        scaffolderModuleAks,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          // A token lets the pull request step dry-run; it never leaves the process.
          data: {
            integrations: {
              github: [{ host: 'github.com', token: 'dry-run-only' }],
            },
          },
        }),
      ],
    }));
  });

  const dryRun = (input: Record<string, unknown>) =>
    request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template,
        values: input,
        directoryContents: directoryContents(),
      });

  it('registers the template with the action and the form fields it relies on', () => {
    expect(template).toMatchObject({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
    });
    expect(template.spec.steps[0].action).toBe('aks:nodepool:create');
    const fields = template.spec.parameters.flatMap((page: any) =>
      Object.values(page.properties).map((p: any) => p['ui:field']),
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        'WindowsReadinessClusterPicker',
        'WindowsOsSkuPicker',
      ]),
    );
    expect(template.spec.parameters[2].properties.taints.default).toEqual([
      'sku=win:NoSchedule',
    ]);
  });

  it('validates the pool, renders the RuntimeClass for the pull request and outputs the workload YAML', async () => {
    const response = await dryRun(values);
    expect(response.body).toEqual(
      expect.objectContaining({ log: expect.any(Array) }),
    );
    expect(response.status).toBe(200);
    const log = (response.body.log as DryRunLog).map(
      entry => entry.body.message,
    );
    expect(log).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /Dry run: would create Windows pool "win2" in cluster aks-weu-prod \(rg-prod\): Windows2022, Standard_D4s_v5, 2 node\(s\), mode User, taints \[sku=win:NoSchedule\]/,
        ),
      ]),
    );
    const manifest = response.body.directoryContents.find(
      (f: any) => f.path === 'clusters/runtimeclass-win2.yaml',
    );
    expect(manifest).toBeDefined();
    const documents = parse(
      Buffer.from(manifest.base64Content, 'base64').toString('utf8'),
    );
    expect(documents).toMatchObject({
      kind: 'RuntimeClass',
      metadata: { name: 'windows-win2' },
      scheduling: {
        tolerations: [{ key: 'sku', value: 'win', effect: 'NoSchedule' }],
      },
    });
    const text = response.body.output.text[0];
    expect(text.title).toBe('Dry run: nothing was created');
    expect(text.content).toContain(
      'node.kubernetes.io/windows-build: 10.0.20348',
    );
    // A dry run created nothing: no link to the Azure portal, nor to the
    // taint what-if of a pool that does not exist.
    expect(response.body.output.links.map((l: any) => l.title)).toEqual([
      'Pull request',
    ]);
  });

  it('runs with only what the form requires', async () => {
    const { taints, labels, count, maxPods, ...required } = values;
    const response = await dryRun({ ...required, openPullRequest: false });
    expect(response.status).toBe(200);
    const log = (response.body.log as DryRunLog).map(
      entry => entry.body.message,
    );
    expect(log).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /would create Windows pool "win2" .* taints \[\]/,
        ),
        expect.stringMatching(/no NoSchedule or NoExecute taint/),
      ]),
    );
  });

  it('refuses a name the cluster picker says is taken', async () => {
    const response = await dryRun({
      ...values,
      name: 'npwin',
      openPullRequest: false,
    });
    expect(response.body.error?.message).toMatch(
      /already has a pool named "npwin"/,
    );
  });

  it('passes autoscaling bounds only when autoscaling is on', async () => {
    const response = await dryRun({
      ...values,
      enableAutoScaling: true,
      minCount: 1,
      maxCount: 4,
      openPullRequest: false,
    });
    const log = (response.body.log as DryRunLog).map(
      entry => entry.body.message,
    );
    expect(log).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/1-4 nodes \(autoscaling\)/),
      ]),
    );
  });

  it('refuses a 7-character Windows pool name in the form, before any step', async () => {
    const response = await dryRun({
      ...values,
      name: 'npwin22',
      openPullRequest: false,
    });
    // The parameters' pattern is checked before the steps (the action has
    // the same rule for callers that bypass the form).
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        path: ['name'],
        message: 'does not match pattern "^[a-z][a-z0-9]{0,5}$"',
      }),
    ]);
    expect(response.body.log).toBeUndefined();
  });
});
