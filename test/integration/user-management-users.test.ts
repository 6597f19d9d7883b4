import { beforeAll, describe, expect, it } from 'vitest';

import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  SecretString,
} from '../../src/index.js';
import { exposeSecrets } from '../support/spec-assertions.js';
import { emulatorClient, lastRequest, rejectionOf, uniqueEmail, useSpecServer } from './helpers.js';

const CLIENT_ID = 'client_user_management_users';
const workos = emulatorClient(1, { clientId: CLIENT_ID });

// NOTE: the emulator (workos 0.14.0) returns from POST /user_management/users/{id}/email_verification/send
// the email verification object, where the spec says `{ user }`, so tests read it in this shape.
interface EmulatorEmailVerification {
  object: 'email_verification';
  id: string;
  user_id: string;
  email: string;
  code: string;
}

describe('userManagement users', () => {
  it('createUser round-trips fields', async () => {
    const email = uniqueEmail('create');
    const externalId = `ext-${crypto.randomUUID()}`;

    const user = await workos.userManagement.createUser({
      email,
      first_name: 'Ada',
      last_name: 'Lovelace',
      external_id: externalId,
      metadata: { plan: 'pro' },
    });

    expect(user.id).toMatch(/^user_/);
    expect(user).toMatchObject({
      object: 'user',
      email,
      first_name: 'Ada',
      last_name: 'Lovelace',
      external_id: externalId,
      metadata: { plan: 'pro' },
      email_verified: false,
      last_sign_in_at: null,
    });
    expect(await workos.userManagement.getUser(user.id)).toEqual(user);
  });

  it('createUser rejects duplicate email', async () => {
    const email = uniqueEmail('duplicate');
    await workos.userManagement.createUser({ email });

    const error = await rejectionOf(workos.userManagement.createUser({ email }));

    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'user_already_exists' });
  });

  it('updateUser changes only given fields', async () => {
    const user = await workos.userManagement.createUser({
      email: uniqueEmail('update'),
      first_name: 'Grace',
      last_name: 'Hopper',
    });

    const updated = await workos.userManagement.updateUser(user.id, {
      first_name: 'Amazing Grace',
      metadata: { team: 'navy' },
    });

    expect(updated).toMatchObject({
      id: user.id,
      first_name: 'Amazing Grace',
      last_name: 'Hopper',
      metadata: { team: 'navy' },
    });
    expect(await workos.userManagement.getUser(user.id)).toEqual(updated);
  });

  it('updateUser sends a SecretString password', async () => {
    const email = uniqueEmail('password');
    const user = await workos.userManagement.createUser({ email });

    await workos.userManagement.updateUser(user.id, {
      password: new SecretString('correct horse battery staple'),
    });

    // The new password signs in only if the SDK sent the real value, not "[REDACTED]".
    const session = await workos.userManagement.authenticateWithPassword({
      email,
      password: 'correct horse battery staple',
    });
    expect(session.user.id).toBe(user.id);
    const redacted = await rejectionOf(
      workos.userManagement.authenticateWithPassword({ email, password: '[REDACTED]' }),
    );
    expect(redacted).toBeInstanceOf(AuthenticationError);
  });

  it('getUserByExternalId encodes the id', async () => {
    const externalId = `crm/üser 1?x#${crypto.randomUUID()}`;
    const user = await workos.userManagement.createUser({
      email: uniqueEmail('external'),
      external_id: externalId,
    });

    const found = await workos.userManagement.getUserByExternalId(externalId);

    expect(found.id).toBe(user.id);
    expect(found.external_id).toBe(externalId);
  });

  it('getUser of a missing id is NotFoundError', async () => {
    const error = await rejectionOf(workos.userManagement.getUser('user_missing'));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
    expect((error as NotFoundError).isNotFound()).toBe(true);
    expect((error as NotFoundError).message).toContain('User not found');
    expect((error as NotFoundError).requestId).toMatch(/^req_/);
  });

  it('deleteUser makes the user NotFoundError', async () => {
    const user = await workos.userManagement.createUser({ email: uniqueEmail('delete') });

    expect(await workos.userManagement.deleteUser(user.id)).toBeUndefined();

    const error = await rejectionOf(workos.userManagement.getUser(user.id));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
    const again = await rejectionOf(workos.userManagement.deleteUser(user.id));
    expect(again).toBeInstanceOf(NotFoundError);
  });
});

