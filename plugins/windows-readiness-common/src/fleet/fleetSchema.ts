import { z } from 'zod';
import { parseTaint } from '../scheduling/taints';

const nonEmpty = z.string().min(1, 'must not be empty');

// Pools and clusters are addressed by name (what-if, node names, reports).
function uniqueNames(what: string) {
  return (items: Array<{ name: string }>, ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.name)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'name'],
          message: `duplicate ${what} name "${item.name}"`,
        });
      }
      seen.add(item.name);
    });
  };
}

const labels = z.record(z.string(), z.string(), {
  error: 'must map label keys to string values',
});

const taint = z.string().refine(value => parseTaint(value) !== undefined, {
  error: value =>
    `invalid taint ${JSON.stringify(
      value.input,
    )}: expected key[=value]:Effect with Effect NoSchedule, PreferNoSchedule or NoExecute`,
});

// Windows pool names are at most 6 characters; the REST pattern allows 12.
const poolName = z
  .string()
  .regex(
    /^[a-z][a-z0-9]{0,11}$/,
    'must be 1-12 lowercase letters and digits, starting with a letter',
  );

// Objects of the fleet format are strict: a misspelt optional field
// (`osSKU`, `taint`) would otherwise be dropped and change verdicts unseen.
const nodePool = z
  .strictObject({
    name: poolName,
    // ARM's default when osType is omitted.
    osType: z
      .enum(['Linux', 'Windows'], { error: 'must be Linux or Windows' })
      .default('Linux'),
    osSku: nonEmpty.optional(),
    mode: nonEmpty.optional(),
    count: z.number().int().min(0).max(1000).optional(),
    vmSize: nonEmpty.optional(),
    nodeImageVersion: nonEmpty.optional(),
    kernelVersion: nonEmpty.optional(),
    orchestratorVersion: nonEmpty.optional(),
    taints: z.array(taint).optional(),
    labels: labels.optional(),
  })
  .superRefine((pool, ctx) => {
    if (pool.osType === 'Windows' && pool.name.length > 6) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: `Windows pool name "${pool.name}" is longer than 6 characters`,
      });
    }
  });

// A Node's taints as the API returns them: the facts of its pool (rule 5).
const nodeTaint = z.looseObject({
  key: nonEmpty,
  value: z.string().optional(),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute'], {
    error: 'must be NoSchedule, PreferNoSchedule or NoExecute',
  }),
});

const kubernetesObject = z
  .looseObject({
    apiVersion: nonEmpty,
    kind: nonEmpty,
    metadata: z.looseObject({
      name: nonEmpty,
      namespace: z.string().optional(),
    }),
  })
  .superRefine((object, ctx) => {
    if (object.kind !== 'Node') return;
    const spec = (object as { spec?: unknown }).spec;
    if (spec === undefined) return;
    const checked = z
      .looseObject({ taints: z.array(nodeTaint).optional() })
      .safeParse(spec);
    for (const issue of checked.error?.issues ?? []) {
      ctx.addIssue({
        code: 'custom',
        path: ['spec', ...issue.path],
        message: issue.message,
      });
    }
  });

const cluster = z.strictObject({
  name: nonEmpty,
  kubernetesVersion: z
    .string()
    .regex(/^v?\d+\.\d+(\.\d+)?$/, 'must look like 1.33 or 1.33.2')
    .optional(),
  azure: z
    .strictObject({
      subscriptionId: z.string().optional(),
      resourceGroup: z.string().optional(),
      location: z.string().optional(),
    })
    .optional(),
  nodePools: z.array(nodePool).superRefine(uniqueNames('pool')),
  objects: z.array(kubernetesObject).optional(),
});

const imagePlatform = z.strictObject({
  os: nonEmpty,
  architecture: nonEmpty,
  osVersion: z
    .string()
    .regex(/^\d+\.\d+\.\d+(\.\d+)?$/, 'must look like 10.0.17763.5458')
    .optional(),
  osFeatures: z.array(z.string()).optional(),
  variant: z.string().optional(),
});

// The top level may carry keys of other tools (a `note:`, a script).
export const fleetSchema = z.object({
  apiVersion: z.literal('winready/v1', { error: 'must be winready/v1' }),
  kind: z.literal('Fleet', { error: 'must be Fleet' }),
  metadata: z.object({ name: nonEmpty }),
  clusters: z.array(cluster).superRefine(uniqueNames('cluster')),
  images: z
    .record(
      z.string(),
      z.strictObject({
        platforms: z.array(imagePlatform),
        // A registry that could not answer: the image is unknown, not Linux.
        error: z.string().optional(),
      }),
    )
    .optional(),
});
