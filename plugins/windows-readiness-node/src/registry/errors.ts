/**
 * A problem with a registry or the network: the client turns it into the
 * `error` of an image record. Any other exception is a programming error.
 */
export class RegistryError extends Error {
  readonly host: string;
  readonly status?: number;
  /** A timeout or a dropped connection: worth another attempt. */
  readonly retryable: boolean;

  constructor(
    host: string,
    message: string,
    options: { status?: number; retryable?: boolean } = {},
  ) {
    super(message);
    this.name = 'RegistryError';
    this.host = host;
    this.status = options.status;
    this.retryable = options.retryable ?? false;
  }
}

const MIN_SECRET_LENGTH = 4;

/**
 * Remembers every secret the client handles (passwords, tokens, Basic
 * header values) and blanks them out of any text that leaves the client.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (secret && secret.length >= MIN_SECRET_LENGTH) this.secrets.add(secret);
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so that a secret containing another is removed whole.
    const sorted = [...this.secrets].sort((a, b) => b.length - a.length);
    for (const secret of sorted) out = out.split(secret).join('***');
    // Whatever the registry echoes back of an Authorization header, in any
    // letter case (HTTP auth schemes are case-insensitive, RFC 9110 11.1).
    return out.replace(/\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 ***');
  }
}

/** Short, single-line rendering of what a registry said in an error body. */
export function describeErrorBody(body: Buffer | undefined): string {
  if (!body || body.length === 0) return '';
  const text = body.subarray(0, 4096).toString('utf8');
  try {
    const parsed = JSON.parse(text);
    if (Array.isArray(parsed?.errors) && parsed.errors.length > 0) {
      return parsed.errors
        .slice(0, 3)
        .map((e: { code?: unknown; message?: unknown }) =>
          [e?.code, e?.message].filter(x => typeof x === 'string').join(': '),
        )
        .filter(Boolean)
        .join('; ')
        .slice(0, 300);
    }
  } catch {
    // not JSON: fall through
  }
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

export function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    406: 'Not Acceptable',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return texts[status] ? `${status} ${texts[status]}` : String(status);
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TLS_CODE = /^(ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_SSL)/;

/** Turns what undici threw into a RegistryError naming the host. */
export function networkError(
  error: unknown,
  context: {
    origin: string;
    host: string;
    what: string;
    timedOut: boolean;
    timeoutMs: number;
    redactor: Redactor;
  },
): RegistryError {
  const { origin, host, what, timedOut, timeoutMs, redactor } = context;
  const code = String((error as { code?: unknown })?.code ?? '');
  const prefix = `request to ${host} for ${what}`;
  if (timedOut || TIMEOUT_CODES.has(code)) {
    return new RegistryError(
      origin,
      `${prefix} timed out after ${timeoutMs} ms`,
      { retryable: true },
    );
  }
  if (TLS_CODE.test(code)) {
    return new RegistryError(
      origin,
      `${prefix} failed: the TLS certificate of ${host} is not trusted (${code}); pass its CA in the "ca" option`,
    );
  }
  const detail = redactor.redact(
    code || ((error as Error)?.message ?? String(error)),
  );
  return new RegistryError(origin, `${prefix} failed: ${detail}`, {
    retryable: RETRYABLE_CODES.has(code),
  });
}