describe('userManagement.listUsers', () => {
  const userIds: string[] = [];
  let organizationId = '';

  beforeAll(async () => {
    const organization = await workos.organizations.createOrganization({
      name: `List users ${crypto.randomUUID()}`,
    });
    organizationId = organization.id;

    // Created one after another, so ascending order is creation order.
    for (let index = 0; index < 5; index++) {
      const user = await workos.userManagement.createUser({ email: uniqueEmail(`list${index}`) });
      await workos.userManagement.createOrganizationMembership({
        user_id: user.id,
        organization_id: organizationId,
      });
      userIds.push(user.id);
    }
  });

  it('listUsers returns one page', async () => {
    const page = await workos.userManagement.listUsers({
      organization_id: organizationId,
      limit: 2,
      order: 'asc',
    });

    expect(page.data.map((user) => user.id)).toEqual(userIds.slice(0, 2));
    expect(page.list_metadata.after).toBe(userIds[1]);
    expect(page.hasNextPage()).toBe(true);

    const second = await page.nextPage();
    expect(second.data.map((user) => user.id)).toEqual(userIds.slice(2, 4));
  });

  it('listUsers walks every page lazily', async () => {
    const urls: string[] = [];
    const traced = workos.withOptions({ hooks: { onRequest: (event) => urls.push(event.url) } });

    const seen: string[] = [];
    for await (const user of traced.userManagement.listUsers({
      organization_id: organizationId,
      limit: 2,
      order: 'asc',
    })) {
      seen.push(user.id);
    }

    expect(seen).toEqual(userIds);
    expect(urls.map((url) => new URL(url).searchParams.get('after'))).toEqual([
      null,
      userIds[1],
      userIds[3],
    ]);
  });

  it('listUsers filters by email', async () => {
    const user = await workos.userManagement.getUser(userIds[2] as string);

    const page = await workos.userManagement.listUsers({ email: user.email });

    expect(page.data).toEqual([user]);
    expect(page.hasNextPage()).toBe(false);
  });
});

describe('userManagement email verification', () => {
  it('verifyEmail confirms the emailed code', async () => {
    const user = await workos.userManagement.createUser({ email: uniqueEmail('verify') });

    const sent = (await workos.userManagement.sendVerificationEmail(
      user.id,
    )) as unknown as EmulatorEmailVerification;
    expect(sent).toMatchObject({
      object: 'email_verification',
      user_id: user.id,
      email: user.email,
    });
    expect(sent.code).toMatch(/^\d{6}$/);

    const stored = await workos.userManagement.getEmailVerification(sent.id);
    expect(stored).toMatchObject({
      object: 'email_verification',
      id: sent.id,
      user_id: user.id,
      email: user.email,
      code: sent.code,
    });

    await workos.userManagement.verifyEmail(user.id, { code: sent.code });
    expect((await workos.userManagement.getUser(user.id)).email_verified).toBe(true);

    // The code is spent once used.
    const reused = await rejectionOf(
      workos.userManagement.verifyEmail(user.id, { code: sent.code }),
    );
    expect(reused).toBeInstanceOf(BadRequestError);
    expect(reused).toMatchObject({ status: 400, code: 'invalid_code' });
  });

  it('verifyEmail rejects a wrong code', async () => {
    const user = await workos.userManagement.createUser({ email: uniqueEmail('wrong-code') });
    await workos.userManagement.sendVerificationEmail(user.id);

    // The emulator's codes run from 100000 to 999999.
    const error = await rejectionOf(workos.userManagement.verifyEmail(user.id, { code: '000000' }));

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_code' });
    expect((await workos.userManagement.getUser(user.id)).email_verified).toBe(false);
  });

  it('getEmailVerification of a missing id is NotFoundError', async () => {
    const error = await rejectionOf(
      workos.userManagement.getEmailVerification('email_verification_missing'),
    );

    expect(error).toBeInstanceOf(NotFoundError);
  });
});

