import { ReactElement } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { SWRConfig } from 'swr';
import { windowsReadinessApiRef, type WindowsReadinessApi } from '../../../api';

export type MockApi = jest.Mocked<WindowsReadinessApi>;

/** Every method a jest.fn that rejects until a test gives it an answer. */
export function mockApi(overrides: Partial<WindowsReadinessApi> = {}): MockApi {
  const unexpected = (name: string) =>
    jest.fn(() => Promise.reject(new Error(`unexpected call: ${name}`)));
  const api = {
    getEntity: unexpected('getEntity'),
    getReport: unexpected('getReport'),
    exportReport: unexpected('exportReport'),
    getHistory: unexpected('getHistory'),
    getClusters: unexpected('getClusters'),
    getOsSkus: unexpected('getOsSkus'),
    whatIf: unexpected('whatIf'),
    whatIfTaint: unexpected('whatIfTaint'),
    getWorkloads: unexpected('getWorkloads'),
    exportWorkloads: unexpected('exportWorkloads'),
    refresh: unexpected('refresh'),
    getStatus: unexpected('getStatus'),
  } as unknown as MockApi;
  for (const [name, fn] of Object.entries(overrides)) {
    (api as any)[name] = jest.fn(fn as any);
  }
  return api;
}

/** Shows the current URL and offers the browser's back button. */
function LocationProbe() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output data-testid="location">
        {location.pathname}
        {location.search}
      </output>
      <button type="button" onClick={() => navigate(-1)}>
        browser back
      </button>
    </>
  );
}

/** Renders in a test app with the API mock and catalog entity routes. */
export function renderWithApi(
  element: ReactElement,
  api: Partial<WindowsReadinessApi>,
  options: {
    route?: string;
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  } = {},
) {
  const permission = mockApis.permission({
    authorize: options.permission ?? AuthorizeResult.ALLOW,
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [windowsReadinessApiRef, api],
        [permissionApiRef, permission],
      ]}
    >
      {/* usePermission caches decisions in SWR: one cache a render. */}
      <SWRConfig value={{ provider: () => new Map() }}>
        {element}
        <LocationProbe />
      </SWRConfig>
    </TestApiProvider>,
    {
      routeEntries: [options.route ?? '/windows-readiness'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The search part of the URL the probe shows, parsed. */
export function currentSearch(): URLSearchParams {
  const text = document.querySelector('[data-testid="location"]')!.textContent!;
  const at = text.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : text.slice(at + 1));
}
