import {
  FaultRegistry,
  faultOutcome,
  validateFault,
  type Fault,
} from './faults';

describe('FaultRegistry', () => {
  it('applies a fault to count requests, then drops it', () => {
    const faults = new FaultRegistry();
    faults.set('arm', { status: 500, count: 2 });
    expect(faults.take('arm')?.status).toBe(500);
    expect(faults.take('arm')?.status).toBe(500);
    expect(faults.take('arm')).toBeUndefined();
  });

  it('applies a fault without count to every request until cleared', () => {
    const faults = new FaultRegistry();
    faults.set('registry', { latencyMs: 5 });
    for (let i = 0; i < 5; i++) expect(faults.take('registry')).toBeDefined();
    faults.set('registry', undefined);
    expect(faults.take('registry')).toBeUndefined();
  });

  it('prefers the cluster fault, and keeps it to that cluster', () => {
    const faults = new FaultRegistry();
    faults.set('kubernetes', { status: 429 });
    faults.set('kubernetes:a', { status: 503, count: 1 });
    expect(faults.take('kubernetes', 'a')?.status).toBe(503);
    expect(faults.take('kubernetes', 'a')?.status).toBe(429);
    expect(faults.take('kubernetes', 'b')?.status).toBe(429);
    expect(faults.take('arm')).toBeUndefined();
    faults.set('kubernetes', undefined);
    faults.set('kubernetes:a', { hang: true });
    expect(faults.take('kubernetes', 'b')).toBeUndefined();
  });

  it.each([
    ['dns', {}],
    ['kubernetes:', {}],
    ['arm', { status: 404 }],
    ['arm', { count: 0 }],
    ['arm', { latencyMs: -1 }],
    ['arm', 'slow'],
  ])('refuses target %j with fault %j', (target, fault) => {
    expect(() => validateFault(target, fault)).toThrow();
  });
});

describe('faultOutcome', () => {
  it.each<[string, 'arm' | 'kubernetes' | 'registry', Fault, object]>([
    ['hang', 'arm', { hang: true, status: 500 }, { kind: 'hang' }],
    ['latency only', 'arm', { latencyMs: 10 }, { kind: 'pass', latencyMs: 10 }],
    [
      'ARM 429 with Retry-After',
      'arm',
      { status: 429, retryAfterSeconds: 3 },
      {
        kind: 'respond',
        response: expect.objectContaining({
          status: 429,
          headers: expect.objectContaining({ 'Retry-After': '3' }),
        }),
      },
    ],
    [
      'no Retry-After with a 500',
      'registry',
      { status: 500, retryAfterSeconds: 3 },
      {
        kind: 'respond',
        response: expect.objectContaining({
          headers: expect.not.objectContaining({ 'Retry-After': '3' }),
        }),
      },
    ],
    [
      'malformed',
      'kubernetes',
      { malformed: true, latencyMs: 5 },
      {
        kind: 'respond',
        latencyMs: 5,
        response: expect.objectContaining({ status: 200 }),
      },
    ],
  ])('%s', (_what, area, fault, expected) => {
    expect(faultOutcome(area, fault)).toMatchObject(expected);
  });

  it.each([
    ['arm', { error: { code: 'ServiceUnavailable' } }],
    ['kubernetes', { kind: 'Status', reason: 'ServiceUnavailable', code: 503 }],
    ['registry', { errors: [{ code: 'UNAVAILABLE' }] }],
  ] as const)('shapes the %s error body', (area, body) => {
    const outcome = faultOutcome(area, { status: 503 });
    expect(outcome.kind).toBe('respond');
    const response = (outcome as { response: { body: string } }).response;
    expect(JSON.parse(response.body)).toMatchObject(body);
  });

  it.each(['arm', 'kubernetes', 'registry'] as const)(
    'malformed %s bodies are not JSON',
    area => {
      const outcome = faultOutcome(area, { malformed: true }) as any;
      expect(() => JSON.parse(outcome.response.body)).toThrow();
    },
  );
});
