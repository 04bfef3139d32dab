import { randomBytes } from 'node:crypto';
import {
  basicCredentials,
  bearerToken,
  type SimRequest,
  type SimResponse,
} from '../http';
import { registryError } from './errors';

export type RegistryAuthMode = 'anonymous' | 'basic' | 'bearer';

export const REGISTRY_SERVICE = 'aks-simulator';
const ACCESS_TOKEN_SECONDS = 3600;
const REFRESH_TOKEN_SECONDS = 3 * 3600;

/** The repositories a `scope` parameter asks to pull (`repository:<name>:pull`). */
export function pullScopes(scopes: readonly string[]): string[] {
  return scopes
    .flatMap(scope => scope.split(' '))
    .map(scope => {
      const parts = scope.split(':');
      if (parts.length < 3 || parts[0] !== 'repository') return undefined;
      const actions = parts[parts.length - 1].split(',');
      const name = parts.slice(1, -1).join(':');
      return actions.includes('pull') || actions.includes('*')
        ? name
        : undefined;
    })
    .filter((name): name is string => !!name);
}

interface Grant {
  kind: 'access' | 'refresh';
  repositories: Set<string>;
  expires: number;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/**
 * Registry authentication: none, basic, or bearer tokens from
 * `/oauth2/token`, plus ACR's exchange of an Entra token for a refresh token.
 * Tokens are JWT-shaped (unsigned) but checked by lookup.
 */
export class RegistryAuth {
  private readonly grants = new Map<string, Grant>();

  constructor(
    readonly mode: RegistryAuthMode,
    private readonly credentials?: { username: string; password: string },
  ) {}

  private issue(kind: Grant['kind'], repositories: string[], seconds: number) {
    const now = Math.floor(Date.now() / 1000);
    const token = [
      base64url({ alg: 'none', typ: 'JWT' }),
      base64url({
        iss: REGISTRY_SERVICE,
        aud: REGISTRY_SERVICE,
        iat: now,
        exp: now + seconds,
        jti: randomBytes(8).toString('hex'),
        grant_type: kind === 'refresh' ? 'refresh_token' : 'access_token',
        access: repositories.map(name => ({
          type: 'repository',
          name,
          actions: ['pull'],
        })),
      }),
      randomBytes(24).toString('base64url'),
    ].join('.');
    this.grants.set(token, {
      kind,
      repositories: new Set(repositories),
      expires: Date.now() + seconds * 1000,
    });
    return token;
  }

  private grant(token: string | undefined, kind: Grant['kind']) {
    const grant = token ? this.grants.get(token) : undefined;
    return grant && grant.kind === kind && grant.expires > Date.now()
      ? grant
      : undefined;
  }

  /** Basic credentials: the configured pair, any pair when none is, or ACR's refresh token as password. */
  validCredentials(
    credentials: { username: string; password: string } | undefined,
  ): boolean {
    if (!credentials || !credentials.username || !credentials.password) {
      return false;
    }
    if (this.grant(credentials.password, 'refresh')) return true;
    return this.credentials
      ? credentials.username === this.credentials.username &&
          credentials.password === this.credentials.password
      : true;
  }

  /** Undefined when the request may read `repository` (or `/v2/` itself). */
  check(request: SimRequest, repository?: string): SimResponse | undefined {
    if (this.mode === 'anonymous') return undefined;
    if (this.mode === 'basic') {
      return this.validCredentials(basicCredentials(request))
        ? undefined
        : registryError(401, 'UNAUTHORIZED', 'authentication required', {
            headers: {
              'WWW-Authenticate': `Basic realm="${REGISTRY_SERVICE}"`,
            },
          });
    }
    const grant = this.grant(bearerToken(request), 'access');
    const scope = repository ? `,scope="repository:${repository}:pull"` : '';
    const challenge = `Bearer realm="${request.baseUrl}/oauth2/token",service="${REGISTRY_SERVICE}"${scope}`;
    if (!grant) {
      return registryError(401, 'UNAUTHORIZED', 'authentication required', {
        headers: { 'WWW-Authenticate': challenge },
      });
    }
    if (repository && !grant.repositories.has(repository)) {
      return registryError(
        401,
        'DENIED',
        `requested access to the resource is denied: the token does not grant pull on ${repository}`,
        {
          headers: {
            'WWW-Authenticate': `${challenge},error="insufficient_scope"`,
          },
        },
      );
    }
    return undefined;
  }

  /** An access token for the pull scopes asked for, or undefined without the right to one. */
  accessToken(input: {
    scopes: string[];
    credentials?: { username: string; password: string };
    refreshToken?: string;
  }): Record<string, unknown> | undefined {
    const allowed =
      this.mode === 'anonymous' ||
      this.validCredentials(input.credentials) ||
      this.grant(input.refreshToken, 'refresh') !== undefined;
    if (!allowed) return undefined;
    const token = this.issue(
      'access',
      pullScopes(input.scopes),
      ACCESS_TOKEN_SECONDS,
    );
    return {
      access_token: token,
      token,
      expires_in: ACCESS_TOKEN_SECONDS,
      issued_at: new Date().toISOString(),
    };
  }

  /** ACR `/oauth2/exchange`: any non-empty Entra token buys a refresh token. */
  refreshToken(): string {
    return this.issue('refresh', [], REFRESH_TOKEN_SECONDS);
  }
}
