import { HostAllowList, isLoopbackHost, normalizeHost, urlHost } from './hosts';
import type { ImageReference } from './reference';
import type { RegistryMirror } from './types';

/** Where the requests for one image go. */
export interface RegistryTarget {
  /** `https://host[:port][/prefix]`, without a trailing slash. */
  base: string;
  /** The host contacted, whose credentials are used. */
  host: string;
  /** The registry as named in the reference, sent as `?ns=` to a mirror. */
  ns?: string;
  /** How messages name the registry: `host` or `endpoint (mirror of host)`. */
  label: string;
}

/**
 * Which hosts may be contacted and how: the allow-list, the plain-http
 * loopback hosts and the mirrors. Bad configuration is a programming
 * error and throws.
 */
export class RegistryRouting {
  private readonly allowList: HostAllowList;
  private readonly insecure = new Set<string>();
  private readonly mirrors = new Map<string, URL>();
  private readonly mirrorHosts = new Set<string>();

  constructor(options: {
    allowHosts: string[];
    insecureHosts?: string[];
    mirrors?: RegistryMirror[];
  }) {
    this.allowList = new HostAllowList(options.allowHosts);
    for (const host of options.insecureHosts ?? []) {
      if (!isLoopbackHost(host)) {
        throw new TypeError(
          `insecureHosts may name loopback hosts only (127.0.0.0/8, ::1, localhost), not ${host}`,
        );
      }
      this.insecure.add(normalizeHost(host));
    }
    for (const mirror of options.mirrors ?? []) {
      let endpoint: URL;
      try {
        endpoint = new URL(mirror.endpoint);
      } catch {
        throw new TypeError(`mirror endpoint ${mirror.endpoint} is not a URL`);
      }
      const host = urlHost(endpoint);
      if (endpoint.protocol === 'http:') {
        if (!isLoopbackHost(host)) {
          throw new TypeError(
            `mirror endpoint ${mirror.endpoint} uses plain http on a non-loopback host`,
          );
        }
        this.insecure.add(host);
      } else if (endpoint.protocol !== 'https:') {
        throw new TypeError(
          `mirror endpoint ${mirror.endpoint} is not http(s)`,
        );
      }
      if (endpoint.search || endpoint.hash || endpoint.username) {
        throw new TypeError(
          `mirror endpoint ${mirror.endpoint} must not carry a query, fragment or credentials`,
        );
      }
      this.mirrors.set(normalizeHost(mirror.host), endpoint);
      this.mirrorHosts.add(host);
    }
  }

  /** Whether an image of this registry may be described at all. */
  allowsRegistry(registry: string): boolean {
    return this.allowList.allows(registry);
  }

  /** Whether a host may be contacted: allowed, or a configured mirror endpoint. */
  isAllowed = (host: string): boolean =>
    this.allowList.allows(host) || this.mirrorHosts.has(normalizeHost(host));

  isInsecure = (host: string): boolean =>
    this.insecure.has(normalizeHost(host));

  target(ref: ImageReference): RegistryTarget {
    const mirror = this.mirrors.get(normalizeHost(ref.registry));
    if (mirror) {
      const host = urlHost(mirror);
      const path = mirror.pathname.replace(/\/+$/, '').replace(/\/v2$/, '');
      return {
        base: `${mirror.protocol}//${mirror.host}${path}`,
        host,
        ns: ref.registry,
        label: `${host} (mirror of ${ref.registry})`,
      };
    }
    const host = normalizeHost(ref.apiHost);
    const scheme = this.isInsecure(host) ? 'http' : 'https';
    return { base: `${scheme}://${host}`, host, label: ref.registry };
  }

  /** URL of a manifest or blob, with `?ns=` when going through a mirror. */
  url(
    target: RegistryTarget,
    repository: string,
    kind: 'manifests' | 'blobs',
    reference: string,
  ): URL {
    const url = new URL(`${target.base}/v2/${repository}/${kind}/${reference}`);
    if (target.ns) url.searchParams.set('ns', target.ns);
    return url;
  }
}
