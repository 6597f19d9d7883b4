import { createServer, type IncomingHttpHeaders } from 'node:http';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { startEmulator } from './emulator.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { listenOnLoopback, type LoopbackListener } from './loopback.js';

interface SeenRequest {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Starts a target that records each request and responds 201 (POST) or 200 with a fixed JSON body. */
async function startEchoTarget(): Promise<LoopbackListener & { seen: SeenRequest[] }> {
  const seen: SeenRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response
        .writeHead(request.method === 'POST' ? 201 : 200, {
          'Content-Type': 'application/json',
          'X-RateLimit-Remaining': '7',
        })
        .end(JSON.stringify({ from: 'target' }));
    });
  });
  return { ...(await listenOnLoopback(server)), seen };
}

let target: Awaited<ReturnType<typeof startEchoTarget>>;
let proxy: FaultProxy;

beforeEach(async () => {
  target = await startEchoTarget();
  proxy = await startFaultProxy({ target: target.url });
});

afterEach(async () => {
  await proxy.close();
  await target.close();
});

describe('forwarding', () => {
  test('forwards a POST unchanged', async () => {
    const body = '{"name":"Acme","domains":["acme.com"],"unicode":"ü"}';
    const response = await fetch(`${proxy.url}/organizations?limit=5&after=org_1`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer sk_test_default',
        'Content-Type': 'application/json',
        'Idempotency-Key': 'create-acme-1',
        'X-Custom': 'kept',
      },
      body,
    });

    expect(response.status).toBe(201);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('7');
    expect(await response.json()).toEqual({ from: 'target' });
    expect(target.seen).toHaveLength(1);
    const [seen] = target.seen as [SeenRequest];
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/organizations?limit=5&after=org_1');
    expect(seen.body).toBe(body);
    expect(seen.headers.authorization).toBe('Bearer sk_test_default');
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers['idempotency-key']).toBe('create-acme-1');
    expect(seen.headers['x-custom']).toBe('kept');
    expect(seen.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  test('responds 502 when target is down', async () => {
    await target.close();

    const response = await fetch(`${proxy.url}/organizations`);

    expect(response.status).toBe(502);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe('bad_gateway');
    expect(body.message).toContain(new URL(target.url).origin);
  });

  test('rejects a target off loopback', async () => {
    await expect(startFaultProxy({ target: 'http://192.0.2.10:8080' })).rejects.toThrow(
      'The fault proxy target must be an http:// URL on a loopback address such as 127.0.0.1 (got http://192.0.2.10:8080/)',
    );
  });
});

describe('status faults', () => {
  test('queued 503 fails exactly one request', async () => {
    proxy.enqueue({ status: 503 });

    const first = await fetch(`${proxy.url}/organizations`);
    const second = await fetch(`${proxy.url}/organizations`);

    expect(first.status).toBe(503);
    expect(first.headers.get('x-request-id')).toBe('req_fault_1');
    expect(first.headers.get('content-type')).toBe('application/json');
    expect(await first.json()).toEqual({ message: 'Service Unavailable' });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ from: 'target' });
    expect(target.seen).toHaveLength(1);
    expect(proxy.pendingFaults()).toBe(0);
  });

  test('429 carries Retry-After and the given body', async () => {
    proxy.enqueue({
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { message: 'Too many requests', code: 'rate_limit_exceeded' },
    });

    const response = await fetch(`${proxy.url}/user_management/users`);

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('x-request-id')).toBe('req_fault_1');
    expect(await response.json()).toEqual({
      message: 'Too many requests',
      code: 'rate_limit_exceeded',
    });
    expect(target.seen).toHaveLength(0);
  });

  test('string body is sent as text', async () => {
    proxy.enqueue({ status: 500, body: 'upstream exploded' });

    const response = await fetch(`${proxy.url}/organizations`);

    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('upstream exploded');
  });

  test('faults apply in queue order', async () => {
    proxy.enqueue({ status: 429 }, { status: 502 });

    const statuses: number[] = [];
    for (let index = 0; index < 3; index++) {
      statuses.push((await fetch(`${proxy.url}/organizations`)).status);
    }

    expect(statuses).toEqual([429, 502, 200]);
  });

  test('rejects a status outside 100 to 599', () => {
    expect(() => proxy.enqueue({ status: 42 })).toThrow(
      'Fault status must be an HTTP status from 100 to 599 (got 42)',
    );
    expect(proxy.pendingFaults()).toBe(0);
  });
});

describe('matching', () => {
  test('method and path pick the request', async () => {
    proxy.enqueue({ status: 500, method: 'post', path: '/organizations' });

    const get = await fetch(`${proxy.url}/organizations`);
    const otherPath = await fetch(`${proxy.url}/organizations/org_1`, { method: 'POST' });
    expect(proxy.pendingFaults()).toBe(1);
    const matching = await fetch(`${proxy.url}/organizations?dry_run=1`, { method: 'POST' });

    expect(get.status).toBe(200);
    expect(otherPath.status).toBe(201);
    expect(matching.status).toBe(500);
    expect(proxy.pendingFaults()).toBe(0);
  });

  test('a pattern path matches by test', async () => {
    proxy.enqueue({ status: 503, path: /^\/user_management\/users\/[^/]+$/ });

    const list = await fetch(`${proxy.url}/user_management/users`);
    const one = await fetch(`${proxy.url}/user_management/users/user_1`);

    expect(list.status).toBe(200);
    expect(one.status).toBe(503);
  });

  test('an unmatched fault waits behind a later match', async () => {
    proxy.enqueue({ status: 500, path: '/events' }, { status: 503 });

    const response = await fetch(`${proxy.url}/organizations`);

    expect(response.status).toBe(503);
    expect(response.headers.get('x-request-id')).toBe('req_fault_1');
    expect(proxy.pendingFaults()).toBe(1);
  });
});

