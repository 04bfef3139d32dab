import {
  IncomingMessage,
  Server,
  ServerResponse,
  createServer,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface TinyServer {
  /** `127.0.0.1:port`, as references and allow-lists name it. */
  host: string;
  url: string;
  /** TCP connections accepted so far. */
  readonly connections: number;
  readonly requests: RecordedRequest[];
  /** The most requests that were being answered at once. */
  readonly maxInFlight: number;
  stop(): Promise<void>;
}

export type TinyHandler = (
  req: IncomingMessage & { body: string },
  res: ServerResponse,
) => unknown;

/**
 * A small HTTP server on 127.0.0.1 and a free port that counts connections
 * and records requests; for registry behaviour a real registry won't show
 * (hangs, 429s, redirects, malformed answers).
 */
export async function startTinyServer(
  handler: TinyHandler,
): Promise<TinyServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
      });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.on('close', () => inFlight--);
      Promise.resolve(handler(Object.assign(req, { body }), res)).catch(
        error => {
          res.statusCode = 500;
          res.end(String(error));
        },
      );
    });
  });
  server.on('connection', socket => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  return {
    host,
    url: `http://${host}`,
    get connections() {
      return connections;
    },
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    stop: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers with JSON and the given content type. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const bytes = Buffer.isBuffer(body)
    ? body
    : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(bytes.length),
    ...headers,
  });
  res.end(bytes);
}
