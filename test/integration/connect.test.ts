import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

import {
  NotFoundError,
  SecretString,
  UnprocessableEntityError,
  WorkOS,
  type ConnectApplication,
} from '../../src/index.js';
import { exposeSecrets, sentRequests } from '../support/spec-assertions.js';
import { startSpecServer, type SpecServer } from '../support/spec-server.js';

// The emulator has no PUT or DELETE /connect/applications/{id}, no GET .../client_secrets and
// no POST /authkit/oauth2/complete. Its POST .../client_secrets returns `value` and
// `last_four` where the spec has `secret` and `secret_hint`. Those calls go to the spec server.
const emulator = inject('emulator');
const apiKey = emulator.apiKeys[8] as string;

describe('connect applications on the emulator', () => {
  const workos = new WorkOS({ apiKey, baseUrl: emulator.url });

  it('createApplication then getApplication', async () => {
    const name = `Reporting ${randomUUID()}`;

    const created = await workos.connect.createApplication({
      name,
      application_type: 'oauth',
      is_first_party: true,
      redirect_uris: [{ uri: 'http://127.0.0.1:3000/callback', default: true }],
    });
    const fetched = await workos.connect.getApplication(created.id);

    expect(created).toMatchObject({
      object: 'connect_application',
      name,
      redirect_uris: [{ uri: 'http://127.0.0.1:3000/callback', default: true }],
    });
    expect(created.id).toMatch(/^connect_app_/);
    expect(created.client_id).toMatch(/^client_/);
    expect(fetched).toEqual(created);
  });

  it('listApplications pages created applications', async () => {
    const prefix = `Paged ${randomUUID()}`;
    const created: ConnectApplication[] = [];
    for (const label of ['a', 'b', 'c']) {
      created.push(
        await workos.connect.createApplication({
          name: `${prefix} ${label}`,
          application_type: 'm2m',
          organization_id: 'org_connect',
        }),
      );
    }

    const listed: string[] = [];
    for await (const app of workos.connect.listApplications({ limit: 2, order: 'asc' })) {
      if (app.name.startsWith(prefix)) listed.push(app.id);
    }

    expect(listed).toEqual(created.map((app) => app.id));
  });

  it('getApplication of a missing id is NotFoundError', async () => {
    const error = await workos.connect
      .getApplication('connect_app_missing')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      body: { message: 'ConnectApplication not found', code: 'not_found' },
    });
  });

  it('blank name is 422', async () => {
    const error = await workos.connect
      .createApplication({ name: '   ', application_type: 'oauth', is_first_party: true })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      status: 422,
      errors: [{ field: 'name', code: 'required' }],
    });
  });

  it('deleteClientSecret revokes a created secret', async () => {
    const app = await workos.connect.createApplication({
      name: `Secrets ${randomUUID()}`,
      application_type: 'oauth',
      is_first_party: true,
    });
    const secret = await workos.connect.createApplicationClientSecret(app.id);

    const result = await workos.connect.deleteClientSecret(secret.id);

    expect(secret.id).toMatch(/^client_secret_/);
    expect(result).toBeUndefined();
    const again = await workos.connect.deleteClientSecret(secret.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(NotFoundError);
    expect(again).toMatchObject({ body: { message: 'ClientSecret not found' } });
  });
});

describe('connect on the spec server', () => {
  let server: SpecServer;
  let workos: WorkOS;

  beforeAll(async () => {
    server = await startSpecServer({ apiKeys: [apiKey] });
    workos = new WorkOS({ apiKey, baseUrl: server.url });
  });

  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
  });

  it('updateApplication sends PUT', async () => {
    const updated = await workos.connect.updateApplication('conn_app_1', {
      name: 'Renamed',
      scopes: ['openid'],
      redirect_uris: [{ uri: 'https://app.example/callback', default: true }],
    });

    expect(sentRequests(server)).toEqual([
      {
        method: 'PUT',
        path: '/connect/applications/conn_app_1',
        query: {},
        body: {
          name: 'Renamed',
          scopes: ['openid'],
          redirect_uris: [{ uri: 'https://app.example/callback', default: true }],
        },
      },
    ]);
    expect(updated).toEqual(server.exampleResponse('PUT', '/connect/applications/{id}'));
  });

  it('deleteApplication sends DELETE', async () => {
    const result = await workos.connect.deleteApplication('client_01/x');

    expect(sentRequests(server)).toEqual([
      { method: 'DELETE', path: '/connect/applications/client_01%2Fx', query: {}, body: undefined },
    ]);
    expect(result).toBeUndefined();
  });

  it('createApplicationClientSecret wraps the secret', async () => {
    const created = await workos.connect.createApplicationClientSecret('conn_app_1');

    expect(sentRequests(server)).toEqual([
      {
        method: 'POST',
        path: '/connect/applications/conn_app_1/client_secrets',
        query: {},
        body: {},
      },
    ]);
    expect(created.secret).toBeInstanceOf(SecretString);
    expect(JSON.stringify(created)).toContain('"secret":"[REDACTED]"');
    expect(exposeSecrets(created)).toEqual(
      server.exampleResponse('POST', '/connect/applications/{id}/client_secrets'),
    );
  });

  it('listApplicationClientSecrets returns an array', async () => {
    const secrets = await workos.connect.listApplicationClientSecrets('conn_app_1');

    expect(sentRequests(server)).toEqual([
      {
        method: 'GET',
        path: '/connect/applications/conn_app_1/client_secrets',
        query: {},
        body: undefined,
      },
    ]);
    expect(secrets).toEqual(
      server.exampleResponse('GET', '/connect/applications/{id}/client_secrets'),
    );
  });

  it('completeExternalAuthentication sends the user', async () => {
    const body = {
      external_auth_id: 'ext_auth_1',
      user: { id: 'ext_user_1', email: 'ada@example.com', first_name: 'Ada' },
    };

    const result = await workos.connect.completeExternalAuthentication(body);

    expect(sentRequests(server)).toEqual([
      { method: 'POST', path: '/authkit/oauth2/complete', query: {}, body },
    ]);
    expect(result).toEqual(server.exampleResponse('POST', '/authkit/oauth2/complete'));
  });
});
