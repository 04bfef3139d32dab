import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  matchesLabels,
  parseLabelSelector,
  KUBERNETES_ID_LABEL,
  type LabelRequirement,
  type Workload,
} from '@winready/plugin-windows-readiness-common';

// The Kubernetes plugin's annotations (@backstage/plugin-kubernetes-common).
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';

/** A catalog entity that has Kubernetes objects, as the report needs it. */
export interface MappedEntity {
  ref: string;
  title: string;
  owner?: string;
  system?: string;
}

interface Matcher {
  ref: string;
  kubernetesId?: string;
  selector?: LabelRequirement[];
  namespace?: string;
}

function relationTarget(entity: Entity, field: 'owner' | 'system') {
  const value = entity.spec?.[field];
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: field === 'owner' ? 'group' : 'system',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * Maps workloads to catalog entities exactly as the Kubernetes plugin does:
 * the `backstage.io/kubernetes-id` label, or the entity's label selector,
 * within `backstage.io/kubernetes-namespace` when set.
 */
export class EntityServiceMap {
  private readonly byId = new Map<string, Matcher[]>();
  private readonly bySelector: Matcher[] = [];
  readonly entities = new Map<string, MappedEntity>();
  /** Entities whose label selector does not parse: named, not dropped silently. */
  readonly problems: string[] = [];

  constructor(entities: readonly Entity[]) {
    for (const entity of entities) {
      const annotations = entity.metadata.annotations ?? {};
      const ref = stringifyEntityRef(entity);
      const matcher: Matcher = {
        ref,
        namespace: annotations[KUBERNETES_NAMESPACE_ANNOTATION],
      };
      const selector = annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION];
      if (selector) {
        try {
          matcher.selector = parseLabelSelector(selector);
          this.bySelector.push(matcher);
        } catch (error) {
          this.problems.push(`${ref}: ${(error as Error).message}`);
          continue;
        }
      } else {
        matcher.kubernetesId =
          annotations[KUBERNETES_ID_ANNOTATION] ?? entity.metadata.name;
        const list = this.byId.get(matcher.kubernetesId) ?? [];
        list.push(matcher);
        this.byId.set(matcher.kubernetesId, list);
      }
      this.entities.set(ref, {
        ref,
        title: entity.metadata.title ?? entity.metadata.name,
        owner: relationTarget(entity, 'owner'),
        system: relationTarget(entity, 'system'),
      });
    }
  }

  /** The entity refs a workload belongs to. */
  serviceIdsOf = (workload: Workload): string[] => {
    const inNamespace = (matcher: Matcher) =>
      !matcher.namespace || matcher.namespace === workload.namespace;
    const refs = new Set<string>();
    const id = workload.labels[KUBERNETES_ID_LABEL] ?? workload.serviceId;
    for (const matcher of (id && this.byId.get(id)) || []) {
      if (inNamespace(matcher)) refs.add(matcher.ref);
    }
    for (const matcher of this.bySelector) {
      if (
        inNamespace(matcher) &&
        matchesLabels(matcher.selector!, workload.labels)
      ) {
        refs.add(matcher.ref);
      }
    }
    return [...refs];
  };

  ownersByService(): Record<string, string | undefined> {
    return Object.fromEntries(
      [...this.entities.values()].map(entity => [entity.ref, entity.owner]),
    );
  }
}
