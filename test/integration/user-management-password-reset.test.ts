import { describe, expect, it } from 'vitest';

import {
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  SecretString,
} from '../../src/index.js';
import { exposeSecrets } from '../support/spec-assertions.js';
import { emulatorClient, lastRequest, rejectionOf, uniqueEmail, useSpecServer } from './helpers.js';

const CLIENT_ID = 'client_user_management_password_reset';
const workos = emulatorClient(1, { clientId: CLIENT_ID });

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
    const old = await rejectionOf(
      workos.userManagement.authenticateWithPassword({ email, password: 'old-password' }),
    );
    expect(old).toBeInstanceOf(AuthenticationError);
  });

  it('resetPassword rejects an unknown token', async () => {
    const error = await rejectionOf(
      workos.userManagement.resetPassword({ token: 'missing', new_password: 'new-password' }),
    );

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_token' });
  });

  it('createPasswordReset of an unknown email is NotFoundError', async () => {
    const error = await rejectionOf(
      workos.userManagement.createPasswordReset({ email: uniqueEmail('nobody') }),
    );

    expect(error).toBeInstanceOf(NotFoundError);
  });
});

// The spec names the reset token `password_reset_token`, which the SDK redacts. The emulator
// names it `token`, so redaction is checked against the spec's own examples.
describe('userManagement password reset on the spec server', () => {
  const spec = useSpecServer({ clientId: CLIENT_ID });

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
