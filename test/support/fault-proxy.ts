import {
  Agent,
  createServer,
  request as httpRequest,
  STATUS_CODES,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';

import { isLoopbackUrl, listenOnLoopback } from './loopback.js';

/** Which requests a fault applies to; an omitted field matches every request. */
export interface FaultMatcher {
  /** HTTP method, in any case. */
  method?: string;
  /** The exact path without the query (`/organizations`), or a pattern tested against it. */
  path?: string | RegExp;
}

/** Responds with this status, headers and body instead of forwarding. */
export interface StatusFault extends FaultMatcher {
  kind?: 'status';
  status: number;
  headers?: Record<string, string>;
  /** A string is sent as written; anything else as JSON. Default: `{ message: <reason phrase> }`. */
  body?: unknown;
}

/** Responds with a body that does not match its `Content-Type`. */
export interface MalformedFault extends FaultMatcher {
  kind: 'malformed';
  /** Default: 200. */
  status?: number;
  /** Default: `Content-Type: application/json`. */
  headers?: Record<string, string>;
  /** Sent exactly as written, e.g. `'not json'`. */
  body: string;
}

/** Destroys the connection with a TCP reset instead of responding. */
export interface ResetFault extends FaultMatcher {
  kind: 'reset';
}

/** Never responds, so the request stays open until the client gives up or the proxy closes. */
export interface HangFault extends FaultMatcher {
  kind: 'hang';
}

/** One queued fault. It applies to exactly one request. */
export type Fault = StatusFault | MalformedFault | ResetFault | HangFault;

/** One request the proxy received. */
export interface ProxiedRequest {
  /**
   * Which attempt of one call this is, from 1. The proxy cannot see the client's retry loop, so
   * it infers calls. Requests with the same method, path, query and `Idempotency-Key` belong to
   * one call until one of them gets a response that a client would not retry. A reset, a hang,
   * a 429 and a 5xx do not end the call.
   */
  attempt: number;
  method: string;
  /** The path with its query, as sent. */
  path: string;
  /** Request headers with lower-case names, without `authorization`. */
  headers: Record<string, string>;
  /** When the request arrived, in milliseconds since the Unix epoch. */
  time: number;
  /** The kind of the fault applied to it; `undefined` when it was forwarded to the target. */
  fault: NonNullable<Fault['kind']> | undefined;
  /**
   * The status sent back: a fault's status or the target's. `undefined` while the response is
   * pending, and for a reset or a hang.
   */
  status: number | undefined;
  /** The `X-Request-ID` of a faulted response, `req_fault_<n>`. */
  requestId: string | undefined;
}

/** Options for {@link startFaultProxy}. */
export interface StartFaultProxyOptions {
  /** The server to forward to, e.g. the emulator's URL. Must be an http:// loopback URL. */
  target: string | URL;
}

/** A reverse proxy on 127.0.0.1 that applies queued faults and forwards everything else. */
export interface FaultProxy {
  /** Base URL with no trailing slash; use it as the SDK's API base URL. */
  url: string;
  /** Every request received, oldest first. */
  readonly requests: readonly ProxiedRequest[];
  /** Queues faults. Each request takes the first queued fault that matches it, if any. */
  enqueue(...faults: Fault[]): void;
  /** How many queued faults no request has taken yet. */
  pendingFaults(): number;
  /** Forgets recorded requests and attempt counts; queued faults stay. */
  clearRequests(): void;
  /** Stops the proxy and destroys open connections, hanging ones included. */
  close(): Promise<void>;
}

const HOP_BY_HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Starts a fault-injecting reverse proxy on 127.0.0.1 and a free port in front of a target.
 *
 * A request that matches no queued fault is forwarded with its method, path, query, headers
 * and body unchanged. Only hop-by-hop headers such as `Connection` are dropped. The target's
 * response is sent back as it came. A faulted response carries `X-Request-ID: req_fault_<n>`,
 * where n counts the faults taken so far, from 1.
 *
 * @throws {Error} when `target` is not a loopback URL, so no test traffic leaves the machine.
 * @example
 * const proxy = await startFaultProxy({ target: emulator.url });
 * proxy.enqueue({ status: 503 }, { status: 429, headers: { 'Retry-After': '1' } });
 * // The next two requests fail; the third reaches the emulator.
 */
export async function startFaultProxy(options: StartFaultProxyOptions): Promise<FaultProxy> {
  const targetUrl = new URL(options.target);
  if (targetUrl.protocol !== 'http:' || !isLoopbackUrl(targetUrl)) {
    throw new Error(
      `The fault proxy target must be an http:// URL on a loopback address such as 127.0.0.1 (got ${targetUrl.href})`,
    );
  }
  const targetBasePath = targetUrl.pathname.replace(/\/$/, '');

  const queue: Fault[] = [];
  const requests: ProxiedRequest[] = [];
  const attemptsByCall = new Map<string, number>();
  const upstreamAgent = new Agent({ keepAlive: true });
  let faultsTaken = 0;

  const server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const callKey = `${method} ${path} ${request.headers['idempotency-key'] ?? ''}`;
    const attempt = (attemptsByCall.get(callKey) ?? 0) + 1;
    attemptsByCall.set(callKey, attempt);

    const record: ProxiedRequest = {
      attempt,
      method,
      path,
      headers: headersWithoutAuthorization(request),
      time: Date.now(),
      fault: undefined,
      status: undefined,
      requestId: undefined,
    };
    requests.push(record);

    const finish = (status: number): void => {
      record.status = status;
      if (status !== 429 && status < 500) attemptsByCall.delete(callKey);
    };

    const faultIndex = queue.findIndex((fault) => matches(fault, method, pathOnly(path)));
    if (faultIndex === -1) {
      forward(request, response, finish);
      return;
    }

    const [fault] = queue.splice(faultIndex, 1) as [Fault];
    faultsTaken += 1;
    record.fault = fault.kind ?? 'status';
    record.requestId = `req_fault_${faultsTaken}`;
    answerWithFault(fault, record.requestId, request, response, finish);
  });

  function forward(
    request: IncomingMessage,
    response: ServerResponse,
    finish: (status: number) => void,
  ): void {
    const upstream = httpRequest(
      {
        protocol: targetUrl.protocol,
        hostname: targetUrl.hostname.replace(/^\[|\]$/g, ''),
        port: targetUrl.port,
        method: request.method,
        path: targetBasePath + (request.url ?? '/'),
        headers: endToEndHeaders(request.rawHeaders),
        agent: upstreamAgent,
      },
      (upstreamResponse) => {
        const status = upstreamResponse.statusCode ?? 502;
        finish(status);
        response.writeHead(status, endToEndHeaders(upstreamResponse.rawHeaders));
        upstreamResponse.on('error', () => response.destroy());
        upstreamResponse.pipe(response);
      },
    );

    upstream.on('error', (error) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      finish(502);
      const body = JSON.stringify({
        message: `The fault proxy could not reach ${targetUrl.origin}: ${error.message}`,
        code: 'bad_gateway',
      });
      response.writeHead(502, { 'Content-Type': 'application/json' }).end(body);
    });
    // A client that gives up mid-request takes the upstream request down with it.
    request.on('error', () => upstream.destroy());
    response.on('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });

    request.pipe(upstream);
  }

  const listener = await listenOnLoopback(server);
  return {
    url: listener.url,
    requests,
    enqueue(...faults) {
      for (const fault of faults) validateFault(fault);
      queue.push(...faults);
    },
    pendingFaults: () => queue.length,
    clearRequests() {
      requests.length = 0;
      attemptsByCall.clear();
    },
    async close() {
      await listener.close();
      upstreamAgent.destroy();
    },
  };
}

