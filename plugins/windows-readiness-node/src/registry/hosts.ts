import { DOCKER_HUB } from './reference';

/**
 * Docker Hub is named `docker.io` in references but served from other
 * hosts: allowing (or holding credentials for) `docker.io` covers these.
 */
const DOCKER_HUB_HOSTS = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'auth.docker.io',
]);
/** Where Docker Hub redirects blob downloads: allowed, but never sent credentials. */
const DOCKER_HUB_BLOB_HOST = 'production.cloudflare.docker.com';

/** Lower-cases `host[:port]` and drops a default https port. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/:443$/, '');
}

/** The host of a URL as written in allow-lists: default ports omitted. */
export function urlHost(url: URL): string {
  return url.host.toLowerCase();
}

function hostname(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon >= 0 ? host.slice(0, colon) : host;
}

/** 127.0.0.0/8, ::1 and localhost, with or without a port. */
export function isLoopbackHost(host: string): boolean {
  const name = hostname(normalizeHost(host));
  return (
    name === 'localhost' ||
    name === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  );
}

/** `*.azurecr.io` matches exactly one label in front of `.azurecr.io`, on the same port. */
function matches(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (!pattern.startsWith('*.')) return false;
  const suffix = pattern.slice(1);
  if (!host.endsWith(suffix)) return false;
  const label = host.slice(0, host.length - suffix.length);
  return label.length > 0 && !label.includes('.') && !label.includes(':');
}

export class HostAllowList {
  private readonly patterns: string[];

  constructor(patterns: string[]) {
    if (!Array.isArray(patterns)) {
      throw new TypeError('allowHosts must be an array of host[:port]');
    }
    this.patterns = patterns.map(normalizeHost).filter(Boolean);
    if (this.patterns.some(p => p.includes('/'))) {
      throw new TypeError('allowHosts takes host[:port] entries, not URLs');
    }
    if (this.patterns.some(p => matches(p, DOCKER_HUB))) {
      this.patterns.push(...DOCKER_HUB_HOSTS, DOCKER_HUB_BLOB_HOST);
    }
  }

  allows(host: string): boolean {
    const h = normalizeHost(host);
    return this.patterns.some(p => matches(p, h));
  }
}

/** Whether credentials listed for `credentialHost` may be sent to `host`. */
export function credentialAppliesTo(
  credentialHost: string,
  host: string,
): boolean {
  const c = normalizeHost(credentialHost);
  const h = normalizeHost(host);
  if (c === h) return true;
  return DOCKER_HUB_HOSTS.has(c) && DOCKER_HUB_HOSTS.has(h);
}
