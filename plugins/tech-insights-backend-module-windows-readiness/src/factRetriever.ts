import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import type {
  FactRetriever,
  FactRetrieverContext,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import type {
  EntityFacts,
  FactsResponse,
} from '@winready/plugin-windows-readiness-common';

/** The retriever's id: the `factIds` of checks, and its key under `techInsights.factRetrievers`. */
export const WINDOWS_READINESS_FACT_RETRIEVER_ID =
  'windowsReadinessFactRetriever';

const READINESS_PLUGIN_ID = 'windows-readiness';

/** One fact per key of the readiness backend's `GET /v1/facts` items. */
export const windowsReadinessFactSchema: FactSchema = {
  status: {
    type: 'string',
    description:
      'Windows readiness: blocked, at-risk, unknown, ready or not-applicable',
  },
  failingChecks: {
    type: 'set',
    description: 'Ids of the readiness checks that fail, e.g. image-os-build',
  },
  unknownChecks: {
    type: 'set',
    description: 'Ids of the readiness checks that could not tell',
  },
  pools: {
    type: 'set',
    description: 'The Windows node pools it runs on, as cluster/pool (OS SKU)',
  },
  earliestRetirementDate: {
    type: 'string',
    description:
      'YYYY-MM-DD: the earliest OS SKU retirement of the pools it runs on; null if none retires',
  },
  daysUntilRetirement: {
    type: 'integer',
    description:
      'Days until that retirement, negative once it has passed; null if none retires',
  },
  earliestImageDeletionDate: {
    type: 'string',
    description:
      'YYYY-MM-DD: the earliest node image deletion (scale-out fails) of the pools it runs on; null if none',
  },
  daysUntilImageDeletion: {
    type: 'integer',
    description:
      'Days until that deletion, negative once it has passed; null if none',
  },
  survivesNextOsSku: {
    type: 'boolean',
    description:
      'Its images run on the successor OS SKU of every pool it runs on (upgrade-path passes); null when that cannot be told',
  },
};

/** One entity's facts as Tech Insights stores them: every key present, null when absent. */
export function toTechInsightFact(item: EntityFacts): TechInsightFact {
  const { kind, namespace, name } = parseEntityRef(item.entityRef);
  return {
    entity: { kind, namespace, name },
    facts: {
      status: item.status,
      failingChecks: item.failingChecks,
      unknownChecks: item.unknownChecks,
      pools: item.runsOn.map(
        p => `${p.cluster}/${p.pool} (${p.osSku ?? 'no OS SKU'})`,
      ),
      earliestRetirementDate: item.earliestRetirementDate,
      daysUntilRetirement: item.daysUntilRetirement,
      earliestImageDeletionDate: item.earliestImageDeletionDate,
      daysUntilImageDeletion: item.daysUntilImageDeletion,
      survivesNextOsSku: item.survivesNextOsSku,
    },
  };
}

/**
 * Reads the facts of every entity from the windows-readiness backend over
 * HTTP (discovery, and a plugin request token on behalf of the tech-insights
 * plugin's own service credentials), so it never touches the readiness store.
 * A failed read throws: Tech Insights logs it and keeps the facts it had.
 */
async function retrieve(ctx: FactRetrieverContext): Promise<TechInsightFact[]> {
  const baseUrl = await ctx.discovery.getBaseUrl(READINESS_PLUGIN_ID);
  const { token } = await ctx.auth.getPluginRequestToken({
    onBehalfOf: await ctx.auth.getOwnServiceCredentials(),
    targetPluginId: READINESS_PLUGIN_ID,
  });
  const url = `${baseUrl}/v1/facts`;
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
  });
  if (!response.ok) {
    const error = await ResponseError.fromResponse(response);
    throw new Error(
      `${url} answered ${response.status}: ${error.cause.message}`,
      {
        cause: error,
      },
    );
  }
  const body = (await response.json()) as FactsResponse;
  ctx.logger.info(
    `Windows readiness facts of ${body.items.length} entities, as of ${
      body.asOf ?? 'no evaluation yet'
    }`,
  );
  return body.items.map(toTechInsightFact);
}

/** The Tech Insights fact retriever for Windows readiness. */
export const windowsReadinessFactRetriever: FactRetriever = {
  id: WINDOWS_READINESS_FACT_RETRIEVER_ID,
  version: '0.1.0',
  title: 'Windows readiness',
  description:
    'Whether the Windows containers of each service will start on its AKS node pools, and when those pools retire',
  schema: windowsReadinessFactSchema,
  handler: retrieve,
};
