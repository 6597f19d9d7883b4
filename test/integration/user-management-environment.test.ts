import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { UnprocessableEntityError, WorkOS } from '../../src/index.js';
import { startSpecServer, type RecordedRequest, type SpecServer } from '../support/spec-server.js';

const emulator = inject('emulator');
const CLIENT_ID = 'client_user_management_environment';
const workos = new WorkOS({
  apiKey: emulator.apiKeys[1],
  baseUrl: emulator.url,
  clientId: CLIENT_ID,
});

/** Returns what a call rejected with, or fails the test when it resolved. */
async function errorFrom(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to reject, but it resolved');
}

function lastRequest(server: SpecServer): RecordedRequest {
  const request = server.requests.at(-1);
  if (!request) throw new Error('The spec server received no request');
  return request;
}

describe('userManagement environment settings', () => {
  it('createRedirectUri rejects a duplicate', async () => {
    const uri = `http://127.0.0.1:9/callback/${crypto.randomUUID()}`;

    const redirectUri = await workos.userManagement.createRedirectUri({ uri });

    expect(redirectUri).toMatchObject({ object: 'redirect_uri', uri });
    expect(redirectUri.id).toMatch(/^redir_/);
    const duplicate = await errorFrom(workos.userManagement.createRedirectUri({ uri }));
    expect(duplicate).toBeInstanceOf(UnprocessableEntityError);
    expect(duplicate).toMatchObject({ status: 422, code: 'redirect_uri_already_exists' });
  });

  it('createCorsOrigin rejects a duplicate', async () => {
    const origin = `https://${crypto.randomUUID()}.example.com`;

    const corsOrigin = await workos.userManagement.createCorsOrigin({ origin });

    expect(corsOrigin).toMatchObject({ object: 'cors_origin', origin });
    expect(corsOrigin.id).toMatch(/^cors_/);
    const duplicate = await errorFrom(workos.userManagement.createCorsOrigin({ origin }));
    expect(duplicate).toBeInstanceOf(UnprocessableEntityError);
    expect(duplicate).toMatchObject({ status: 422, code: 'cors_origin_already_exists' });
  });
});

// The emulator stores JWT templates as `custom_claims`, where the spec has a `content` string,
// so the template calls are checked against the spec's own examples.
describe('userManagement JWT template on the spec server', () => {
  let spec: { server: SpecServer; workos: WorkOS };

  beforeAll(async () => {
    const server = await startSpecServer();
    spec = {
      server,
      workos: new WorkOS({ apiKey: 'sk_test_default', baseUrl: server.url, clientId: CLIENT_ID }),
    };
  });

  afterAll(async () => {
    await spec.server.close();
  });

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
