import { inspect } from 'node:util';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { APIClient } from '../../src/core/client.js';
import { resolveConfig, type ClientOptions } from '../../src/core/config.js';
import {
  AbortError,
  AuthenticationError,
  ConnectionError,
  DecodeError,
  InternalServerError,
  InvalidArgumentError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  WorkOSConfigError,
} from '../../src/core/errors.js';
import type { ErrorEvent, RequestEvent, ResponseEvent, RetryEvent } from '../../src/core/hooks.js';
import { SecretString } from '../../src/core/secret.js';
import { VERSION } from '../../src/core/version.js';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server.js';

const API_KEY = 'sk_test_client_unit_key';
let server: ScriptedServer;

beforeAll(async () => {
  server = await startScriptedServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.requests.length = 0;
  server.handle(() => ({ status: 200, body: { ok: true }, headers: { 'x-request-id': 'req_ok' } }));
});

function client(options: ClientOptions = {}): APIClient {
  return new APIClient(resolveConfig({ apiKey: API_KEY, baseUrl: server.url, ...options }));
}

interface Recorded {
  requests: RequestEvent[];
  responses: ResponseEvent[];
  retries: RetryEvent[];
  errors: ErrorEvent[];
}

function recordingHooks(): { recorded: Recorded; hooks: ClientOptions['hooks'] } {
  const recorded: Recorded = { requests: [], responses: [], retries: [], errors: [] };
  return {
    recorded,
    hooks: {
      onRequest: (event) => recorded.requests.push(event),
      onResponse: (event) => recorded.responses.push(event),
      onRetry: (event) => recorded.retries.push(event),
      onError: (event) => recorded.errors.push(event),
    },
  };
}

