import type {
  IncomingHttpHeaders,
  IncomingMessage,
  ServerResponse,
} from 'node:http';

/** A request as the handlers see it: the body is read before routing. */
export interface SimRequest {
  method: string;
  /** The path, percent-decoded segment by segment is left to the handlers. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** `https://127.0.0.1:PORT`, for absolute links (nextLink, realm). */
  baseUrl: string;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string | number | string[]>;
  body?: string | Buffer;
}

/** Which part of the simulator a request belongs to; faults target these. */
export type Area = 'arm' | 'kubernetes' | 'registry' | 'control';

export type Handler = (
  request: SimRequest,
  params: string[],
) => SimResponse | Promise<SimResponse>;

export interface Route {
  area: Area;
  methods: readonly string[];
  /** Matched against the path; capture groups become `params`. */
  pattern: RegExp;
  /** The request-count kind, e.g. `arm.agentPools.list`, or one per params. */
  kind: string | ((params: string[]) => string);
  handle: Handler;
}

export interface RouteMatch {
  route: Route;
  params: string[];
}

/** A tiny first-match router: path first, then method. */
export class Router {
  private readonly routes: Route[] = [];

  add(...routes: Route[]): this {
    this.routes.push(...routes);
    return this;
  }

  /**
   * The route for this method and path; `methodNotAllowed` when the path is
   * known under another method only.
   */
  match(
    method: string,
    path: string,
  ): RouteMatch | { methodNotAllowed: Route } | undefined {
    let pathOnly: Route | undefined;
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      const wanted = method === 'HEAD' ? ['HEAD', 'GET'] : [method];
      if (route.methods.some(m => wanted.includes(m))) {
        return {
          route,
          params: found.slice(1).map(part => safeDecode(part ?? '')),
        };
      }
      pathOnly ??= route;
    }
    return pathOnly ? { methodNotAllowed: pathOnly } : undefined;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function json(
  status: number,
  value: unknown,
  headers: Record<string, string | number | string[]> = {},
): SimResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

/** Reads the whole body, refusing more than `limit` bytes. */
export function readBody(
  request: IncomingMessage,
  limit = 1024 * 1024,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`request body larger than ${limit} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Writes a response; HEAD gets the headers (with the length) and no body. */
export function send(
  response: ServerResponse,
  method: string,
  answer: SimResponse,
): void {
  if (response.destroyed || response.headersSent) return;
  const body =
    typeof answer.body === 'string'
      ? Buffer.from(answer.body, 'utf8')
      : answer.body ?? Buffer.alloc(0);
  const headers = { ...answer.headers };
  if (!hasHeader(headers, 'content-length')) {
    headers['Content-Length'] = body.length;
  }
  response.writeHead(answer.status, headers);
  response.end(method === 'HEAD' ? undefined : body);
}

function hasHeader(headers: Record<string, unknown>, name: string): boolean {
  return Object.keys(headers).some(key => key.toLowerCase() === name);
}

/** The first value of a header, whatever its casing. */
export function header(
  request: Pick<SimRequest, 'headers'>,
  name: string,
): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** A bearer token from the Authorization header, if any. */
export function bearerToken(
  request: Pick<SimRequest, 'headers'>,
): string | undefined {
  const match = /^Bearer\s+(\S.*)$/i.exec(
    header(request, 'authorization') ?? '',
  );
  return match ? match[1].trim() : undefined;
}

/** Username and password from a Basic Authorization header, if any. */
export function basicCredentials(
  request: Pick<SimRequest, 'headers'>,
): { username: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header(request, 'authorization') ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
  };
}

/** An `application/x-www-form-urlencoded` body. */
export function formParams(request: SimRequest): URLSearchParams {
  return new URLSearchParams(request.body.toString('utf8'));
}

/** The count kind of a matched route. */
export function kindOf(match: RouteMatch): string {
  const { kind } = match.route;
  return typeof kind === 'function' ? kind(match.params) : kind;
}

/** Loopback addresses: 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.replace(/^::ffff:/i, '');
  return (
    plain === '::1' ||
    plain === 'localhost' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain)
  );
}
