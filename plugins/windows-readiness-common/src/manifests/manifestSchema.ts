import { z } from 'zod';

/**
 * What a manifest must hold for the rules to read it: every object needs
 * apiVersion and kind (kubectl refuses one without); a workload needs the
 * fields the rules read, typed as the Kubernetes API types them. Anything
 * else passes through untouched. Optional fields may be null, as `helm
 * template` renders an empty value and the API server reads it as absent.
 */

const text = z.string({ error: 'expected a string' });
const nonEmpty = text.min(1, 'must not be empty');
const stringMap = z.record(z.string(), text, {
  error: 'expected a map of strings',
});

// HostProcess containers are exempt from the build rule (docs/rules.md rule 3).
const securityContext = z
  .looseObject({
    windowsOptions: z
      .looseObject({ hostProcess: z.boolean().nullish() })
      .nullish(),
  })
  .nullish();

const container = z.looseObject({
  name: text.nullish(),
  image: nonEmpty,
  securityContext,
});

const toleration = z.looseObject({
  key: text.nullish(),
  operator: text.nullish(),
  value: text.nullish(),
  effect: text.nullish(),
  tolerationSeconds: z.number().int().nullish(),
});

const requirement = z.looseObject({
  key: nonEmpty,
  operator: nonEmpty,
  values: z.array(text).nullish(),
});

const nodeSelectorTerm = z.looseObject({
  matchExpressions: z.array(requirement).nullish(),
  matchFields: z.array(requirement).nullish(),
});

const podSpec = z.looseObject({
  containers: z
    .array(container, { error: 'expected a list of containers' })
    .min(1, 'a pod needs at least one container'),
  initContainers: z.array(container).nullish(),
  nodeSelector: stringMap.nullish(),
  tolerations: z.array(toleration).nullish(),
  affinity: z
    .looseObject({
      nodeAffinity: z
        .looseObject({
          requiredDuringSchedulingIgnoredDuringExecution: z
            .looseObject({ nodeSelectorTerms: z.array(nodeSelectorTerm) })
            .nullish(),
        })
        .nullish(),
    })
    .nullish(),
  runtimeClassName: text.nullish(),
  os: z.looseObject({ name: text }).nullish(),
  securityContext,
});

const metadata = z
  .looseObject({
    name: text.nullish(),
    generateName: text.nullish(),
    namespace: text.nullish(),
    labels: stringMap.nullish(),
  })
  .refine(meta => !!meta.name || !!meta.generateName, {
    error: 'needs a name (or generateName)',
    path: ['name'],
  });

const podTemplate = z.looseObject({
  metadata: z.looseObject({ labels: stringMap.nullish() }).nullish(),
  spec: podSpec,
});

const withTemplate = z.looseObject({
  metadata,
  spec: z.looseObject({ template: podTemplate }),
});

/** The schema each workload kind's object must satisfy. */
export const WORKLOAD_SCHEMAS: Record<string, z.ZodType> = {
  Deployment: withTemplate,
  StatefulSet: withTemplate,
  DaemonSet: withTemplate,
  ReplicaSet: withTemplate,
  Job: withTemplate,
  CronJob: z.looseObject({
    metadata,
    spec: z.looseObject({
      jobTemplate: z.looseObject({
        spec: z.looseObject({ template: podTemplate }),
      }),
    }),
  }),
  Pod: z.looseObject({ metadata, spec: podSpec }),
};

/** Every object: kubectl needs both to know what it is. */
export const objectSchema = z.looseObject({
  apiVersion: nonEmpty,
  kind: nonEmpty,
});

/** `kind: List` (kubectl get -o yaml) and typed lists (`DeploymentList`). */
export const listSchema = z.looseObject({
  items: z.array(z.unknown(), { error: 'expected a list of objects' }),
});

export function isListKind(kind: unknown): boolean {
  return typeof kind === 'string' && /List$/.test(kind);
}
