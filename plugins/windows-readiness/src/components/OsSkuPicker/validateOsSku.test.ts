import { createFieldValidation } from '@backstage/plugin-scaffolder-react/alpha';
import { TestApiRegistry } from '@backstage/test-utils';
import { windowsReadinessApiRef } from '../../api';
import { mockApi } from '../ReadinessReportPage/__testUtils__/renderWithApi';
import { validateOsSku } from './validateOsSku';
import { osSkusFor } from './__fixtures__';

async function errorsFor(
  osSku: string | undefined,
  options: {
    api?: ReturnType<typeof mockApi>;
    formData?: Record<string, any>;
    clusterField?: string;
  } = {},
): Promise<string[]> {
  const validation = createFieldValidation();
  const apiHolder = options.api
    ? TestApiRegistry.from([windowsReadinessApiRef, options.api])
    : TestApiRegistry.from();
  await validateOsSku(osSku as string, validation, {
    apiHolder,
    formData: options.formData ?? {},
    schema: {},
    uiSchema: options.clusterField
      ? { 'ui:options': { clusterField: options.clusterField } }
      : {},
  });
  return validation.__errors ?? [];
}

const api = () => mockApi({ getOsSkus: async c => osSkusFor(c) });

describe('validateOsSku', () => {
  it('refuses an OS SKU that AKS does not allow on the chosen cluster', async () => {
    const skus = api();
    expect(
      await errorsFor('Windows2019', {
        api: skus,
        formData: { cluster: { name: 'aks-neu-modern' } },
      }),
    ).toEqual([
      'Windows2019: Not allowed on Kubernetes 1.33 (AKS runs it on 1.14 to 1.32)',
    ]);
    expect(skus.getOsSkus).toHaveBeenCalledWith('aks-neu-modern');
  });

  it('accepts an allowed OS SKU', async () => {
    expect(
      await errorsFor('Windows2022', {
        api: api(),
        formData: { cluster: { name: 'aks-neu-modern' } },
      }),
    ).toEqual([]);
  });

  it('reads the cluster from ui:options.clusterField', async () => {
    const skus = api();
    expect(
      await errorsFor('Windows2025', {
        api: skus,
        formData: { target: { name: 'aks-weu-legacy' } },
        clusterField: 'target',
      }),
    ).toEqual([
      'Windows2025: Not allowed on Kubernetes 1.31 (AKS runs it on 1.32 and later)',
    ]);
    expect(skus.getOsSkus).toHaveBeenCalledWith('aks-weu-legacy');
  });

  it('passes when the backend cannot answer, or is not installed', async () => {
    const failing = mockApi({
      getOsSkus: async () => {
        throw new Error('down');
      },
    });
    const formData = { cluster: { name: 'aks-neu-modern' } };
    expect(await errorsFor('Windows2019', { api: failing, formData })).toEqual(
      [],
    );
    expect(await errorsFor('Windows2019', { formData })).toEqual([]);
  });

  it('leaves a missing value to the schema', async () => {
    const skus = api();
    expect(await errorsFor(undefined, { api: skus })).toEqual([]);
    expect(skus.getOsSkus).not.toHaveBeenCalled();
  });
});
