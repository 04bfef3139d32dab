/**
 * Entities mapped through `backstage.io/kubernetes-label-selector` (no
 * kubernetes-id label on their workloads) get their images described too.
 */
import type { Entity } from '@backstage/catalog-model';
import type { KubernetesObject } from '@winready/plugin-windows-readiness-common';
import {
  get,
  loadDemoEntities,
  loadDemoFleet,
  refreshAndWait,
  startReadinessBackend,
  startSimulatorFixture,
  type SimulatorFixture,
  type TestBackend,
} from '../__testUtils__/harness';

jest.setTimeout(60_000);

const KUBERNETES_ID = 'backstage.io/kubernetes-id';

/** The demo's search-indexer again, found only by `app: indexer-copy`. */
function unlabelledCopy(original: KubernetesObject): KubernetesObject {
  const copy = structuredClone(original) as any;
  const relabel = (labels: Record<string, string> = {}) => {
    const { [KUBERNETES_ID]: _id, ...rest } = labels;
    return { ...rest, app: 'indexer-copy' };
  };
  copy.metadata = {
    name: 'indexer-copy',
    namespace: original.metadata?.namespace,
    labels: relabel(original.metadata?.labels),
  };
  copy.spec.selector = { matchLabels: { app: 'indexer-copy' } };
  copy.spec.template.metadata = {
    labels: relabel(copy.spec.template.metadata?.labels),
  };
  return copy;
}

const selectorEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'indexer-copy',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-label-selector': 'app=indexer-copy',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-search' },
};

let fx: SimulatorFixture;
let backend: TestBackend;

afterAll(async () => {
  await backend?.stop();
  await fx?.stop();
});

it('judges a label-selector entity on its images, like the kubernetes-id original', async () => {
  const fleet = loadDemoFleet();
  const modern = fleet.clusters.find(c => c.name === 'aks-neu-modern')!;
  const original = modern.objects!.find(
    o => o.kind === 'StatefulSet' && o.metadata?.name === 'search-indexer',
  )!;
  // Its own image reference, so that nobody else's lookup describes it.
  const image = 'winreadydemo.azurecr.io/search/indexer:1.0.0-ltsc2025';
  const copyImage = `${image}-copy`;
  fleet.images![copyImage] = fleet.images![image];
  const copied = unlabelledCopy(original) as any;
  copied.spec.template.spec.containers[0].image = copyImage;
  modern.objects!.push(copied);
  fx = await startSimulatorFixture({}, fleet);
  backend = await startReadinessBackend({
    sources: fx.sourcesConfig(),
    entities: [...loadDemoEntities(), selectorEntity],
  });
  await refreshAndWait(backend.server);

  const entity = async (name: string) =>
    (await get(backend.server, `/v1/entities/default/component/${name}`)).body;
  const [copy, searchIndexer] = [
    await entity('indexer-copy'),
    await entity('search-indexer'),
  ];
  const imageCheck = (body: any) =>
    body.result.checks.find((c: any) => c.id === 'image-os-build').result;
  expect(imageCheck(searchIndexer)).toBe('pass');
  expect(imageCheck(copy)).toBe('pass');
  expect(copy.status).toBe(searchIndexer.status);
});
