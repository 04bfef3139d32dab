import { ReactElement } from 'react';
import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { windowsReadinessApiRef, type WindowsReadinessApi } from '../../../api';

/** A catalog Component named like a demo service. */
export function componentEntity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': name },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

/** Renders inside a test app, with the entity and the given API mock. */
export function renderWithEntity(
  element: ReactElement,
  options: { entity: Entity; api: Partial<WindowsReadinessApi> },
) {
  return renderInTestApp(
    <TestApiProvider apis={[[windowsReadinessApiRef, options.api]]}>
      <EntityProvider entity={options.entity}>{element}</EntityProvider>
    </TestApiProvider>,
  );
}
