/**
 * What `yarn bench:api` asks the running backend for while it sets up:
 * a guest user token (as the browser gets one), the catalog's progress,
 * the first windows-readiness refresh and its outcome.
 */
import { progress } from '../evaluate/progress';
import { request, waitFor } from './http';

export const WR = '/api/windows-readiness';
export const KUBERNETES_QUERY = '/api/kubernetes/resources/workloads/query';

export async function waitForReadiness(baseUrl: string, timeoutMs: number) {
  await waitFor(
    'the backend readiness check',
    async () => {
      const answer = await request(
        `${baseUrl}/.backstage/health/v1/readiness`,
        {
          timeoutMs: 5000,
        },
      );
      return answer.status === 200 ? true : undefined;
    },
    { timeoutMs, intervalMs: 500 },
  );
}

/** A guest user's Backstage token, as the frontend's guest sign-in gets it. */
export async function guestToken(baseUrl: string): Promise<string> {
  const answer = await request(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
    timeoutMs: 30_000,
  });
  if (answer.status !== 200) {
    throw new Error(
      `guest sign-in answered ${answer.status}: ${answer.text.slice(0, 300)}`,
    );
  }
  const token = answer.json().backstageIdentity?.token;
  if (typeof token !== 'string') throw new Error('guest sign-in: no token');
  return token;
}

async function componentCount(baseUrl: string, token: string) {
  const answer = await request(
    `${baseUrl}/api/catalog/entities/by-query?filter=kind=component,metadata.annotations.backstage.io/kubernetes-id&limit=1&fields=metadata.name`,
    { token, timeoutMs: 30_000 },
  );
  if (answer.status !== 200) {
    throw new Error(`catalog answered ${answer.status}`);
  }
  return Number(answer.json().totalItems ?? 0);
}

/** Waits until the catalog serves `expected` annotated Components; returns the seconds it took. */
export async function waitForCatalog(
  baseUrl: string,
  token: string,
  expected: number,
  timeoutMs: number,
): Promise<number> {
  const start = Date.now();
  let last = 0;
  await waitFor(
    `${expected} Components in the catalog`,
    async () => {
      last = await componentCount(baseUrl, token);
      return last >= expected ? true : undefined;
    },
    {
      timeoutMs,
      intervalMs: 2000,
      onWait: s =>
        progress(`catalog: ${last} of ${expected} Components after ${s} s`),
    },
  );
  return (Date.now() - start) / 1000;
}

export interface RefreshOutcome {
  startedAt: string;
  finishedAt: string;
  clusters: number;
  unreachableClusters: string[];
  errors: number;
  services: number;
}

/** Triggers the windows-readiness refresh and waits for its outcome. */
export async function refreshReadiness(
  baseUrl: string,
  token: string,
  timeoutMs: number,
): Promise<{ outcome: RefreshOutcome; asOf: string; seconds: number }> {
  const start = Date.now();
  const triggered = await request(`${baseUrl}${WR}/v1/refresh`, {
    method: 'POST',
    token,
    timeoutMs: 30_000,
  });
  if (triggered.status !== 202) {
    throw new Error(
      `POST ${WR}/v1/refresh answered ${
        triggered.status
      }: ${triggered.text.slice(0, 300)}`,
    );
  }
  const status = await waitFor(
    'the first windows-readiness refresh',
    async () => {
      const answer = await request(`${baseUrl}${WR}/v1/status`, {
        token,
        timeoutMs: 30_000,
      });
      if (answer.status !== 200) return undefined;
      const body = answer.json();
      return body.lastRefresh && body.asOf ? body : undefined;
    },
    {
      timeoutMs,
      intervalMs: 2000,
      onWait: s => progress(`refresh: still running after ${s} s`),
    },
  );
  return {
    outcome: status.lastRefresh,
    asOf: status.asOf,
    seconds: (Date.now() - start) / 1000,
  };
}
