import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { NotFoundError, SecretString } from '../../src/index.js';
import { exposeSecrets, sentRequests } from '../support/spec-assertions.js';
import { emulatorApiKey, emulatorClient, rejectionOf, useSpecServer } from './helpers.js';

// The emulator's /data-integrations routes are an OAuth code flow (a GET authorize redirect and
// a token exchange that requires `code`), where the spec has a POST that returns an authorization
// URL and a token call that takes `user_id`. It cannot create connected accounts and has no
// DELETE for them. Those calls go to the spec server.
const apiKey = emulatorApiKey(8);

describe('pipes on the emulator', () => {
  const workos = emulatorClient(8);

  it('getConnectedAccount of an unconnected user is NotFoundError', async () => {
    const user = await workos.userManagement.createUser({
      email: `pipes-${randomUUID()}@example.com`,
    });

    const error = await rejectionOf(workos.pipes.getConnectedAccount(user.id, 'github'));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      body: { message: 'Connected Account not found', code: 'not_found' },
    });
  });

  it('getConnectedAccount of a missing user is NotFoundError', async () => {
    const error = await rejectionOf(workos.pipes.getConnectedAccount('user_missing', 'github'));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ body: { message: 'User not found' } });
  });

  it('listProviders of a new user is empty', async () => {
    const user = await workos.userManagement.createUser({
      email: `providers-${randomUUID()}@example.com`,
    });

    const providers = await workos.pipes.listProviders(user.id);

    expect(providers).toEqual({
      object: 'list',
      data: [],
      list_metadata: { before: null, after: null },
    });
  });
});

describe('pipes on the spec server', () => {
  const spec = useSpecServer({ apiKey, clearRequests: true });

  it('authorizeDataIntegration sends the user', async () => {
    const result = await spec.workos.pipes.authorizeDataIntegration('github', {
      user_id: 'user_1',
      organization_id: 'org_1',
      return_to: 'https://app.example/integrations',
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'POST',
        path: '/data-integrations/github/authorize',
        query: {},
        body: {
          user_id: 'user_1',
          organization_id: 'org_1',
          return_to: 'https://app.example/integrations',
        },
      },
    ]);
    expect(result).toEqual(
      spec.server.exampleResponse('POST', '/data-integrations/{slug}/authorize'),
    );
  });

  it('getAccessToken wraps the nested token', async () => {
    const result = await spec.workos.pipes.getAccessToken('github', { user_id: 'user_1' });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'POST',
        path: '/data-integrations/github/token',
        query: {},
        body: { user_id: 'user_1' },
      },
    ]);
    if (!result.active) throw new Error('The spec example should be an active token');
    expect(result.access_token.access_token).toBeInstanceOf(SecretString);
    expect(result.access_token.access_token.expose()).toBe(
      'gho_16C7e42F292c6912E7710c838347Ae178B4a',
    );
    expect(JSON.stringify(result)).toContain('"access_token":"[REDACTED]"');
    expect(JSON.stringify(result)).not.toContain('gho_');
    expect(exposeSecrets(result)).toEqual(
      spec.server.exampleResponse('POST', '/data-integrations/{slug}/token'),
    );
  });

  it('getConnectedAccount encodes both path parameters', async () => {
    const account = await spec.workos.pipes.getConnectedAccount('user 1', 'google/drive', {
      organization_id: 'org_1',
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'GET',
        path: '/user_management/users/user%201/connected_accounts/google%2Fdrive',
        query: { organization_id: 'org_1' },
        body: undefined,
      },
    ]);
    expect(account).toEqual(
      spec.server.exampleResponse(
        'GET',
        '/user_management/users/{user_id}/connected_accounts/{slug}',
      ),
    );
  });

  it('deleteConnectedAccount sends DELETE', async () => {
    const result = await spec.workos.pipes.deleteConnectedAccount('user_1', 'slack', {
      organization_id: 'org_1',
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'DELETE',
        path: '/user_management/users/user_1/connected_accounts/slack',
        query: { organization_id: 'org_1' },
        body: undefined,
      },
    ]);
    expect(result).toBeUndefined();
  });

  it('listProviders returns providers and accounts', async () => {
    const providers = await spec.workos.pipes.listProviders('user_1', { organization_id: 'org_1' });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'GET',
        path: '/user_management/users/user_1/data_providers',
        query: { organization_id: 'org_1' },
        body: undefined,
      },
    ]);
    expect(providers).toEqual(
      spec.server.exampleResponse('GET', '/user_management/users/{user_id}/data_providers'),
    );
  });
});
