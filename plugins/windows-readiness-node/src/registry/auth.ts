import { parseWwwAuthenticate } from './challenge';
import { Redactor } from './errors';
import { credentialAppliesTo, urlHost } from './hosts';
import { TokenCache } from './tokens';
import { TokenServer, basicValue } from './tokenServer';
import type { HttpRequest, HttpResponse, HttpTransport } from './transport';
import type { RegistryCredential, RegistryLogger } from './types';

type HostScheme =
  | { kind: 'basic' }
  | { kind: 'bearer'; realm: string; service?: string };

export interface RegistryAuthOptions {
  transport: HttpTransport;
  credentials: RegistryCredential[];
  entraToken?: () => Promise<string>;
  isAllowed(host: string): boolean;
  isInsecure(host: string): boolean;
  redactor: Redactor;
  logger?: RegistryLogger;
  onTokenRequest(): void;
}

/**
 * Authenticates requests to registry hosts: anonymous until a host
 * challenges, then Basic (with that host's credentials only) or Bearer
 * tokens from the challenge's realm, cached per host and scope. A host's
 * scheme is remembered so that later requests authenticate up front.
 */
export class RegistryAuth {
  private readonly schemes = new Map<string, HostScheme>();
  private readonly tokens = new TokenCache();
  private readonly tokenServer: TokenServer;

  constructor(private readonly options: RegistryAuthOptions) {
    for (const credential of options.credentials) {
      options.redactor.add(credential.password);
      if (credential.username && credential.password) {
        options.redactor.add(basicValue(credential));
      }
    }
    this.tokenServer = new TokenServer({
      ...options,
      credentialFor: host => this.credentialFor(host),
    });
  }

  credentialFor(host: string): RegistryCredential | undefined {
    return this.options.credentials.find(c =>
      credentialAppliesTo(c.host, host),
    );
  }

  /** Sends a request for `scope`, answering at most one challenge. */
  async send(req: HttpRequest, scope: string): Promise<HttpResponse> {
    const host = urlHost(req.url);
    let authorization = await this.authorization(host, scope, req.signal);
    let res = await this.options.transport.send({ ...req, authorization });
    if (res.status !== 401) return res;

    const challenges = parseWwwAuthenticate(res.headers['www-authenticate']);
    const bearer = challenges.find(
      c => c.scheme === 'bearer' && c.params.realm,
    );
    const basic = challenges.find(c => c.scheme === 'basic');
    if (bearer) {
      if (authorization?.startsWith('Bearer ')) {
        // The token was refused: fetch one more, then give up.
        this.tokens.invalidate(
          this.tokenKey(host, scope),
          authorization.slice(7),
        );
      }
      this.schemes.set(host, {
        kind: 'bearer',
        realm: bearer.params.realm,
        service: bearer.params.service,
      });
    } else if (basic) {
      const credential = this.credentialFor(host);
      if (authorization || !credential?.username || credential.type === 'acr') {
        return res;
      }
      this.schemes.set(host, { kind: 'basic' });
    } else {
      return res;
    }
    authorization = await this.authorization(host, scope, req.signal);
    if (!authorization) return res;
    res = await this.options.transport.send({ ...req, authorization });
    if (res.status === 401 && authorization.startsWith('Bearer ')) {
      this.tokens.invalidate(
        this.tokenKey(host, scope),
        authorization.slice(7),
      );
    }
    return res;
  }

  private tokenKey(host: string, scope: string) {
    return `${host}|${scope}`;
  }

  private async authorization(
    host: string,
    scope: string,
    signal?: AbortSignal,
  ): Promise<string | undefined> {
    const scheme = this.schemes.get(host);
    if (!scheme) return undefined;
    if (scheme.kind === 'basic') {
      const credential = this.credentialFor(host);
      return credential?.username && credential.password !== undefined
        ? basicValue(credential)
        : undefined;
    }
    const token = await this.tokens.get(this.tokenKey(host, scope), () =>
      this.tokenServer.fetchToken(host, scheme, scope, signal),
    );
    return `Bearer ${token}`;
  }
}
