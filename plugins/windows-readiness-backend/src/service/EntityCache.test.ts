import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityCache } from './EntityCache';

describe('EntityCache.hold', () => {
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

  it('shares one catalog read between shard runs at once, and reads again for a run that starts alone', async () => {
    const source = catalog();
    const read = jest.spyOn(source, 'getEntities');
    const cache = new EntityCache(source, mockServices.auth());
    let release!: () => void;
    const held = new Promise<void>(resolve => {
      release = resolve;
    });
    const seen: unknown[] = [];
    const first = cache.hold(async map => {
      seen.push(map);
      await held;
    });
    const second = cache.hold(async map => {
      seen.push(map);
    });
    await second;
    expect(read).toHaveBeenCalledTimes(1);
    release();
    await first;
    expect(seen[1]).toBe(seen[0]);

    await cache.hold(async map => {
      seen.push(map);
    });
    expect(read).toHaveBeenCalledTimes(2);
    expect(seen[2]).not.toBe(seen[0]);
  });

  it('reads again after a failed read', async () => {
    const source = catalog();
    const read = jest
      .spyOn(source, 'getEntities')
      .mockRejectedValueOnce(new Error('catalog down'));
    const cache = new EntityCache(source, mockServices.auth());
    await expect(cache.hold(async () => 'unused')).rejects.toThrow(
      'catalog down',
    );
    await cache.hold(async () => 'used');
    expect(read).toHaveBeenCalledTimes(2);
  });
});
