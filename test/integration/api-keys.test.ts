import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';

import { describe, expect, it } from 'vitest';

import { NotFoundError, SecretString } from '../../src/index.js';
import { exposeSecrets, sentRequests } from '../support/spec-assertions.js';
import { emulatorApiKey, emulatorClient, rejectionOf, useSpecServer } from './helpers.js';

// The emulator can delete and list API keys but cannot create one. Its POST /api_keys/validations
// reads `key` and returns `{ valid }`, where the spec sends `value` and returns `{ api_key }`.
// Creating, validating and the other listings go to the spec server.
const apiKey = emulatorApiKey(0);

describe('api keys on the emulator', () => {
  const workos = emulatorClient(0);

  it('deleteApiKey of a missing key is NotFoundError', async () => {
    const error = await rejectionOf(workos.apiKeys.deleteApiKey('api_key_missing'));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      method: 'DELETE',
      body: { message: 'ApiKey not found', code: 'not_found' },
    });
    expect((error as NotFoundError).requestId).toMatch(/^req_/);
    expect((error as NotFoundError).isNotFound()).toBe(true);
  });

  it('listOrganizationApiKeys of a new organization is empty', async () => {
    const org = await workos.organizations.createOrganization({
      name: `API keys ${randomUUID()}`,
    });

    const page = await workos.apiKeys.listOrganizationApiKeys(org.id, { limit: 5 });

    expect(page.object).toBe('list');
    expect(page.data).toEqual([]);
    expect(page.list_metadata).toEqual({ before: null, after: null });
    expect(page.hasNextPage()).toBe(false);
  });
});

describe('api keys on the spec server', () => {
  const spec = useSpecServer({ apiKey, clearRequests: true });

  it('createOrganizationApiKey wraps the key value', async () => {
    const created = await spec.workos.apiKeys.createOrganizationApiKey('org 1', {
      name: 'CI deploys',
      permissions: ['posts:read'],
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'POST',
        path: '/organizations/org%201/api_keys',
        query: {},
        body: { name: 'CI deploys', permissions: ['posts:read'] },
      },
    ]);
    expect(created.value).toBeInstanceOf(SecretString);
    expect(created.value.expose()).toBe('sk_abcdefghijklmnop123456');
    expect(String(created.value)).toBe('[REDACTED]');
    expect(inspect(created)).not.toContain('sk_abcdefghijklmnop123456');
    expect(JSON.stringify(created)).toContain('"value":"[REDACTED]"');
    expect(JSON.stringify(created)).not.toContain('sk_abcdefghijklmnop123456');
    expect(exposeSecrets(created)).toEqual(
      spec.server.exampleResponse('POST', '/organizations/{organizationId}/api_keys'),
    );
  });

  it('validateApiKey sends the created value', async () => {
    const created = await spec.workos.apiKeys.createOrganizationApiKey('org_1', {
      name: 'CI deploys',
    });

    const validation = await spec.workos.apiKeys.validateApiKey({ value: created.value });

    // The SecretString goes back on the wire as its real value.
    expect(sentRequests(spec.server)[1]).toEqual({
      method: 'POST',
      path: '/api_keys/validations',
      query: {},
      body: { value: 'sk_abcdefghijklmnop123456' },
    });
    expect(validation).toEqual(spec.server.exampleResponse('POST', '/api_keys/validations'));
    expect(validation.api_key?.obfuscated_value).toBe('sk_...3456');
  });

  it('listOrganizationApiKeys sends cursors', async () => {
    const page = await spec.workos.apiKeys.listOrganizationApiKeys('org_1', {
      limit: 2,
      order: 'asc',
      after: 'api_key_1',
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'GET',
        path: '/organizations/org_1/api_keys',
        query: { limit: '2', order: 'asc', after: 'api_key_1' },
        body: undefined,
      },
    ]);
    const example = spec.server.exampleResponse('GET', '/organizations/{organizationId}/api_keys');
    expect({ object: page.object, data: page.data, list_metadata: page.list_metadata }).toEqual(
      example,
    );
  });

  it('createUserApiKey wraps the key value', async () => {
    const created = await spec.workos.apiKeys.createUserApiKey('user_1', {
      name: 'Laptop',
      organization_id: 'org_1',
      permissions: ['posts:write'],
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'POST',
        path: '/user_management/users/user_1/api_keys',
        query: {},
        body: { name: 'Laptop', organization_id: 'org_1', permissions: ['posts:write'] },
      },
    ]);
    expect(created.value).toBeInstanceOf(SecretString);
    expect(JSON.stringify(created)).toContain('"value":"[REDACTED]"');
    expect(exposeSecrets(created)).toEqual(
      spec.server.exampleResponse('POST', '/user_management/users/{userId}/api_keys'),
    );
  });

  it('listUserApiKeys filters by organization', async () => {
    const page = await spec.workos.apiKeys.listUserApiKeys('user_1', {
      organization_id: 'org_1',
      limit: 3,
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'GET',
        path: '/user_management/users/user_1/api_keys',
        query: { organization_id: 'org_1', limit: '3' },
        body: undefined,
      },
    ]);
    const example = spec.server.exampleResponse('GET', '/user_management/users/{userId}/api_keys');
    expect({ object: page.object, data: page.data, list_metadata: page.list_metadata }).toEqual(
      example,
    );
  });

  it('deleteApiKey sends DELETE and resolves empty', async () => {
    const result = await spec.workos.apiKeys.deleteApiKey('api_key_1');

    expect(sentRequests(spec.server)).toEqual([
      { method: 'DELETE', path: '/api_keys/api_key_1', query: {}, body: undefined },
    ]);
    expect(result).toBeUndefined();
  });
});
