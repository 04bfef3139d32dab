/**
 * A demo backend for permission tests: a permission policy each test sets,
 * the plugin's MCP actions at hand, and a catalog that (unlike
 * catalogServiceMock, which ignores credentials) answers each user with the
 * entities of their own team only, as conditional catalog rules would.
 */
import {
  createServiceFactory,
  type BackstageCredentials,
  type BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  actionsRegistryServiceMock,
  type MockActionsRegistry,
} from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { loadDemoEntities, useDemoBackend, type TestServer } from './harness';

export const OLIVIA = 'user:default/olivia'; // team-orders
export const OSCAR = 'user:default/oscar'; // team-office
const TEAM: Record<string, string> = {
  [OLIVIA]: 'team-orders',
  [OSCAR]: 'team-office',
};

export type Decision = (
  permission: string,
  resourceRef: string | undefined,
  user: string | undefined,
) => AuthorizeResult;

export const allow: Decision = () => AuthorizeResult.ALLOW;
export const deny: Decision = () => AuthorizeResult.DENY;
/** Denies one permission (for one entity, if given); allows the rest. */
export const denying =
  (name: string, entityRef?: string): Decision =>
  (permission, resourceRef) =>
    permission === name && (!entityRef || entityRef === resourceRef)
      ? AuthorizeResult.DENY
      : AuthorizeResult.ALLOW;

const entities = loadDemoEntities();
const ownerOf = (entityRef: string) =>
  entities.find(e => `component:default/${e.metadata.name}` === entityRef)?.spec
    ?.owner;

/**
 * Catalog read is conditional for a list and definitive for one entity: the
 * catalog hides every entity but `hidden` (all but hidden ones are readable).
 */
export const hiding =
  (...hidden: string[]): Decision =>
  (permission, resourceRef) => {
    if (permission !== 'catalog.entity.read') return AuthorizeResult.ALLOW;
    if (!resourceRef) return AuthorizeResult.CONDITIONAL;
    return hidden.includes(resourceRef)
      ? AuthorizeResult.DENY
      : AuthorizeResult.ALLOW;
  };

/** Catalog read is conditional: a user reads their team's entities. */
export const conditionalCatalog: Decision = (permission, resourceRef, user) => {
  if (permission !== 'catalog.entity.read') return AuthorizeResult.ALLOW;
  if (!resourceRef) return AuthorizeResult.CONDITIONAL;
  return ownerOf(resourceRef) === TEAM[user!]
    ? AuthorizeResult.ALLOW
    : AuthorizeResult.DENY;
};

const userOf = (credentials: BackstageCredentials) =>
  (credentials.principal as BackstageUserPrincipal).userEntityRef;

export interface PermissionsBackend {
  policy: Decision;
  /** Who read the catalog: user refs, or the plugin's service subject. */
  catalogReaders: string[];
  actions: MockActionsRegistry;
  readonly server: TestServer;
}

/** `config`: root config merged over the backend's (`windowsReadiness.*`). */
export function usePermissionsBackend(config?: JsonObject): PermissionsBackend {
  const state = {
    policy: allow,
    catalogReaders: [] as string[],
    actions: actionsRegistryServiceMock(),
  };

  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) =>
      requests.map(r => ({
        result: state.policy(
          r.permission.name,
          'resourceRef' in r ? r.resourceRef : undefined,
          userOf(credentials),
        ),
      })) as any,
    authorizeConditional: async (requests, { credentials }) =>
      requests.map(r => {
        const user = userOf(credentials);
        const result = state.policy(r.permission.name, undefined, user);
        if (result !== AuthorizeResult.CONDITIONAL) return { result };
        return {
          result,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: { claims: [`group:default/${TEAM[user]}`] },
          },
        };
      }) as any,
  });

  const inMemory = catalogServiceMock({ entities });
  const catalog = catalogServiceMock.mock({
    getEntities: async (req, options) => {
      const principal = (options as { credentials: BackstageCredentials })
        .credentials.principal as any;
      state.catalogReaders.push(principal.userEntityRef ?? principal.subject);
      const answer = await inMemory.getEntities(req);
      if (principal.type !== 'user') return answer;
      // The catalog applies the same policy, entity by entity, to a user.
      return {
        items: answer.items.filter(
          e =>
            state.policy(
              'catalog.entity.read',
              stringifyEntityRef(e),
              principal.userEntityRef,
            ) === AuthorizeResult.ALLOW,
        ),
      };
    },
  });

  const ctx = useDemoBackend(fx => ({
    sources: fx.sourcesConfig(),
    config,
    catalog: catalog.factory,
    features: [
      permissions.factory,
      // Like production: no credentials on the request means none at all.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      // A user owns through their team, as the catalog's membership says.
      mockServices.userInfo.mock({
        getUserInfo: async credentials => {
          const user = userOf(credentials);
          return {
            userEntityRef: user,
            ownershipEntityRefs: TEAM[user]
              ? [user, `group:default/${TEAM[user]}`]
              : [user],
          };
        },
      }).factory,
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => state.actions,
      }),
    ],
  }));

  beforeEach(() => {
    state.policy = allow;
    state.catalogReaders.length = 0;
  });

  Object.defineProperty(state, 'server', { get: () => ctx.server });
  return state as PermissionsBackend;
}
