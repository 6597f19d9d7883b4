import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { WorkOS, WorkOSConfigError } from '../../src/index.js';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server.js';

let server: ScriptedServer;

beforeAll(async () => {
  server = await startScriptedServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.requests.length = 0;
  server.handle(() => ({ status: 200, body: { id: 'org_1', object: 'organization' } }));
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('WorkOS', () => {
  it('accepts an API key as its only argument', async () => {
    vi.stubEnv('WORKOS_BASE_URL', server.url);
    const workos = new WorkOS('sk_test_shorthand');
    await workos.organizations.getOrganization('org_1');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk_test_shorthand');
  });

  it('reads missing options from the environment', async () => {
    vi.stubEnv('WORKOS_API_KEY', 'sk_test_env');
    vi.stubEnv('WORKOS_CLIENT_ID', 'client_env');
    vi.stubEnv('WORKOS_BASE_URL', server.url);
    const workos = new WorkOS();
    expect(workos.clientId).toBe('client_env');
    expect(workos.baseUrl).toBe(server.url);
    await workos.organizations.getOrganization('org_1');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk_test_env');
  });

  it('validates options at construction', () => {
    expect(() => new WorkOS({ apiKey: 'sk_test\n', baseUrl: server.url })).toThrow(
      WorkOSConfigError,
    );
    expect(() => new WorkOS({ apiKey: 'sk_test', baseUrl: '/relative' })).toThrow(
      'baseUrl "/relative" is not an absolute URL: use a value such as https://api.workos.com',
    );
  });

  it('withOptions derives a client and keeps the original', async () => {
    const workos = new WorkOS({
      apiKey: 'sk_test_base',
      baseUrl: server.url,
      headers: { 'X-A': '1' },
    });
    const derived = workos.withOptions({ apiKey: 'sk_test_derived', headers: { 'X-B': '2' } });

    await derived.organizations.getOrganization('org_1');
    await workos.organizations.getOrganization('org_1');

    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer sk_test_derived',
      'Bearer sk_test_base',
    ]);
    expect([server.requests[0]?.headers['x-a'], server.requests[0]?.headers['x-b']]).toEqual([
      '1',
      '2',
    ]);
    expect([server.requests[1]?.headers['x-a'], server.requests[1]?.headers['x-b']]).toEqual([
      '1',
      undefined,
    ]);
  });

  it('URL builders fill the configured client ID', () => {
    const workos = new WorkOS({ apiKey: 'sk_test', clientId: 'client_abc', baseUrl: server.url });
    const url = new URL(
      workos.sso.getAuthorizationUrl({
        redirect_uri: 'https://app.example/callback',
        connection: 'conn_1',
      }),
    );
    expect(url.origin + url.pathname).toBe(`${server.url}/sso/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      redirect_uri: 'https://app.example/callback',
      connection: 'conn_1',
      response_type: 'code',
      client_id: 'client_abc',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('URL builders need a client ID', () => {
    vi.stubEnv('WORKOS_CLIENT_ID', '');
    const workos = new WorkOS({ apiKey: 'sk_test', baseUrl: server.url });
    expect(() =>
      workos.userManagement.getAuthorizationUrl({
        provider: 'authkit',
        redirect_uri: 'https://app.example/cb',
      }),
    ).toThrow(
      '/user_management/authorize needs a client ID: pass clientId to new WorkOS() or set WORKOS_CLIENT_ID',
    );
  });

  it('path parameters cannot leave their segment', async () => {
    const workos = new WorkOS({ apiKey: 'sk_test', baseUrl: server.url });
    await workos.organizations.getOrganization('../users/a?b=c#d');
    expect(server.requests[0]?.url.pathname).toBe('/organizations/..%2Fusers%2Fa%3Fb%3Dc%23d');
    expect(server.requests[0]?.url.search).toBe('');
  });
});
