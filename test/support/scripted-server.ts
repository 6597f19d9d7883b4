import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request the scripted server received. */
export interface ReceivedRequest {
  method: string;
  path: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
  /** The parsed JSON body, or `undefined` when the body is empty or not JSON. */
  json: unknown;
}

/** The scripted server's reply to one request. */
export type ScriptedReply =
  | { status: number; headers?: Record<string, string>; body?: unknown; rawBody?: string }
  | { kind: 'hang' }
  | { kind: 'reset' };

/** Picks the reply for a request; `requests` contains every request so far, this one last. */
export type ScriptedHandler = (
  request: ReceivedRequest,
  requests: readonly ReceivedRequest[],
) => ScriptedReply;

/**
 * A loopback HTTP server whose replies a test decides request by request, for proving what the
 * SDK sends and how it reacts to statuses, bad bodies, resets and hangs.
 */
export interface ScriptedServer {
  url: string;
  requests: ReceivedRequest[];
  /** Replaces the handler. */
  handle(handler: ScriptedHandler): void;
  /** Replies to the next requests with these replies in order, then with the fallback handler. */
  queue(...replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

/** Starts a {@link ScriptedServer} on 127.0.0.1 and a free port. */
export async function startScriptedServer(handler?: ScriptedHandler): Promise<ScriptedServer> {
  const requests: ReceivedRequest[] = [];
  const queued: ScriptedReply[] = [];
  const sockets = new Set<Socket>();
  let current: ScriptedHandler = handler ?? (() => ({ status: 200, body: {} }));

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const received: ReceivedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        url,
        headers: req.headers,
        body,
        json: parseJson(body),
      };
      requests.push(received);
      reply(res, queued.shift() ?? current(received, requests));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      current = next;
    },
    queue(...replies) {
      queued.push(...replies);
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function reply(res: ServerResponse, scripted: ScriptedReply): void {
  if ('kind' in scripted) {
    if (scripted.kind === 'reset') res.socket?.destroy();
    return; // A hang leaves the response open until the client gives up or the server closes.
  }

  const text =
    scripted.rawBody ?? (scripted.body === undefined ? '' : JSON.stringify(scripted.body));
  const headers: Record<string, string> = { ...scripted.headers };
  if (scripted.rawBody === undefined && scripted.body !== undefined) {
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(scripted.status, headers);
  res.end(text);
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
