import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { listenOnLoopback } from './loopback.js';
import {
  loadPublishedSpec,
  mergeSpecs,
  type OpenApiDocument,
  type SecurityRequirement,
  type SpecOperation,
} from './spec-document.js';
import { exampleReply } from './spec-example.js';
import { SpecRoutes } from './spec-routes.js';

/** The security scheme of the WorkOS spec whose bearer token is an API key (`sk_...`). */
const API_KEY_SCHEME = 'bearer';

/** The API key accepted by default, the same as the WorkOS emulator's default key. */
const DEFAULT_API_KEY = 'sk_test_default';

/** Which spec a spec server or {@link exampleResponse} serves. */
export interface SpecSource {
  /** The base document. Default: the published WorkOS spec from `@workos/openapi-spec`. */
  spec?: OpenApiDocument;
  /** Extra documents merged over `spec` in order, e.g. endpoints it does not describe yet. */
  overlays?: readonly OpenApiDocument[];
}

/** Options for {@link startSpecServer}. */
export interface StartSpecServerOptions extends SpecSource {
  /** API keys accepted as `Authorization: Bearer <key>`. Default: `['sk_test_default']`. */
  apiKeys?: readonly string[];
}

/** One request the spec server received. */
export interface RecordedRequest {
  method: string;
  /** The path as sent, still percent-encoded, without the query. */
  path: string;
  /** Query parameters; a name sent more than once maps to every value in order. */
  query: Record<string, string | string[]>;
  /** Request headers with lower-case names, including `authorization`. */
  headers: Record<string, string>;
  /** The parsed JSON body; `undefined` when the body is empty or not JSON. */
  body: unknown;
  rawBody: string;
  /** The spec path template the request matched; `undefined` for an unknown route. */
  pathTemplate: string | undefined;
  operationId: string | undefined;
  /** Path parameters by name, percent-decoded. */
  params: Record<string, string>;
  /** The status of the response sent. */
  status: number;
}

/** A loopback server that serves every operation of a spec with the spec's own example. */
export interface SpecServer {
  /** Base URL with no trailing slash, e.g. `http://127.0.0.1:49152`. */
  url: string;
  /** Every request received, oldest first. */
  requests: RecordedRequest[];
  /**
   * Returns the body this server sends for an operation, e.g.
   * `exampleResponse('GET', '/organizations/{id}')`; `undefined` when the body is empty.
   *
   * @throws {Error} when the spec has no such operation.
   */
  exampleResponse(method: string, pathTemplate: string): unknown;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1 and a free port that responds to each operation of the WorkOS
 * OpenAPI spec (plus overlays) with the body {@link exampleReply} builds for it.
 *
 * It is meant for endpoints that the WorkOS emulator lacks. It checks only authentication, never
 * request bodies or parameters. An operation secured by the API-key scheme needs one of
 * `apiKeys` as a bearer token. Any other scheme, such as an SSO access token, takes any
 * non-empty bearer token, and `security: []` needs none. A failed check gets 401; a path or
 * method the spec lacks gets 404 `{ message, code: 'not_found' }`. Each response carries
 * `X-Request-ID: req_spec_<n>`, where n counts requests from 1.
 *
 * @example
 * const server = await startSpecServer();
 * const response = await fetch(`${server.url}/organizations/org_1`, {
 *   headers: { Authorization: 'Bearer sk_test_default' },
 * });
 * expect(await response.json()).toEqual(server.exampleResponse('GET', '/organizations/{id}'));
 */
export async function startSpecServer(options: StartSpecServerOptions = {}): Promise<SpecServer> {
  const responder = createResponder(options);
  const apiKeys = new Set(options.apiKeys ?? [DEFAULT_API_KEY]);
  const requests: RecordedRequest[] = [];

  const server = createServer((request, response) => {
    readBody(request)
      .then((rawBody) => answer(request, response, rawBody))
      .catch((error: unknown) => {
        // A broken spec, such as a $ref to nothing, reaches the test as a 500 that names it.
        if (response.headersSent) {
          response.destroy();
          return;
        }
        const message = `The spec server failed: ${error instanceof Error ? error.message : String(error)}`;
        response.writeHead(500, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ message, code: 'spec_server_error' }));
      });
  });

  function answer(request: IncomingMessage, response: ServerResponse, rawBody: string): void {
    const method = request.method ?? 'GET';
    // Prefixing the origin keeps a path such as `//x` a path rather than a host.
    const url = new URL(`http://spec-server.invalid${request.url ?? '/'}`);
    const headers = flattenHeaders(request);
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      query: queryRecord(url.searchParams),
      headers,
      body: parseJson(rawBody),
      rawBody,
      pathTemplate: undefined,
      operationId: undefined,
      params: {},
      status: 0,
    };
    requests.push(recorded);

    const requestId = `req_spec_${requests.length}`;
    const send = (status: number, body: unknown, contentType?: string): void => {
      recorded.status = status;
      writeReply(response, status, body, contentType, requestId);
    };

    const match = responder.routes.match(method, url.pathname);
    if (match.operation === undefined) {
      const known = match.allowedMethods.map((name) => name.toUpperCase()).join(', ');
      const message = known
        ? `${method} ${url.pathname} is not in the spec, which allows only ${known} on that path`
        : `No operation in the spec matches ${method} ${url.pathname}`;
      return send(404, { message, code: 'not_found' });
    }

    recorded.pathTemplate = match.operation.pathTemplate;
    recorded.operationId = match.operation.operation.operationId;
    recorded.params = match.params;

    const authFailure = checkAuthorization(
      match.operation.security,
      headers.authorization,
      apiKeys,
    );
    if (authFailure) return send(401, { message: authFailure, code: 'unauthorized' });

    const reply = exampleReply(match.operation.operation, responder.merged.document);
    return send(reply.status, reply.body, reply.contentType);
  }

  const listener = await listenOnLoopback(server);
  return {
    url: listener.url,
    requests,
    exampleResponse: responder.exampleResponse,
    close: listener.close,
  };
}

