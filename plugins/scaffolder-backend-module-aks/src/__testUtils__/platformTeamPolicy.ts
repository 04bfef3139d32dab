import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
} from '@backstage/plugin-permission-node';
import { actionExecutePermission } from '@backstage/plugin-scaffolder-common/alpha';
import {
  createScaffolderActionConditionalDecision,
  scaffolderActionConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';

/** The README's example: only the platform team creates pools, everyone may dry-run. */
export class PlatformTeamCreatesNodePools implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (isPermission(request.permission, actionExecutePermission)) {
      if (
        user?.info.ownershipEntityRefs.includes('group:default/team-platform')
      ) {
        return { result: AuthorizeResult.ALLOW };
      }
      // Others run every other action, and this one only with dryRun: true.
      return createScaffolderActionConditionalDecision(request.permission, {
        anyOf: [
          {
            not: scaffolderActionConditions.hasActionId({
              actionId: 'aks:nodepool:create',
            }),
          },
          scaffolderActionConditions.hasBooleanProperty({
            key: 'dryRun',
            value: true,
          }),
        ],
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
