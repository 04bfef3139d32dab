import type {
  KubernetesObject,
  SourceError,
} from '@winready/plugin-windows-readiness-common';
import { toSourceError } from '../../snapshot/sourceError';
import type { KubernetesConnection, KubernetesReader } from '../types';
import { kubeConfigFor } from './kubeConfig';
import { KIND_LISTERS, type KindLister } from './listKinds';
import { withListRetries } from './listRetry';
import { RawListClient, type ListParams } from './rawList';

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

/**
 * Reads nodes, workloads, pods, RuntimeClasses and Warning events with the
 * cluster's kubeconfig (`@kubernetes/client-node` applies its auth), a page at
 * a time, as the JSON the API server sends. A kind that fails is reported and
 * the others are still read; a cluster that cannot be reached at all throws.
 */
export class KubernetesObjectReader implements KubernetesReader {
  constructor(private readonly options: KubernetesReadOptions = {}) {}

  async read(
    connection: KubernetesConnection,
    signal?: AbortSignal,
  ): Promise<KubernetesReadResult> {
    const client = new RawListClient(kubeConfigFor(connection));
    const objects: KubernetesObject[] = [];
    const errors: SourceError[] = [];
    // Nodes first: if they cannot be listed the cluster is down, not half-readable.
    const [nodes, ...rest] = KIND_LISTERS;
    objects.push(...(await this.readKind(client, nodes, undefined, signal)));
    await Promise.all(
      rest.flatMap(lister =>
        this.scopes(lister).map(async namespace => {
          try {
            objects.push(
              ...(await this.readKind(client, lister, namespace, signal)),
            );
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
    return namespaces?.length && lister.namespacedPath
      ? namespaces
      : [undefined];
  }

  private async readKind(
    client: RawListClient,
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
    const path =
      namespace !== undefined && lister.namespacedPath
        ? lister.namespacedPath(namespace)
        : lister.path;
    for (let page = 0; page < 10_000; page++) {
      const list = await withListRetries(
        () => client.list(path, { ...params }, signal),
        signal,
      );
      // List items carry neither kind nor apiVersion: the list's kind says.
      for (const item of list.items ?? []) {
        objects.push({
          apiVersion: lister.apiVersion,
          kind: lister.kind,
          ...item,
        } as KubernetesObject);
      }
      const next = list.metadata?.continue;
      if (!next) break;
      params.continue = next;
    }
    return objects;
  }
}