function answerWithFault(
  fault: Fault,
  requestId: string,
  request: IncomingMessage,
  response: ServerResponse,
  finish: (status: number) => void,
): void {
  if (fault.kind === 'reset') {
    request.socket.resetAndDestroy();
    return;
  }

  // Reading the whole request body first lets the client finish sending before the response.
  request.resume();
  if (fault.kind === 'hang') return;

  request.on('end', () => {
    const { status, headers, text } = faultResponse(fault);
    finish(status);
    response.writeHead(status, { ...headers, 'X-Request-ID': requestId }).end(text);
  });
}

function faultResponse(fault: StatusFault | MalformedFault): {
  status: number;
  headers: Record<string, string>;
  text: string;
} {
  if (fault.kind === 'malformed') {
    const headers = withDefaultContentType(fault.headers, 'application/json');
    return { status: fault.status ?? 200, headers, text: fault.body };
  }

  if (fault.body === undefined && (fault.status === 204 || fault.status === 304)) {
    return { status: fault.status, headers: { ...fault.headers }, text: '' };
  }
  const body = fault.body ?? { message: STATUS_CODES[fault.status] ?? `HTTP ${fault.status}` };
  if (typeof body === 'string') {
    const headers = withDefaultContentType(fault.headers, 'text/plain; charset=utf-8');
    return { status: fault.status, headers, text: body };
  }
  const headers = withDefaultContentType(fault.headers, 'application/json');
  return { status: fault.status, headers, text: JSON.stringify(body) };
}

function withDefaultContentType(
  headers: Record<string, string> | undefined,
  contentType: string,
): Record<string, string> {
  const hasContentType = Object.keys(headers ?? {}).some(
    (name) => name.toLowerCase() === 'content-type',
  );
  return hasContentType ? { ...headers } : { ...headers, 'Content-Type': contentType };
}

function validateFault(fault: Fault): void {
  const status = fault.kind === 'reset' || fault.kind === 'hang' ? undefined : fault.status;
  if (status !== undefined && (!Number.isInteger(status) || status < 100 || status > 599)) {
    throw new RangeError(`Fault status must be an HTTP status from 100 to 599 (got ${status})`);
  }
  if (fault.kind === 'malformed' && typeof fault.body !== 'string') {
    throw new TypeError('A malformed fault needs its body as a string, sent exactly as written');
  }
}

function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method.toUpperCase()) {
    return false;
  }
  if (fault.path === undefined) return true;
  return typeof fault.path === 'string' ? fault.path === path : fault.path.test(path);
}

function pathOnly(pathWithQuery: string): string {
  const queryStart = pathWithQuery.indexOf('?');
  return queryStart === -1 ? pathWithQuery : pathWithQuery.slice(0, queryStart);
}

function headersWithoutAuthorization(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'authorization' || value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Raw headers (name, value, name, value...) without the hop-by-hop ones, names as sent. */
function endToEndHeaders(rawHeaders: string[]): string[] {
  const endToEnd: string[] = [];
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] as string;
    if (HOP_BY_HOP_HEADERS.has(name.toLowerCase())) continue;
    endToEnd.push(name, rawHeaders[index + 1] as string);
  }
  return endToEnd;
}
