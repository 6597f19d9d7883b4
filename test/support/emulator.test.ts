import { connect } from 'node:net';

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';

import { DEFAULT_API_KEY, startEmulator, type RunningEmulator } from './emulator.js';

// Read before any emulator starts, because the Hono adapter can replace the global.
const globalResponse = globalThis.Response;

const started: RunningEmulator[] = [];

async function start(...args: Parameters<typeof startEmulator>): Promise<RunningEmulator> {
  const emulator = await startEmulator(...args);
  started.push(emulator);
  return emulator;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});

function get(emulator: RunningEmulator, path: string, apiKey = emulator.apiKey): Promise<Response> {
  return fetch(`${emulator.url}${path}`, { headers: { Authorization: `Bearer ${apiKey}` } });
}

/** Resolves with the socket error code, or 'connected'. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('shared emulator', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ extraApiKeys: 2 });
  });

  afterAll(() => emulator.close());

  test('listens on 127.0.0.1 only', async () => {
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    expect(await tryConnect('127.0.0.1', emulator.port)).toBe('connected');
    // A wildcard bind would also accept IPv6 loopback connections on the same port.
    expect(await tryConnect('::1', emulator.port)).not.toBe('connected');
  });

  test('accepts the default API key', async () => {
    const response = await get(emulator, '/organizations');

    expect(emulator.apiKey).toBe('sk_test_default');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      object: 'list',
      data: [],
      list_metadata: { before: null, after: null },
    });
  });

  test('seeds numbered extra API keys', async () => {
    expect(emulator.apiKeys).toEqual([DEFAULT_API_KEY, 'sk_test_extra_1', 'sk_test_extra_2']);
    for (const key of emulator.apiKeys) {
      expect((await get(emulator, '/organizations', key)).status).toBe(200);
    }
  });

  test('rejects an unknown API key', async () => {
    const response = await get(emulator, '/organizations', 'sk_test_extra_3');

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized', code: 'unauthorized' });
  });

  test('URLs it writes carry the real port', async () => {
    const response = await fetch(`${emulator.url}/user_management/invitations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${emulator.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'new@acme.com' }),
    });

    expect(response.status).toBe(201);
    const invitation = (await response.json()) as { accept_invitation_url: string; token: string };
    expect(invitation.accept_invitation_url).toBe(
      `${emulator.url}/user_management/invitations/accept?token=${invitation.token}`,
    );
  });

  test('health needs no API key', async () => {
    const response = await fetch(`${emulator.url}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('leaves the global Response alone', async () => {
    await get(emulator, '/organizations');

    expect(globalThis.Response).toBe(globalResponse);
  });
});

describe('startEmulator', () => {
  test('seeds named extra API keys', async () => {
    const emulator = await start({ extraApiKeys: ['sk_test_alpha', 'sk_test_beta'] });

    expect(emulator.apiKeys).toEqual([DEFAULT_API_KEY, 'sk_test_alpha', 'sk_test_beta']);
    expect((await get(emulator, '/organizations', 'sk_test_beta')).status).toBe(200);
  });

  test('counts each key against its own rate limit', async () => {
    const emulator = await start({ extraApiKeys: 1 });

    await get(emulator, '/organizations');
    const defaultKey = await get(emulator, '/organizations');
    const extraKey = await get(emulator, '/organizations', 'sk_test_extra_1');

    expect(defaultKey.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(defaultKey.headers.get('x-ratelimit-remaining')).toBe('998');
    expect(extraKey.headers.get('x-ratelimit-remaining')).toBe('999');
  });

  test('rejects bad extra API keys', async () => {
    await expect(startEmulator({ extraApiKeys: ['pk_test_1'] })).rejects.toThrow(
      'extraApiKeys entry "pk_test_1" must start with "sk_"',
    );
    await expect(startEmulator({ extraApiKeys: [DEFAULT_API_KEY] })).rejects.toThrow(
      'extraApiKeys lists "sk_test_default" twice or repeats the default key',
    );
    await expect(startEmulator({ extraApiKeys: -1 })).rejects.toThrow(
      'extraApiKeys must be a whole number of keys, 0 or more (got -1)',
    );
  });

  test('seed data is listed', async () => {
    const emulator = await start({
      seed: {
        organizations: [{ name: 'Acme', domains: [{ domain: 'acme.com', state: 'verified' }] }],
        users: [{ email: 'ada@acme.com', first_name: 'Ada' }],
      },
    });

    const organizations = (await (await get(emulator, '/organizations')).json()) as {
      data: Array<{ name: string; domains: Array<{ domain: string; state: string }> }>;
    };
    const users = (await (await get(emulator, '/user_management/users')).json()) as {
      data: Array<{ email: string; first_name: string }>;
    };

    expect(organizations.data.map(({ name }) => name)).toEqual(['Acme']);
    expect(organizations.data[0]?.domains).toMatchObject([
      { domain: 'acme.com', state: 'verified' },
    ]);
    expect(users.data.map(({ email, first_name }) => ({ email, first_name }))).toEqual([
      { email: 'ada@acme.com', first_name: 'Ada' },
    ]);
  });

  test('reset restores the seed', async () => {
    const emulator = await start({ seed: { organizations: [{ name: 'Seeded' }] } });
    await fetch(`${emulator.url}/organizations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${emulator.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Created' }),
    });

    emulator.reset();

    const body = (await (await get(emulator, '/organizations')).json()) as {
      data: Array<{ name: string }>;
    };
    expect(body.data.map(({ name }) => name)).toEqual(['Seeded']);
  });

  test('close stops the server', async () => {
    const emulator = await startEmulator();

    await emulator.close();

    expect(await tryConnect('127.0.0.1', emulator.port)).toBe('ECONNREFUSED');
  });
});
