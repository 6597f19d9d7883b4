import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  NotFoundError,
  SecretString,
  UnprocessableEntityError,
  type ConnectApplication,
} from '../../src/index.js';
import { exposeSecrets, sentRequests } from '../support/spec-assertions.js';
import { emulatorApiKey, emulatorClient, rejectionOf, useSpecServer } from './helpers.js';

// The emulator has no PUT or DELETE /connect/applications/{id}, no GET .../client_secrets and
// no POST /authkit/oauth2/complete. Its POST .../client_secrets returns `value` and
// `last_four` where the spec has `secret` and `secret_hint`. Those calls go to the spec server.
const apiKey = emulatorApiKey(8);

describe('connect applications on the emulator', () => {
  const workos = emulatorClient(8);

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
    const error = await rejectionOf(workos.connect.getApplication('connect_app_missing'));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      body: { message: 'ConnectApplication not found', code: 'not_found' },
    });
  });

  it('blank name is 422', async () => {
    const error = await rejectionOf(
      workos.connect.createApplication({
        name: '   ',
        application_type: 'oauth',
        is_first_party: true,
      }),
    );

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
    const again = await rejectionOf(workos.connect.deleteClientSecret(secret.id));
    expect(again).toBeInstanceOf(NotFoundError);
    expect(again).toMatchObject({ body: { message: 'ClientSecret not found' } });
  });
});

describe('connect on the spec server', () => {
  const spec = useSpecServer({ apiKey, clearRequests: true });

  it('updateApplication sends PUT', async () => {
    const updated = await spec.workos.connect.updateApplication('conn_app_1', {
      name: 'Renamed',
      scopes: ['openid'],
      redirect_uris: [{ uri: 'https://app.example/callback', default: true }],
    });

    expect(sentRequests(spec.server)).toEqual([
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
    expect(updated).toEqual(spec.server.exampleResponse('PUT', '/connect/applications/{id}'));
  });

  it('deleteApplication sends DELETE', async () => {
    const result = await spec.workos.connect.deleteApplication('client_01/x');

    expect(sentRequests(spec.server)).toEqual([
      { method: 'DELETE', path: '/connect/applications/client_01%2Fx', query: {}, body: undefined },
    ]);
    expect(result).toBeUndefined();
  });

  it('createApplicationClientSecret wraps the secret', async () => {
    const created = await spec.workos.connect.createApplicationClientSecret('conn_app_1');

    expect(sentRequests(spec.server)).toEqual([
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
      spec.server.exampleResponse('POST', '/connect/applications/{id}/client_secrets'),
    );
  });

  it('listApplicationClientSecrets returns an array', async () => {
    const secrets = await spec.workos.connect.listApplicationClientSecrets('conn_app_1');

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'GET',
        path: '/connect/applications/conn_app_1/client_secrets',
        query: {},
        body: undefined,
      },
    ]);
    expect(secrets).toEqual(
      spec.server.exampleResponse('GET', '/connect/applications/{id}/client_secrets'),
    );
  });

  it('completeExternalAuthentication sends the user', async () => {
    const body = {
      external_auth_id: 'ext_auth_1',
      user: { id: 'ext_user_1', email: 'ada@example.com', first_name: 'Ada' },
    };

    const result = await spec.workos.connect.completeExternalAuthentication(body);

    expect(sentRequests(spec.server)).toEqual([
      { method: 'POST', path: '/authkit/oauth2/complete', query: {}, body },
    ]);
    expect(result).toEqual(spec.server.exampleResponse('POST', '/authkit/oauth2/complete'));
  });
});
