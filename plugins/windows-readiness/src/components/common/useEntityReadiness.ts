import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { EntityReadinessResponse } from '@winready/plugin-windows-readiness-common';
import { windowsReadinessApiRef } from '../../api';

/** True for a 404 from the backend: no workload of the entity was collected. */
export function isNotFoundError(error: unknown): boolean {
  const e = error as
    | { name?: string; statusCode?: number; response?: { status?: number } }
    | undefined;
  return (
    e?.name === 'NotFoundError' ||
    e?.statusCode === 404 ||
    e?.response?.status === 404
  );
}

export interface EntityReadinessState {
  loading: boolean;
  value?: EntityReadinessResponse;
  /** Any failure but a 404. */
  error?: Error;
  /** The backend knows no workload of this entity. */
  notFound: boolean;
  retry: () => void;
}

/** The stored readiness of one entity (`GET /v1/entities/...`). */
export function useEntityReadiness(entityRef: string): EntityReadinessState {
  const api = useApi(windowsReadinessApiRef);
  const { loading, value, error, retry } = useAsyncRetry(
    () => api.getEntity(entityRef),
    [api, entityRef],
  );
  const notFound = !!error && isNotFoundError(error);
  return {
    loading,
    value: error ? undefined : value,
    error: notFound ? undefined : error,
    notFound,
    retry,
  };
}
