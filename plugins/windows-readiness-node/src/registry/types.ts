/** Credentials for one registry host. They are sent to that host only. */
export interface RegistryCredential {
  /** `host[:port]` as it appears in image references (`docker.io` also covers Docker Hub's API and token hosts). */
  host: string;
  username?: string;
  password?: string;
  /** 'acr': exchange an Entra token for an ACR refresh token */
  type?: 'basic' | 'acr';
}

/** containerd-style mirror: requests for `host` go to `endpoint`, with `?ns=<host>`. */
export interface RegistryMirror {
  host: string;
  /** Base URL, e.g. `https://127.0.0.1:8443` (a trailing `/v2` is accepted). */
  endpoint: string;
}

export interface RegistryLogger {
  debug(msg: string, meta?: object): void;
  warn(msg: string, meta?: object): void;
}

export interface RegistryClientOptions {
  /** registry hosts (host[:port]) that may be contacted; '*.azurecr.io' style wildcards allowed; nothing else is ever fetched */
  allowHosts: string[];
  credentials?: RegistryCredential[];
  mirrors?: RegistryMirror[];
  /** hosts reached over plain http (loopback test registries only; non-loopback hosts are refused) */
  insecureHosts?: string[];
  /** extra CA PEM(s) to trust (the AKS simulator's self-signed certificate) */
  ca?: string | string[];
  /** default 8 requests in flight */
  concurrency?: number;
  /** per request, default 10_000 */
  timeoutMs?: number;
  /** on 429/5xx/timeouts, honouring Retry-After; default 2 */
  retries?: number;
  /** for type 'acr': an Entra access token (scope https://containerregistry.azure.net/.default) */
  entraToken?: () => Promise<string>;
  logger?: RegistryLogger;
}