describe('connection faults', () => {
  test('reset fails the request, then forwarding resumes', async () => {
    proxy.enqueue({ kind: 'reset' });

    const failure = await fetch(`${proxy.url}/organizations`).catch((error: unknown) => error);
    const next = await fetch(`${proxy.url}/organizations`);

    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).cause).toMatchObject({ code: 'ECONNRESET' });
    expect(next.status).toBe(200);
    expect(target.seen).toHaveLength(1);
    expect(proxy.requests.map((request) => request.fault)).toEqual(['reset', undefined]);
  });

  test('hang holds the request until the client gives up', async () => {
    proxy.enqueue({ kind: 'hang' });

    const failure = await fetch(`${proxy.url}/organizations`, {
      signal: AbortSignal.timeout(150),
    }).catch((error: unknown) => error);

    expect((failure as Error).name).toBe('TimeoutError');
    expect(target.seen).toHaveLength(0);
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]?.fault).toBe('hang');
    expect(proxy.requests[0]?.status).toBeUndefined();
  });

  test('close ends a hanging request', async () => {
    proxy.enqueue({ kind: 'hang' });
    const pending = fetch(`${proxy.url}/organizations`).catch((error: unknown) => error);
    await expect.poll(() => proxy.requests.length).toBe(1);

    await proxy.close();

    expect(await pending).toBeInstanceOf(TypeError);
  });

  test('malformed sends the body exactly as written', async () => {
    proxy.enqueue({ kind: 'malformed', status: 200, body: 'not json' });

    const response = await fetch(`${proxy.url}/organizations`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toBe('req_fault_1');
    expect(await response.text()).toBe('not json');
  });
});

describe('recorded requests', () => {
  test('numbers attempts of one call', async () => {
    proxy.enqueue({ status: 503 }, { status: 429 });
    const headers = { Authorization: 'Bearer sk_test_default', 'X-Custom': 'kept' };

    for (let index = 0; index < 4; index++) {
      await fetch(`${proxy.url}/organizations?limit=1`, { headers });
    }
    await fetch(`${proxy.url}/organizations?limit=1`, {
      method: 'POST',
      headers: { 'Idempotency-Key': 'key-1' },
    });

    const summary = proxy.requests.map(({ attempt, method, path, status, requestId, fault }) => ({
      attempt,
      method,
      path,
      status,
      requestId,
      fault,
    }));
    expect(summary).toEqual([
      {
        attempt: 1,
        method: 'GET',
        path: '/organizations?limit=1',
        status: 503,
        requestId: 'req_fault_1',
        fault: 'status',
      },
      {
        attempt: 2,
        method: 'GET',
        path: '/organizations?limit=1',
        status: 429,
        requestId: 'req_fault_2',
        fault: 'status',
      },
      {
        attempt: 3,
        method: 'GET',
        path: '/organizations?limit=1',
        status: 200,
        requestId: undefined,
        fault: undefined,
      },
      {
        attempt: 1,
        method: 'GET',
        path: '/organizations?limit=1',
        status: 200,
        requestId: undefined,
        fault: undefined,
      },
      {
        attempt: 1,
        method: 'POST',
        path: '/organizations?limit=1',
        status: 201,
        requestId: undefined,
        fault: undefined,
      },
    ]);
  });

  test('headers omit Authorization', async () => {
    await fetch(`${proxy.url}/organizations`, {
      headers: { Authorization: 'Bearer sk_test_default', 'X-Custom': 'kept' },
    });

    const [recorded] = proxy.requests;
    expect(recorded?.headers).not.toHaveProperty('authorization');
    expect(recorded?.headers['x-custom']).toBe('kept');
    expect(target.seen[0]?.headers.authorization).toBe('Bearer sk_test_default');
  });

  test('time is when the request arrived', async () => {
    const before = Date.now();
    await fetch(`${proxy.url}/organizations`);
    const after = Date.now();

    const time = proxy.requests[0]?.time ?? 0;
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(after);
  });

  test('clearRequests forgets requests and attempts', async () => {
    proxy.enqueue({ status: 503 });
    await fetch(`${proxy.url}/organizations`);

    proxy.clearRequests();
    await fetch(`${proxy.url}/organizations`);

    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]?.attempt).toBe(1);
  });
});

test('proxy in front of the emulator', async () => {
  const emulator = await startEmulator({ seed: { organizations: [{ name: 'Acme' }] } });
  const emulatorProxy = await startFaultProxy({ target: emulator.url });
  try {
    emulatorProxy.enqueue({ status: 429, headers: { 'Retry-After': '1' } });
    const headers = { Authorization: `Bearer ${emulator.apiKey}` };

    const limited = await fetch(`${emulatorProxy.url}/organizations`, { headers });
    const listed = await fetch(`${emulatorProxy.url}/organizations`, { headers });

    expect(limited.status).toBe(429);
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { data: Array<{ name: string }> };
    expect(body.data.map((organization) => organization.name)).toEqual(['Acme']);
  } finally {
    await emulatorProxy.close();
    await emulator.close();
  }
});
