import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ManifestReadError,
  PreflightClient,
  PreflightError,
  readManifestFiles,
} from '@winready/plugin-windows-readiness-node';
import {
  failingWorkloads,
  workloadVerdict,
  worstStatus,
  type FailOn,
} from '../readiness/verdictText';

export const CHECK_MANIFESTS_ACTION_ID = 'windows-readiness:check';

const READINESS_PLUGIN_ID = 'windows-readiness';

export interface CheckManifestsActionOptions {
  discovery: DiscoveryService;
  auth: AuthService;
}

/**
 * `windows-readiness:check`: the manifests a template rendered, judged
 * against the pools of the cluster they will land on by the readiness
 * backend (`POST /v1/preflight`, as the task's initiator), before a pull
 * request opens. Fails the task with the reasons when one is too bad.
 */
export function checkManifestsAction(options: CheckManifestsActionOptions) {
  return createTemplateAction({
    id: CHECK_MANIFESTS_ACTION_ID,
    description:
      'Checks the Kubernetes manifests in the workspace against the node pools of an AKS cluster (Windows build, OS selector, taints and tolerations) with the windows-readiness backend, and fails when a workload would not start there.',
    supportsDryRun: true,
    schema: {
      input: {
        cluster: z =>
          z.string().min(1).describe('The cluster the manifests will land on'),
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'File or folder of manifests in the workspace (default: the whole workspace)',
            ),
        failOn: z =>
          z
            .enum(['blocked', 'at-risk'])
            .optional()
            .describe(
              'Fail the task at this status or worse (default blocked)',
            ),
      },
      output: {
        status: z =>
          z.string().describe('The worst status of the manifests’ workloads'),
        workloads: z =>
          z
            .array(
              z.object({
                file: z.string(),
                line: z.number(),
                kind: z.string(),
                namespace: z.string(),
                name: z.string(),
                status: z.string(),
              }),
            )
            .describe('Each workload with where it is and its status'),
      },
    },
    async handler(ctx) {
      const { input, logger } = ctx;
      const failOn: FailOn = input.failOn ?? 'blocked';
      const target = resolveSafeChildPath(ctx.workspacePath, input.path || '.');
      let manifests;
      try {
        manifests = await readManifestFiles([target], {
          relativeTo: ctx.workspacePath,
        });
      } catch (error) {
        if (error instanceof ManifestReadError) {
          throw new InputError(
            error.message.split(ctx.workspacePath).join('<workspace>'),
          );
        }
        throw error;
      }
      const client = new PreflightClient({
        baseUrl: () => options.discovery.getBaseUrl(READINESS_PLUGIN_ID),
        token: async () =>
          (
            await options.auth.getPluginRequestToken({
              onBehalfOf: await ctx.getInitiatorCredentials(),
              targetPluginId: READINESS_PLUGIN_ID,
            })
          ).token,
      });
      let result;
      try {
        result = await client.check({
          cluster: input.cluster,
          manifests: manifests.map(({ path, content }) => ({ path, content })),
        });
      } catch (error) {
        if (error instanceof PreflightError) {
          throw new InputError(`Cannot check the manifests: ${error.message}`);
        }
        throw error;
      }

      logger.info(
        `${result.summary.workloads} workload(s) in ${
          manifests.length
        } file(s) checked against ${input.cluster}${
          result.cluster.stale
            ? ` (its data is from ${result.cluster.collectedAt})`
            : ''
        }`,
      );
      for (const workload of result.workloads) {
        const text = workloadVerdict(workload);
        if (workload.status === 'blocked' || workload.status === 'at-risk') {
          logger.warn(text);
        } else {
          logger.info(text);
        }
      }
      ctx.output('status', worstStatus(result));
      // Array.from: an array of this realm, whatever realm fetch parsed the
      // answer in (the scaffolder's templating refuses foreign prototypes).
      ctx.output(
        'workloads',
        Array.from(
          result.workloads,
          ({ file, line, kind, namespace, name, status }) => ({
            file,
            line,
            kind,
            namespace,
            name,
            status,
          }),
        ),
      );
      const failing = failingWorkloads(result, failOn);
      if (failing.length > 0) {
        throw new InputError(
          `${failing.length} workload(s) would not run as they should on ${
            input.cluster
          }:\n${failing.map(workloadVerdict).join('\n')}`,
        );
      }
    },
  });
}
