import type {
  KubernetesObject,
  SourceError,
} from '@winready/plugin-windows-readiness-common';
import { abortable } from '../../snapshot/abortable';
import { toSourceError } from '../../snapshot/sourceError';
import type { KubernetesConnection, KubernetesReader } from '../types';
import { kubeConfigFor } from './kubeConfig';
import { kindListers, type KindLister, type ListParams } from './listKinds';
import { withListRetries } from './listRetry';

export interface KubernetesReadOptions {
  /** Only these namespaces; all when absent. */
  namespaces?: string[];
  /** Narrows workloads and pods (e.g. to those with backstage.io/kubernetes-id). */
  labelSelector?: string;
  pageSize?: number;
}

export interface KubernetesReadResult {
  objects: KubernetesObject[];
  /** Kinds that could not be read (RBAC, a missing API), while others could. */
  errors: SourceError[];
}

// The client returns model classes with Dates; the rules read plain JSON.
function plain(
  item: unknown,
  kind: string,
  apiVersion: string,
): KubernetesObject {
  return { apiVersion, kind, ...JSON.parse(JSON.stringify(item)) };
}

/**
 * Reads nodes, workloads, pods, RuntimeClasses and Warning events through
 * `@kubernetes/client-node`, a page at a time. A kind that fails is reported and
 * the others are still read; a cluster that cannot be reached at all throws.
 */
export class KubernetesObjectReader implements KubernetesReader {
  constructor(private readonly options: KubernetesReadOptions = {}) {}

  async read(
    connection: KubernetesConnection,
    signal?: AbortSignal,
  ): Promise<KubernetesReadResult> {
    const listers = kindListers(kubeConfigFor(connection));
    const objects: KubernetesObject[] = [];
    const errors: SourceError[] = [];
    // Nodes first: if they cannot be listed the cluster is down, not half-readable.
    const [nodes, ...rest] = listers;
    objects.push(...(await this.readKind(nodes, undefined, signal)));
    await Promise.all(
      rest.flatMap(lister =>
        this.scopes(lister).map(async namespace => {
          try {
            objects.push(...(await this.readKind(lister, namespace, signal)));
          } catch (error) {
            if (signal?.aborted) throw error;
            errors.push(
              toSourceError(
                'kubernetes',
                error,
                `${lister.apiVersion}/${lister.kind}${
                  namespace ? ` in ${namespace}` : ''
                }`,
              ),
            );
          }
        }),
      ),
    );
    return { objects, errors };
  }

  private scopes(lister: KindLister): Array<string | undefined> {
    const namespaces = this.options.namespaces;
    return namespaces?.length && lister.namespaced ? namespaces : [undefined];
  }

  private async readKind(
    lister: KindLister,
    namespace: string | undefined,
    signal?: AbortSignal,
  ): Promise<KubernetesObject[]> {
    const objects: KubernetesObject[] = [];
    const params: ListParams = {
      limit: this.options.pageSize ?? 500,
      labelSelector: lister.selectable ? this.options.labelSelector : undefined,
      fieldSelector: lister.fieldSelector,
    };
    for (let page = 0; page < 10_000; page++) {
      const list = await withListRetries(
        () =>
          abortable(
            namespace !== undefined && lister.namespaced
              ? lister.namespaced(namespace, { ...params })
              : lister.all({ ...params }),
            signal,
          ),
        signal,
      );
      for (const item of list.items ?? []) {
        objects.push(plain(item, lister.kind, lister.apiVersion));
      }
      const next = list.metadata?._continue ?? list.metadata?.continue;
      if (!next) break;
      params._continue = next;
    }
    return objects;
  }
}
