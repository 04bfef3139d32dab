import { createFieldValidation } from '@backstage/plugin-scaffolder-react/alpha';
import { TestApiRegistry } from '@backstage/test-utils';
import { validateClusterChoice } from './validateClusterChoice';

function errorsFor(value: unknown): string[] {
  const validation = createFieldValidation();
  validateClusterChoice(value as any, validation, {
    apiHolder: TestApiRegistry.from(),
    formData: {},
    schema: {},
  });
  return validation.__errors ?? [];
}

describe('validateClusterChoice', () => {
  it('accepts a cluster that ARM knows', () => {
    expect(
      errorsFor({
        name: 'aks-weu-legacy',
        subscriptionId: '00000000-0000-0000-0000-000000000001',
        resourceGroup: 'rg-legacy',
      }),
    ).toEqual([]);
  });

  it('leaves a missing value to the schema', () => {
    expect(errorsFor(undefined)).toEqual([]);
  });

  it.each([
    [{ name: 'aks-eus-linux' }],
    [{ name: 'aks-eus-linux', subscriptionId: 'sub' }],
    [{ name: 'aks-eus-linux', resourceGroup: 'rg' }],
  ])('refuses a cluster without subscription or resource group: %j', value => {
    expect(errorsFor(value)).toEqual([
      'aks-eus-linux is not an AKS cluster known to ARM',
    ]);
  });

  it.each([['aks-weu-legacy'], [{}]])(
    'refuses a value that is not a chosen cluster: %j',
    value => {
      expect(errorsFor(value)).toEqual(['Choose a cluster from the list']);
    },
  );
});