let defaultResponder: Responder | undefined;

/**
 * Returns the body a spec server sends for an operation, e.g.
 * `exampleResponse('GET', '/organizations/{id}')`; `undefined` when the body is empty.
 * Without `source` it reads the published WorkOS spec, like {@link startSpecServer} does.
 *
 * @throws {Error} when the spec has no such operation.
 */
export function exampleResponse(
  method: string,
  pathTemplate: string,
  source?: SpecSource,
): unknown {
  const responder = source ? createResponder(source) : (defaultResponder ??= createResponder({}));
  return responder.exampleResponse(method, pathTemplate);
}

interface Responder {
  merged: ReturnType<typeof mergeSpecs>;
  routes: SpecRoutes;
  exampleResponse(method: string, pathTemplate: string): unknown;
}

function createResponder(source: SpecSource): Responder {
  const merged = mergeSpecs(source.spec ?? loadPublishedSpec(), source.overlays);
  const routes = new SpecRoutes(merged.operations);

  return {
    merged,
    routes,
    exampleResponse(method, pathTemplate) {
      const operation: SpecOperation | undefined = routes.find(method, pathTemplate);
      if (!operation) {
        throw new Error(
          `The spec has no operation ${method.toUpperCase()} ${pathTemplate}. Write the path template as the spec does, e.g. /organizations/{id}`,
        );
      }
      return exampleReply(operation.operation, merged.document).body;
    },
  };
}

/** Returns why the request fails the operation's security, or `undefined` when it passes. */
function checkAuthorization(
  security: SecurityRequirement[],
  authorization: string | undefined,
  apiKeys: ReadonlySet<string>,
): string | undefined {
  // An empty list, or an empty requirement object among the alternatives, means no auth.
  if (
    security.length === 0 ||
    security.some((requirement) => Object.keys(requirement).length === 0)
  ) {
    return undefined;
  }

  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (token === undefined) {
    return 'Missing bearer token: send the header Authorization: Bearer <API key>';
  }

  const satisfied = security.some((requirement) =>
    Object.keys(requirement).every((scheme) => scheme !== API_KEY_SCHEME || apiKeys.has(token)),
  );
  return satisfied
    ? undefined
    : 'Invalid API key: add it to the apiKeys option of startSpecServer to accept it';
}

function writeReply(
  response: ServerResponse,
  status: number,
  body: unknown,
  contentType: string | undefined,
  requestId: string,
): void {
  const headers: Record<string, string> = { 'X-Request-ID': requestId };
  if (body === undefined) {
    response.writeHead(status, { ...headers, 'Content-Length': '0' }).end();
    return;
  }

  const json = contentType === undefined || /json/i.test(contentType);
  const text = json ? JSON.stringify(body) : String(body);
  response
    .writeHead(status, {
      ...headers,
      'Content-Type': json ? 'application/json' : (contentType as string),
      'Content-Length': String(Buffer.byteLength(text)),
    })
    .end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function flattenHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    query[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return query;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
