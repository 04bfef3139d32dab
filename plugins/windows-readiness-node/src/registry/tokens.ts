/** The Docker token spec's default when a token server gives no expires_in. */
export const DEFAULT_TOKEN_LIFETIME_S = 60;
/** Refresh a little before expiry so that a token never dies in flight. */
const EARLY_REFRESH_MS = 10_000;

/** `exp` of a JWT, in ms since the epoch, or undefined if it is not a JWT. */
export function jwtExpiry(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
    return typeof payload?.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * When a token stops being usable: from `expires_in` (and `issued_at`), else
 * the JWT `exp`, else the default lifetime; always a little early.
 */
export function tokenExpiresAt(
  token: string,
  expiresInS: unknown,
  issuedAt: unknown,
  now: number,
): number {
  let expiresAt: number;
  if (typeof expiresInS === 'number' && expiresInS > 0) {
    const issued =
      typeof issuedAt === 'string' ? Date.parse(issuedAt) : Number.NaN;
    // A skewed issued_at must not make the token look expired or eternal.
    const start =
      Number.isFinite(issued) && Math.abs(issued - now) < 300_000
        ? issued
        : now;
    expiresAt = start + expiresInS * 1000;
  } else {
    expiresAt = jwtExpiry(token) ?? now + DEFAULT_TOKEN_LIFETIME_S * 1000;
  }
  const lifetime = expiresAt - now;
  return now + Math.max(0, lifetime - Math.min(EARLY_REFRESH_MS, lifetime / 2));
}

export interface IssuedToken {
  value: string;
  expiresAt: number;
}

/** Tokens by key (host + scope) until they expire; one fetch per key at a time. */
export class TokenCache {
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly inFlight = new Map<string, Promise<IssuedToken>>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string, fetch: () => Promise<IssuedToken>): Promise<string> {
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.value;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = fetch().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const token = await pending;
    this.tokens.set(key, token);
    return token.value;
  }

  /** Forgets a token the registry refused. */
  invalidate(key: string, value?: string): void {
    if (value === undefined || this.tokens.get(key)?.value === value) {
      this.tokens.delete(key);
    }
  }
}