describe('what is sent', () => {
  it('sends auth, user agent and a JSON body', async () => {
    await client({ userAgent: 'unit/1' }).request({
      method: 'POST',
      path: '/organizations',
      body: { name: 'Acme', password: new SecretString('p4ss') },
    });

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/organizations');
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.headers['user-agent']).toBe(`workos-ts/${VERSION} unit/1`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.body).toBe('{"name":"Acme","password":"p4ss"}');
  });

  it('sends no content type without a body', async () => {
    await client().request({ method: 'GET', path: '/organizations', query: { limit: 5 } });
    expect(server.requests[0]?.headers['content-type']).toBeUndefined();
    expect(server.requests[0]?.url.search).toBe('?limit=5');
  });

  it('adds custom and idempotency headers', async () => {
    await client({ headers: { 'X-Client': 'a' } }).request(
      { method: 'POST', path: '/x', body: {} },
      { headers: { 'X-Trace': 't1' }, idempotencyKey: 'idem-1' },
    );
    const headers = server.requests[0]?.headers;
    expect(headers?.['x-client']).toBe('a');
    expect(headers?.['x-trace']).toBe('t1');
    expect(headers?.['idempotency-key']).toBe('idem-1');
  });

  it('sends no Authorization for public endpoints', async () => {
    await client().request({ method: 'GET', path: '/sso/jwks/client_1', auth: false });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('sends a bearer token in place of the API key', async () => {
    await client().request({
      method: 'GET',
      path: '/sso/profile',
      auth: false,
      bearerToken: new SecretString('profile-token'),
    } as never);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer profile-token');
  });

  it('fails before sending without an API key', async () => {
    const noKey = new APIClient(resolveConfig({ apiKey: undefined, baseUrl: server.url }));
    const previous = process.env.WORKOS_API_KEY;
    delete process.env.WORKOS_API_KEY;
    try {
      await expect(noKey.request({ method: 'GET', path: '/organizations' })).rejects.toThrow(
        new WorkOSConfigError(
          '/organizations needs an API key: pass apiKey to new WorkOS() or set the WORKOS_API_KEY environment variable',
        ),
      );
    } finally {
      if (previous !== undefined) process.env.WORKOS_API_KEY = previous;
    }
    expect(server.requests).toHaveLength(0);
  });

  it('fills client_id and client_secret from the configuration', async () => {
    await client({ clientId: 'client_abc' }).request({
      method: 'POST',
      path: '/user_management/authenticate',
      body: { grant_type: 'password', email: 'a@b.c' },
      defaults: { clientId: 'body', clientSecret: 'body' },
    });
    expect(server.requests[0]?.json).toEqual({
      grant_type: 'password',
      email: 'a@b.c',
      client_id: 'client_abc',
      client_secret: API_KEY,
    });
  });

  it('keeps a client_id the caller passed', async () => {
    await client({ clientId: 'client_abc' }).request({
      method: 'POST',
      path: '/x',
      body: { client_id: 'client_mine' },
      defaults: { clientId: 'body' },
    });
    expect(server.requests[0]?.json).toEqual({ client_id: 'client_mine' });
  });

  it('rejects a call that needs a client ID when none is set', async () => {
    await expect(
      client().request({
        method: 'POST',
        path: '/sso/token',
        body: {},
        defaults: { clientId: 'body' },
      }),
    ).rejects.toThrow(
      '/sso/token needs a client ID: pass clientId to new WorkOS() or set WORKOS_CLIENT_ID',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('builds a redirect URL without sending', () => {
    const url = client({ clientId: 'client_abc' }).buildUrl({
      path: '/sso/authorize',
      query: { redirect_uri: 'https://app.example/cb', state: 'a b' },
      defaults: { clientId: 'query' },
    });
    expect(url).toBe(
      `${server.url}/sso/authorize?redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=a+b&client_id=client_abc`,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('responses', () => {
  it('resolves a 204 to undefined', async () => {
    server.queue({ status: 204 });
    await expect(client().request({ method: 'DELETE', path: '/x/1' })).resolves.toBeUndefined();
  });

  it('wraps secret keys in SecretString', async () => {
    server.queue({ status: 200, body: { access_token: 'at_1', user: { id: 'u1' } } });
    const data = await client().request<{ access_token: SecretString; user: { id: string } }>({
      method: 'POST',
      path: '/auth',
      body: {},
      secretKeys: new Set(['access_token']),
    });
    expect(data.access_token).toBeInstanceOf(SecretString);
    expect(data.access_token.expose()).toBe('at_1');
    expect(JSON.stringify(data)).toBe('{"access_token":"[REDACTED]","user":{"id":"u1"}}');
  });

  it('withResponse gives the response and request id', async () => {
    server.queue({ status: 201, body: { id: 'org_1' }, headers: { 'x-request-id': 'req_201' } });
    const result = await client()
      .request({ method: 'POST', path: '/organizations', body: {} })
      .withResponse();
    expect(result.data).toEqual({ id: 'org_1' });
    expect(result.requestId).toBe('req_201');
    expect(result.response.status).toBe(201);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects a non-JSON body with DecodeError', async () => {
    server.queue({
      status: 200,
      rawBody: '<html>gateway</html>',
      headers: { 'x-request-id': 'req_html' },
    });
    const error = await client()
      .request({ method: 'GET', path: '/organizations' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).status).toBe(200);
    expect((error as DecodeError).bodySnippet).toBe('<html>gateway</html>');
    expect((error as DecodeError).requestId).toBe('req_html');
    expect((error as DecodeError).message).toBe(
      'The response to /organizations (status 200) is not valid JSON: "<html>gateway</html>" (request id req_html)',
    );
  });

  it('keeps only 200 characters of a bad body', async () => {
    server.queue({ status: 200, rawBody: 'x'.repeat(500) });
    const error = (await client()
      .request({ method: 'GET', path: '/y' })
      .catch((caught: unknown) => caught)) as DecodeError;
    expect(error.bodySnippet).toBe('x'.repeat(200));
  });

  it('maps a 404 to NotFoundError with its request id', async () => {
    server.queue({
      status: 404,
      body: { message: 'Organization not found', code: 'entity_not_found' },
      headers: { 'x-request-id': 'req_404' },
    });
    const error = (await client()
      .request({ method: 'GET', path: '/organizations/org_missing' })
      .catch((caught: unknown) => caught)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.isNotFound()).toBe(true);
    expect(error.code).toBe('entity_not_found');
    expect(error.requestId).toBe('req_404');
    expect(error.message).toBe(
      'GET /organizations/org_missing failed with 404: Organization not found (request id req_404)',
    );
  });

  it('keeps the API key out of a 401 error', async () => {
    server.queue({ status: 401, body: { message: 'Unauthorized' } });
    const error = (await client()
      .request({ method: 'GET', path: '/organizations' })
      .catch((caught: unknown) => caught)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).not.toContain(API_KEY);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(API_KEY);
  });

  it('serves concurrent calls from one client', async () => {
    server.handle((request) => ({ status: 200, body: { path: request.path } }));
    const shared = client();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        shared.request<{ path: string }>({ method: 'GET', path: `/items/${index}` }),
      ),
    );
    expect(results.map((result) => result.path)).toEqual(
      Array.from({ length: 20 }, (_, index) => `/items/${index}`),
    );
  });
});

describe('retries', () => {
  it('retries a 429 then a 503 with Retry-After and succeeds', async () => {
    server.queue(
      {
        status: 429,
        body: { message: 'Slow down' },
        headers: { 'retry-after': '0', 'x-request-id': 'req_a' },
      },
      {
        status: 503,
        body: { message: 'Busy' },
        headers: { 'retry-after': '0', 'x-request-id': 'req_b' },
      },
    );
    const { recorded, hooks } = recordingHooks();
    const data = await client({ hooks }).request({ method: 'GET', path: '/organizations' });

    expect(data).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
    expect(
      recorded.retries.map((event) => [
        event.attempt,
        event.status,
        event.requestId,
        event.delayMs,
        event.reason,
      ]),
    ).toEqual([
      [1, 429, 'req_a', 0, 'rate_limited'],
      [2, 503, 'req_b', 0, 'server_error'],
    ]);
    expect(recorded.requests.map((event) => event.attempt)).toEqual([1, 2, 3]);
    expect(recorded.responses.map((event) => event.status)).toEqual([429, 503, 200]);
    expect(recorded.errors).toHaveLength(0);
  });

  it('waits a jittered backoff without Retry-After', async () => {
    server.queue({ status: 500 }, { status: 502 });
    const { recorded, hooks } = recordingHooks();
    await client({ hooks }).request({ method: 'GET', path: '/x' });
    const [first, second] = recorded.retries.map((event) => event.delayMs);
    expect(first).toBeGreaterThanOrEqual(250);
    expect(first).toBeLessThanOrEqual(500);
    expect(second).toBeGreaterThanOrEqual(500);
    expect(second).toBeLessThanOrEqual(1000);
  });

  it('sends a POST without an idempotency key once', async () => {
    server.queue({ status: 503, headers: { 'retry-after': '0' } });
    const { recorded, hooks } = recordingHooks();
    const error = await client({ hooks })
      .request({ method: 'POST', path: '/organizations', body: { name: 'x' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    expect(recorded.retries).toHaveLength(0);
    expect(recorded.errors.map((event) => event.status)).toEqual([503]);
  });

  it('retries a POST with an idempotency key, same key each time', async () => {
    server.queue(
      { status: 503, headers: { 'retry-after': '0' } },
      { status: 429, headers: { 'retry-after': '0' } },
    );
    await client().request(
      { method: 'POST', path: '/audit_logs/events', body: { a: 1 } },
      { idempotencyKey: 'evt-1' },
    );
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual([
      'evt-1',
      'evt-1',
      'evt-1',
    ]);
    expect(server.requests.map((request) => request.body)).toEqual([
      '{"a":1}',
      '{"a":1}',
      '{"a":1}',
    ]);
  });

  it('gives up after maxRetries', async () => {
    server.handle(() => ({ status: 503, headers: { 'retry-after': '0' } }));
    const error = await client({ maxRetries: 2 })
      .request({ method: 'GET', path: '/x' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(3);
  });

  it('maxRetries 0 sends once', async () => {
    server.handle(() => ({ status: 503, headers: { 'retry-after': '0' } }));
    await expect(
      client().request({ method: 'GET', path: '/x' }, { maxRetries: 0 }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry a 4xx other than 429', async () => {
    server.queue({ status: 400, body: { message: 'bad' } });
    await expect(client().request({ method: 'GET', path: '/x' })).rejects.toThrow(
      'failed with 400: bad',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('fails at once when Retry-After passes 60 seconds', async () => {
    server.queue({ status: 429, headers: { 'retry-after': '120' } });
    const started = Date.now();
    const error = (await client()
      .request({ method: 'GET', path: '/x' })
      .catch((caught: unknown) => caught)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(120);
    expect(server.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('retries a GET after a connection reset', async () => {
    server.queue({ kind: 'reset' });
    const { recorded, hooks } = recordingHooks();
    await expect(client({ hooks }).request({ method: 'GET', path: '/x' })).resolves.toEqual({
      ok: true,
    });
    expect(server.requests).toHaveLength(2);
    expect(recorded.retries.map((event) => [event.reason, event.status])).toEqual([
      ['connection_error', undefined],
    ]);
  });

  it('sends a POST once after a connection reset', async () => {
    server.queue({ kind: 'reset' });
    const error = await client()
      .request({ method: 'POST', path: '/x', body: {} })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toMatch(
      /^POST \/x failed before a response arrived: /,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('strategy once sends a GET once', async () => {
    server.queue({ status: 503, headers: { 'retry-after': '0' } });
    await expect(
      client().request({ method: 'GET', path: '/x' }, { strategy: 'once' }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('strategy idempotent retries a PUT with its key', async () => {
    server.queue({ status: 500, headers: { 'retry-after': '0' } });
    await client().request(
      { method: 'PUT', path: '/x', body: {} },
      { strategy: { idempotent: 'put-1' } },
    );
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual([
      'put-1',
      'put-1',
    ]);
  });

  it('strategy retry limits the attempts', async () => {
    server.handle(() => ({ status: 500, headers: { 'retry-after': '0' } }));
    await expect(
      client().request({ method: 'GET', path: '/x' }, { strategy: { retry: { maxAttempts: 2 } } }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(2);
  });
});

describe('timeouts and aborts', () => {
  it('times out a hanging request', async () => {
    server.handle(() => ({ kind: 'hang' }));
    const error = await client({ timeout: 200 })
      .request({ method: 'GET', path: '/slow' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe('GET /slow timed out after 200 ms');
    expect((error as TimeoutError).timeout).toBe(200);
  });

  it('per-request timeout overrides the client', async () => {
    server.handle(() => ({ kind: 'hang' }));
    const started = Date.now();
    await expect(
      client().request({ method: 'GET', path: '/slow' }, { timeout: 150 }),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('an abort ends a backoff sleep at once', async () => {
    server.queue({ status: 503, headers: { 'retry-after': '30' } });
    const controller = new AbortController();
    const { recorded, hooks } = recordingHooks();
    const started = Date.now();
    const pending = client({ hooks, timeout: 120_000 }).request(
      { method: 'GET', path: '/x' },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 100);

    const error = await pending.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).message).toBe('GET /x was aborted by its signal');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(recorded.retries.map((event) => event.delayMs)).toEqual([30_000]);
    expect(server.requests).toHaveLength(1);
  });

  it('an abort keeps its reason as the cause', async () => {
    server.handle(() => ({ kind: 'hang' }));
    const controller = new AbortController();
    const reason = new Error('user left');
    const pending = client().request(
      { method: 'GET', path: '/slow' },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(reason), 50);
    const error = (await pending.catch((caught: unknown) => caught)) as AbortError;
    expect(error).toBeInstanceOf(AbortError);
    expect(error.message).toBe('GET /slow was aborted by its signal');
    expect(error.cause).toBe(reason);
  });

  it('an already aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      client().request({ method: 'GET', path: '/x' }, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
  });

  it('a timeout ends a backoff sleep at once', async () => {
    server.queue({ status: 503, headers: { 'retry-after': '2' } });
    const started = Date.now();
    const error = await client({ timeout: 1_000 })
      .request({ method: 'GET', path: '/x' })
      .catch((caught: unknown) => caught);
    // The 2 s wait cannot fit in the 1 s budget, so the 503 itself is reported without sleeping.
    expect(error).toBeInstanceOf(InternalServerError);
    expect(Date.now() - started).toBeLessThan(900);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects an invalid per-request timeout', async () => {
    const error = await client()
      .request({ method: 'GET', path: '/x' }, { timeout: -5 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).message).toBe(
      'timeout must be a positive number of milliseconds (got -5)',
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('hooks', () => {
  it('never see the API key or a body', async () => {
    server.queue(
      { status: 503, headers: { 'retry-after': '0', 'x-request-id': 'req_h1' } },
      { status: 404 },
    );
    const { recorded, hooks } = recordingHooks();
    await client({ hooks })
      .request({ method: 'GET', path: '/organizations', query: { limit: 1 } })
      .catch(() => undefined);

    const everything = JSON.stringify(recorded);
    expect(everything).not.toContain(API_KEY);
    expect(recorded.requests[0]).toEqual({
      method: 'GET',
      url: `${server.url}/organizations?limit=1`,
      attempt: 1,
      idempotencyKey: undefined,
    });
    expect(recorded.errors.map((event) => [event.status, event.attempt, event.error.name])).toEqual(
      [[404, 2, 'NotFoundError']],
    );
  });

  it('redact credential query parameters', async () => {
    const { recorded, hooks } = recordingHooks();
    await client({ hooks }).request({
      method: 'POST',
      path: '/sso/token',
      query: { client_secret: API_KEY, code: 'c0de', grant_type: 'authorization_code' },
    });
    expect(server.requests[0]?.url.searchParams.get('client_secret')).toBe(API_KEY);
    expect(recorded.requests[0]?.url).toBe(
      `${server.url}/sso/token?client_secret=%5BREDACTED%5D&code=%5BREDACTED%5D&grant_type=authorization_code`,
    );
  });

  it('a throwing hook does not fail the call', async () => {
    const data = await client({
      hooks: {
        onRequest: () => {
          throw new Error('logger down');
        },
      },
    }).request({ method: 'GET', path: '/x' });
    expect(data).toEqual({ ok: true });
  });
});
