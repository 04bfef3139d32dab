import { TokenCache, jwtExpiry, tokenExpiresAt } from './tokens';

const jwt = (payload: object) =>
  `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

describe('token expiry', () => {
  const now = Date.parse('2026-11-27T10:00:00Z');

  it('uses expires_in and issued_at, refreshing early', () => {
    expect(tokenExpiresAt('t', 300, undefined, now)).toBe(now + 290_000);
    expect(
      tokenExpiresAt('t', 300, new Date(now - 100_000).toISOString(), now),
    ).toBe(now + 190_000);
    // a far-off issued_at (clock skew) is ignored
    expect(tokenExpiresAt('t', 300, '2020-01-01T00:00:00Z', now)).toBe(
      now + 290_000,
    );
  });

  it('falls back to the JWT exp, then to 60 s', () => {
    const token = jwt({ exp: now / 1000 + 3600 });
    expect(jwtExpiry(token)).toBe(now + 3_600_000);
    expect(tokenExpiresAt(token, undefined, undefined, now)).toBe(
      now + 3_590_000,
    );
    expect(tokenExpiresAt('opaque', undefined, undefined, now)).toBe(
      now + 50_000,
    );
    expect(jwtExpiry('a.%%%.c')).toBeUndefined();
  });

  it('never returns a time before now', () => {
    expect(tokenExpiresAt('t', 4, undefined, now)).toBe(now + 2_000);
  });
});

describe('TokenCache', () => {
  it('fetches once per key while valid, and shares a fetch in flight', async () => {
    let clock = 0;
    const cache = new TokenCache(() => clock);
    let calls = 0;
    const fetch = jest.fn(async () => ({
      value: `tok${++calls}`,
      expiresAt: clock + 100,
    }));
    const [a, b] = await Promise.all([
      cache.get('h|s', fetch),
      cache.get('h|s', fetch),
    ]);
    expect([a, b]).toEqual(['tok1', 'tok1']);
    expect(await cache.get('h|s', fetch)).toBe('tok1');
    expect(fetch).toHaveBeenCalledTimes(1);
    clock = 100;
    expect(await cache.get('h|s', fetch)).toBe('tok2');
    cache.invalidate('h|s', 'other');
    expect(await cache.get('h|s', fetch)).toBe('tok2');
    cache.invalidate('h|s', 'tok2');
    expect(await cache.get('h|s', fetch)).toBe('tok3');
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('does not keep a failed fetch', async () => {
    const cache = new TokenCache();
    await expect(
      cache.get('k', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(
      await cache.get('k', async () => ({ value: 'ok', expiresAt: Infinity })),
    ).toBe('ok');
  });
});