describe('userManagement factors and applications', () => {
  it('enrollAuthFactor adds a TOTP factor', async () => {
    const user = await workos.userManagement.createUser({ email: uniqueEmail('factor') });

    await workos.userManagement.enrollAuthFactor(user.id, {
      totp_issuer: 'Acme',
      totp_user: user.email,
    });

    // NOTE: the emulator returns the factor itself, where the spec says
    // `{ authentication_factor, authentication_challenge }`, so the factor is read back by listing.
    const page = await workos.userManagement.listAuthFactors(user.id);
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({
      object: 'authentication_factor',
      type: 'totp',
      user_id: user.id,
      totp: { issuer: 'Acme', user: user.email },
    });
  });

  it('listAuthFactors of a missing user is NotFoundError', async () => {
    const error = await rejectionOf(workos.userManagement.listAuthFactors('user_missing'));

    expect(error).toBeInstanceOf(NotFoundError);
  });

  it('listAuthorizedApplications of a new user is empty', async () => {
    const user = await workos.userManagement.createUser({ email: uniqueEmail('apps') });

    const page = await workos.userManagement.listAuthorizedApplications(user.id);

    expect(page.data).toEqual([]);
    expect(page.hasNextPage()).toBe(false);
  });

  it('deleteAuthorizedApplication of a missing app is NotFoundError', async () => {
    const user = await workos.userManagement.createUser({ email: uniqueEmail('delete-app') });

    const error = await rejectionOf(
      workos.userManagement.deleteAuthorizedApplication(user.id, 'authorized_connect_app_missing'),
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain('Authorized Application not found');
  });

  it('getUserIdentities of a missing user is NotFoundError', async () => {
    const error = await rejectionOf(workos.userManagement.getUserIdentities('user_missing'));

    expect(error).toBeInstanceOf(NotFoundError);
  });
});

// The emulator has no email change routes, returns identities in a list envelope where the spec
// says a bare array, cannot create authorized applications, and shapes the enrollment response
// differently, so these calls are checked against the spec's own examples.
describe('userManagement users on the spec server', () => {
  const spec = useSpecServer({ clientId: CLIENT_ID });

  it('sendEmailChangeCode sends the new email', async () => {
    const change = await spec.workos.userManagement.sendEmailChangeCode('user_01/x', {
      new_email: 'new.email@example.com',
    });

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'POST',
      path: '/user_management/users/user_01%2Fx/email_change/send',
      query: {},
      body: { new_email: 'new.email@example.com' },
      headers: { authorization: 'Bearer sk_test_default' },
    });
    expect(change).toEqual(
      spec.server.exampleResponse('POST', '/user_management/users/{id}/email_change/send'),
    );
  });

  it('confirmEmailChange sends the code', async () => {
    const confirmation = await spec.workos.userManagement.confirmEmailChange('user_01', {
      code: '123456',
    });

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'POST',
      path: '/user_management/users/user_01/email_change/confirm',
      body: { code: '123456' },
    });
    expect(confirmation).toEqual(
      spec.server.exampleResponse('POST', '/user_management/users/{id}/email_change/confirm'),
    );
    expect(confirmation.user.email).toBe('new.email@example.com');
  });

  it('getUserIdentities returns the array', async () => {
    const identities = await spec.workos.userManagement.getUserIdentities('user_01');

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'GET',
      path: '/user_management/users/user_01/identities',
    });
    expect(identities).toEqual(
      spec.server.exampleResponse('GET', '/user_management/users/{id}/identities'),
    );
    expect(identities[0]).toMatchObject({ type: 'OAuth', provider: 'MicrosoftOAuth' });
  });

  it('listAuthorizedApplications sends the page query', async () => {
    const page = await spec.workos.userManagement.listAuthorizedApplications('user_01', {
      limit: 1,
      order: 'asc',
    });

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'GET',
      path: '/user_management/users/user_01/authorized_applications',
      query: { limit: '1', order: 'asc' },
    });
    const example = spec.server.exampleResponse(
      'GET',
      '/user_management/users/{user_id}/authorized_applications',
    ) as { data: unknown[]; list_metadata: unknown };
    expect(page.data).toEqual(example.data);
    expect(page.list_metadata).toEqual(example.list_metadata);
  });

  it('deleteAuthorizedApplication sends both ids', async () => {
    const result = await spec.workos.userManagement.deleteAuthorizedApplication(
      'user_01',
      'client_01/app',
    );

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'DELETE',
      path: '/user_management/users/user_01/authorized_applications/client_01%2Fapp',
      status: 204,
    });
    expect(result).toBeUndefined();
  });

  it('enrollAuthFactor wraps the TOTP secret', async () => {
    const enrolled = await spec.workos.userManagement.enrollAuthFactor('user_01', {
      totp_issuer: 'Acme',
      totp_user: 'ada@example.com',
    });

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'POST',
      path: '/user_management/users/user_01/auth_factors',
      body: { totp_issuer: 'Acme', totp_user: 'ada@example.com', type: 'totp' },
    });
    const secret = enrolled.authentication_factor.totp?.secret;
    expect(secret).toBeInstanceOf(SecretString);
    expect(JSON.stringify(enrolled.authentication_factor.totp)).toContain('"secret":"[REDACTED]"');
    expect(exposeSecrets(enrolled)).toEqual(
      spec.server.exampleResponse('POST', '/user_management/users/{userlandUserId}/auth_factors'),
    );
  });

  it('enrollAuthFactor sends a given TOTP secret', async () => {
    await spec.workos.userManagement.enrollAuthFactor('user_01', {
      totp_secret: new SecretString('JBSWY3DPEHPK3PXP'),
    });

    expect(lastRequest(spec.server).body).toEqual({
      totp_secret: 'JBSWY3DPEHPK3PXP',
      type: 'totp',
    });
  });
});
