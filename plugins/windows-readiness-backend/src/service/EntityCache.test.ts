import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityCache } from './EntityCache';

describe('EntityCache', () => {
  const catalog = () =>
    catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'orders',
            annotations: { 'backstage.io/kubernetes-id': 'orders' },
          },
          spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
        },
      ],
    });

  afterEach(() => jest.useRealTimers());

  it('shares one catalog read between shard runs that start together, and reads again once it is older', async () => {
    jest.useFakeTimers({ now: new Date('2027-01-04T10:00:00Z') });
    const source = catalog();
    const read = jest.spyOn(source, 'getEntities');
    const cache = new EntityCache(source, mockServices.auth());

    const [first, second] = await Promise.all([cache.recent(), cache.recent()]);
    expect(second).toBe(first);
    expect(read).toHaveBeenCalledTimes(1);

    jest.setSystemTime(new Date('2027-01-04T10:00:29Z'));
    expect(await cache.recent()).toBe(first);
    expect(read).toHaveBeenCalledTimes(1);

    jest.setSystemTime(new Date('2027-01-04T10:00:31Z'));
    expect(await cache.recent()).not.toBe(first);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads again after a failed read', async () => {
    const source = catalog();
    const read = jest
      .spyOn(source, 'getEntities')
      .mockRejectedValueOnce(new Error('catalog down'));
    const cache = new EntityCache(source, mockServices.auth());
    await expect(cache.recent()).rejects.toThrow('catalog down');
    await cache.recent();
    expect(read).toHaveBeenCalledTimes(2);
  });
});
