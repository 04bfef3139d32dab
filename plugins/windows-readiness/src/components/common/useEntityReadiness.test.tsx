import { ReactNode } from 'react';
import { renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { NotFoundError } from '@backstage/errors';
import { windowsReadinessApiRef } from '../../api';
import { isNotFoundError, useEntityReadiness } from './useEntityReadiness';
import { entityFixtures } from './__fixtures__';

function run(getEntity: jest.Mock) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[windowsReadinessApiRef, { getEntity }]]}>
      {children}
    </TestApiProvider>
  );
  return renderHook(() => useEntityReadiness('component:default/orders'), {
    wrapper,
  });
}

describe('useEntityReadiness', () => {
  it('loads the entity', async () => {
    const getEntity = jest.fn().mockResolvedValue(entityFixtures['at-risk']);
    const { result } = run(getEntity);
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.value?.status).toBe('at-risk');
    expect(getEntity).toHaveBeenCalledWith('component:default/orders');
  });

  it('tells a 404 from other errors', async () => {
    const { result } = run(
      jest.fn().mockRejectedValue(new NotFoundError('none')),
    );
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current).toMatchObject({ notFound: true, error: undefined });
  });

  it('passes other errors on', async () => {
    const { result } = run(jest.fn().mockRejectedValue(new Error('boom')));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.notFound).toBe(false);
    expect(result.current.error?.message).toBe('boom');
  });

  it.each([
    [{ name: 'ResponseError', statusCode: 404 }, true],
    [{ name: 'Error', response: { status: 404 } }, true],
    [{ name: 'ResponseError', statusCode: 403 }, false],
    [undefined, false],
  ])('isNotFoundError(%j) is %s', (error, expected) => {
    expect(isNotFoundError(error)).toBe(expected);
  });
});
