import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { SecretString } from '../../src/core/secret.js';
import { exposeSecrets, sentRequests } from './spec-assertions.js';
import { startSpecServer, type SpecServer } from './spec-server.js';

describe('exposeSecrets', () => {
  test('replaces secrets at any depth', () => {
    const parsed = {
      token: new SecretString('tok_1'),
      nested: { list: [{ secret: new SecretString('s_1'), id: 'a' }], count: 2, none: null },
    };

    expect(exposeSecrets(parsed)).toEqual({
      token: 'tok_1',
      nested: { list: [{ secret: 's_1', id: 'a' }], count: 2, none: null },
    });
  });

  test('tells different secrets apart', () => {
    expect(exposeSecrets({ value: new SecretString('a') })).not.toEqual({ value: 'b' });
  });
});

describe('sentRequests', () => {
  let server: SpecServer;

  beforeAll(async () => {
    server = await startSpecServer();
  });

  afterAll(() => server.close());

  test('keeps method, path, query and body', async () => {
    await fetch(`${server.url}/organizations/org%201?limit=2`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer sk_test_default', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Acme' }),
    });

    expect(sentRequests(server)).toEqual([
      {
        method: 'PUT',
        path: '/organizations/org%201',
        query: { limit: '2' },
        body: { name: 'Acme' },
      },
    ]);
  });
});
