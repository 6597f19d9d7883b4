import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import {
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  SecretString,
  WorkOS,
} from '../../src/index.js';
import { exposeSecrets } from '../support/spec-assertions.js';
import { startSpecServer, type RecordedRequest, type SpecServer } from '../support/spec-server.js';

const emulator = inject('emulator');
const CLIENT_ID = 'client_user_management_password_reset';
const workos = new WorkOS({
  apiKey: emulator.apiKeys[1],
  baseUrl: emulator.url,
  clientId: CLIENT_ID,
});

function uniqueEmail(label: string): string {
  return `${label}-${crypto.randomUUID()}@example.com`;
}

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

// NOTE: the emulator names the password reset token `token`, where the spec says
// `password_reset_token`, so the SDK does not wrap it in a SecretString there.
interface EmulatorPasswordReset {
  token: string;
}

describe('userManagement password reset', () => {
  it('resetPassword replaces the password', async () => {
    const email = uniqueEmail('reset');
    const user = await workos.userManagement.createUser({ email, password: 'old-password' });

    const reset = await workos.userManagement.createPasswordReset({ email });

    expect(reset).toMatchObject({ object: 'password_reset', user_id: user.id, email });
    expect(reset.id).toMatch(/^password_reset_/);
    expect(await workos.userManagement.getPasswordReset(reset.id)).toEqual(reset);

    const { token } = reset as unknown as EmulatorPasswordReset;
    await workos.userManagement.resetPassword({
      token,
      new_password: new SecretString('new-password'),
    });

    const session = await workos.userManagement.authenticateWithPassword({
      email,
      password: 'new-password',
    });
    expect(session.user.id).toBe(user.id);
    const old = await errorFrom(
      workos.userManagement.authenticateWithPassword({ email, password: 'old-password' }),
    );
    expect(old).toBeInstanceOf(AuthenticationError);
  });

  it('resetPassword rejects an unknown token', async () => {
    const error = await errorFrom(
      workos.userManagement.resetPassword({ token: 'missing', new_password: 'new-password' }),
    );

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_token' });
  });

  it('createPasswordReset of an unknown email is NotFoundError', async () => {
    const error = await errorFrom(
      workos.userManagement.createPasswordReset({ email: uniqueEmail('nobody') }),
    );

    expect(error).toBeInstanceOf(NotFoundError);
  });
});

// The spec names the reset token `password_reset_token`, which the SDK redacts. The emulator
// names it `token`, so redaction is checked against the spec's own examples.
describe('userManagement password reset on the spec server', () => {
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

  it('createPasswordReset wraps the reset token', async () => {
    const reset = await spec.workos.userManagement.createPasswordReset({
      email: 'ada@example.com',
    });

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'POST',
      path: '/user_management/password_reset',
      body: { email: 'ada@example.com' },
    });
    expect(reset.password_reset_token).toBeInstanceOf(SecretString);
    expect(JSON.stringify(reset)).toContain('"password_reset_token":"[REDACTED]"');
    expect(exposeSecrets(reset)).toEqual(
      spec.server.exampleResponse('POST', '/user_management/password_reset'),
    );
  });

  it('getPasswordReset wraps the reset token', async () => {
    const reset = await spec.workos.userManagement.getPasswordReset('password_reset_1');

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'GET',
      path: '/user_management/password_reset/password_reset_1',
    });
    expect(reset.password_reset_token).toBeInstanceOf(SecretString);
    expect(exposeSecrets(reset)).toEqual(
      spec.server.exampleResponse('GET', '/user_management/password_reset/{id}'),
    );
  });

  it('resetPassword sends the secrets exposed', async () => {
    const result = await spec.workos.userManagement.resetPassword({
      token: new SecretString('reset_token_1'),
      new_password: new SecretString('new-password'),
    });

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'POST',
      path: '/user_management/password_reset/confirm',
    });
    expect(lastRequest(spec.server).body).toEqual({
      token: 'reset_token_1',
      new_password: 'new-password',
    });
    expect(result).toEqual(
      spec.server.exampleResponse('POST', '/user_management/password_reset/confirm'),
    );
  });
});
