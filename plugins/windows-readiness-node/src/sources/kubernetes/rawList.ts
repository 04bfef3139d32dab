import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/** Paging and filters of one list call. */
export interface ListParams {
  limit: number;
  continue?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** One page of a list, as the API server wrote it. */
export interface ListPage {
  items?: Array<Record<string, unknown>>;
  metadata?: { continue?: string };
}

/** A non-2xx answer: `code` and `headers` as the client's ApiException has them. */
export class KubernetesApiError extends Error {
  name = 'KubernetesApiError';
  constructor(
    message: string,
    readonly code: number,
    readonly headers: Record<string, string | string[] | undefined>,
  ) {
    super(message);
  }
}

function reasonOf(body: string): string {
  try {
    const status = JSON.parse(body);
    if (typeof status?.message === 'string') return status.message;
  } catch {
    // not a Status object
  }
  return body.slice(0, 200);
}

/**
 * Lists through the cluster's kubeconfig (its server, CA, client certificate
 * and credentials, exec plugins included: @kubernetes/client-node applies them)
 * and keeps each page as the JSON the API server sent: no round trip through
 * the client's model classes, which cost most of a collection's time.
 */
export class RawListClient {
  constructor(private readonly kubeConfig: KubeConfig) {}

  async list(
    path: string,
    params: ListParams,
    signal?: AbortSignal,
  ): Promise<ListPage> {
    const cluster = this.kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error('the kubeconfig names no current cluster');
    const query = new URLSearchParams({ limit: String(params.limit) });
    if (params.continue) query.set('continue', params.continue);
    if (params.labelSelector) query.set('labelSelector', params.labelSelector);
    if (params.fieldSelector) query.set('fieldSelector', params.fieldSelector);
    const url = new URL(`${cluster.server.replace(/\/+$/, '')}${path}`);
    url.search = query.toString();
    const options: RequestOptions = {
      method: 'GET',
      headers: { Accept: 'application/json' },
    };
    await this.kubeConfig.applyToHTTPSOptions(options);
    const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
    const body = await new Promise<{
      status: number;
      headers: any;
      text: string;
    }>((resolve, reject) => {
      const req = send(url, { ...options, signal }, res => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
    if (body.status < 200 || body.status >= 300) {
      throw new KubernetesApiError(
        `${body.status} listing ${path}: ${reasonOf(body.text)}`,
        body.status,
        body.headers,
      );
    }
    return JSON.parse(body.text) as ListPage;
  }
}
