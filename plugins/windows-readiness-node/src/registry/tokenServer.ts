import {
  Redactor,
  RegistryError,
  describeErrorBody,
  statusText,
} from './errors';
import { credentialAppliesTo, urlHost } from './hosts';
import { TokenCache, IssuedToken, tokenExpiresAt } from './tokens';
import type { HttpResponse, HttpTransport } from './transport';
import type { RegistryCredential, RegistryLogger } from './types';

const TOKEN_MAX_BYTES = 256 * 1024;

export interface TokenServerOptions {
  transport: HttpTransport;
  entraToken?: () => Promise<string>;
  isAllowed(host: string): boolean;
  isInsecure(host: string): boolean;
  credentialFor(host: string): RegistryCredential | undefined;
  redactor: Redactor;
  logger?: RegistryLogger;
  onTokenRequest(): void;
}

/**
 * Gets bearer tokens: Docker's token protocol (GET the realm, with Basic
 * credentials when they belong to the realm's host) and ACR's exchange of
 * an Entra token for a refresh token, then for an access token.
 */
export class TokenServer {
  private readonly refreshTokens = new TokenCache();

  constructor(private readonly options: TokenServerOptions) {}

  async fetchToken(
    host: string,
    challenge: { realm: string; service?: string },
    scope: string,
    signal?: AbortSignal,
  ): Promise<IssuedToken> {
    let realm: URL;
    try {
      realm = new URL(challenge.realm);
    } catch {
      throw new RegistryError(host, `${host} named an invalid token realm`);
    }
    const realmHost = urlHost(realm);
    if (!this.options.isAllowed(realmHost) && realmHost !== host) {
      throw new RegistryError(
        host,
        `${host} asks for tokens from ${realmHost}, which is not in the allow-list`,
      );
    }
    const service = challenge.service ?? host;
    const credential = this.options.credentialFor(host);
    if (credential?.type === 'acr') {
      return this.acrToken(host, realm, service, scope, signal);
    }
    let authorization: string | undefined;
    if (credential?.username && credential.password !== undefined) {
      if (credentialAppliesTo(credential.host, realmHost)) {
        authorization = basicValue(credential);
      } else {
        this.options.logger?.warn(
          'not sending registry credentials to a token server on another host',
          { host, realmHost },
        );
      }
    }
    const url = new URL(realm);
    url.searchParams.set('service', service);
    url.searchParams.set('scope', scope);
    const res = await this.request(host, realmHost, scope, signal, {
      method: 'GET',
      url,
      authorization,
    });
    return this.readToken(host, realmHost, res, ['token', 'access_token']);
  }

  private async acrToken(
    host: string,
    realm: URL,
    service: string,
    scope: string,
    signal?: AbortSignal,
  ): Promise<IssuedToken> {
    const realmHost = urlHost(realm);
    if (realmHost !== host) {
      throw new RegistryError(
        host,
        `${host} asks for ACR tokens from ${realmHost}: an ACR refresh token is sent to the registry's own host only`,
      );
    }
    const refreshToken = await this.refreshTokens.get(host, async () => {
      if (!this.options.entraToken) {
        throw new RegistryError(host, `no Entra token source for ${host}`);
      }
      let entra: string;
      try {
        entra = await this.options.entraToken();
      } catch (error) {
        this.options.redactor.add((error as { token?: string })?.token);
        throw new RegistryError(
          host,
          `could not get an Entra token for ${host}: ${this.options.redactor.redact(
            String((error as Error)?.message ?? error),
          )}`,
        );
      }
      this.options.redactor.add(entra);
      const scheme = this.options.isInsecure(host) ? 'http' : 'https';
      const res = await this.request(host, host, 'the ACR exchange', signal, {
        method: 'POST',
        url: new URL(`${scheme}://${host}/oauth2/exchange`),
        form: new URLSearchParams({
          grant_type: 'access_token',
          service,
          access_token: entra,
        }).toString(),
      });
      return this.readToken(host, host, res, ['refresh_token']);
    });
    const res = await this.request(host, realmHost, scope, signal, {
      method: 'POST',
      url: realm,
      form: new URLSearchParams({
        grant_type: 'refresh_token',
        service,
        scope,
        refresh_token: refreshToken,
      }).toString(),
    });
    if (res.status === 401) this.refreshTokens.invalidate(host, refreshToken);
    return this.readToken(host, realmHost, res, ['access_token']);
  }

  private async request(
    host: string,
    tokenHost: string,
    scope: string,
    signal: AbortSignal | undefined,
    req: {
      method: 'GET' | 'POST';
      url: URL;
      authorization?: string;
      form?: string;
    },
  ): Promise<HttpResponse> {
    this.options.onTokenRequest();
    const res = await this.options.transport.send({
      ...req,
      signal,
      headers: { accept: 'application/json' },
      maxBytes: TOKEN_MAX_BYTES,
      what: `a token for ${scope}`,
    });
    if (res.status !== 200) {
      const detail = this.options.redactor.redact(describeErrorBody(res.body));
      throw new RegistryError(
        host,
        `token server ${tokenHost} refused a token for ${scope}: ${statusText(
          res.status,
        )}${detail ? ` (${detail})` : ''}`,
        { status: res.status },
      );
    }
    return res;
  }

  private readToken(
    host: string,
    tokenHost: string,
    res: HttpResponse,
    fields: string[],
  ): IssuedToken {
    let body: Record<string, unknown> | undefined;
    try {
      body = JSON.parse(res.body.toString('utf8'));
    } catch {
      // reported below
    }
    const value = fields
      .map(field => body?.[field])
      .find((v): v is string => typeof v === 'string' && v.length > 0);
    if (!value) {
      throw new RegistryError(
        host,
        `token server ${tokenHost} answered without ${fields.join(' or ')}`,
      );
    }
    this.options.redactor.add(value);
    return {
      value,
      expiresAt: tokenExpiresAt(
        value,
        body?.expires_in,
        body?.issued_at,
        Date.now(),
      ),
    };
  }
}

export function basicValue(credential: RegistryCredential): string {
  const pair = `${credential.username ?? ''}:${credential.password ?? ''}`;
  return `Basic ${Buffer.from(pair).toString('base64')}`;
}
