import { describe, expect, it } from 'vitest';

import { UnprocessableEntityError } from '../../src/index.js';
import { emulatorClient, lastRequest, rejectionOf, useSpecServer } from './helpers.js';

const CLIENT_ID = 'client_user_management_environment';
const workos = emulatorClient(1, { clientId: CLIENT_ID });

describe('userManagement environment settings', () => {
  it('createRedirectUri rejects a duplicate', async () => {
    const uri = `http://127.0.0.1:9/callback/${crypto.randomUUID()}`;

    const redirectUri = await workos.userManagement.createRedirectUri({ uri });

    expect(redirectUri).toMatchObject({ object: 'redirect_uri', uri });
    expect(redirectUri.id).toMatch(/^redir_/);
    const duplicate = await rejectionOf(workos.userManagement.createRedirectUri({ uri }));
    expect(duplicate).toBeInstanceOf(UnprocessableEntityError);
    expect(duplicate).toMatchObject({ status: 422, code: 'redirect_uri_already_exists' });
  });

  it('createCorsOrigin rejects a duplicate', async () => {
    const origin = `https://${crypto.randomUUID()}.example.com`;

    const corsOrigin = await workos.userManagement.createCorsOrigin({ origin });

    expect(corsOrigin).toMatchObject({ object: 'cors_origin', origin });
    expect(corsOrigin.id).toMatch(/^cors_/);
    const duplicate = await rejectionOf(workos.userManagement.createCorsOrigin({ origin }));
    expect(duplicate).toBeInstanceOf(UnprocessableEntityError);
    expect(duplicate).toMatchObject({ status: 422, code: 'cors_origin_already_exists' });
  });
});

// The emulator stores JWT templates as `custom_claims`, where the spec has a `content` string,
// so the template calls are checked against the spec's own examples.
describe('userManagement JWT template on the spec server', () => {
  const spec = useSpecServer({ clientId: CLIENT_ID });

  it('getJwtTemplate reads the template', async () => {
    const template = await spec.workos.userManagement.getJwtTemplate();

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'GET',
      path: '/user_management/jwt_template',
    });
    expect(template).toEqual(spec.server.exampleResponse('GET', '/user_management/jwt_template'));
  });

  it('updateJwtTemplate sends the content with PUT', async () => {
    const content = '{"urn:acme:email": "{{user.email}}"}';

    const template = await spec.workos.userManagement.updateJwtTemplate({ content });

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'PUT',
      path: '/user_management/jwt_template',
      body: { content },
    });
    expect(template).toEqual(spec.server.exampleResponse('PUT', '/user_management/jwt_template'));
  });
});
