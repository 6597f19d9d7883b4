import { describe, expect, it } from 'vitest';

import { BadRequestError, NotFoundError, SecretString } from '../../src/index.js';
import { exposeSecrets } from '../support/spec-assertions.js';
import { emulatorClient, lastRequest, rejectionOf, useSpecServer } from './helpers.js';

const workos = emulatorClient(3, { clientId: 'client_mfa' });

async function enrollTotp(): Promise<string> {
  const factor = await workos.mfa.enrollFactor({
    type: 'totp',
    totp_issuer: 'Acme',
    totp_user: `${crypto.randomUUID()}@example.com`,
  });
  return factor.id;
}

describe('mfa factors', () => {
  it('enrollFactor creates a TOTP factor', async () => {
    const totpUser = `ada-${crypto.randomUUID()}@example.com`;

    const factor = await workos.mfa.enrollFactor({
      type: 'totp',
      totp_issuer: 'Acme Corp',
      totp_user: totpUser,
    });

    expect(factor.id).toMatch(/^auth_factor_/);
    expect(factor).toMatchObject({
      object: 'authentication_factor',
      type: 'totp',
      totp: { issuer: 'Acme Corp', user: totpUser },
    });
    expect(factor.totp?.uri).toMatch(
      new RegExp(`^otpauth://totp/Acme%20Corp:${encodeURIComponent(totpUser)}\\?secret=`),
    );
    expect(await workos.mfa.getFactor(factor.id)).toEqual(factor);
  });

  it('getFactor of a missing id is NotFoundError', async () => {
    const error = await rejectionOf(workos.mfa.getFactor('auth_factor_missing'));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
    expect((error as NotFoundError).message).toContain('AuthenticationFactor not found');
  });

  it('deleteFactor makes it NotFoundError', async () => {
    const factorId = await enrollTotp();

    expect(await workos.mfa.deleteFactor(factorId)).toBeUndefined();

    const error = await rejectionOf(workos.mfa.getFactor(factorId));
    expect(error).toBeInstanceOf(NotFoundError);
    const challenge = await rejectionOf(workos.mfa.challengeFactor(factorId));
    expect(challenge).toBeInstanceOf(NotFoundError);
  });
});

describe('mfa challenges', () => {
  it('challengeFactor creates a pending challenge', async () => {
    const factorId = await enrollTotp();
    const before = Date.now();

    const challenge = await workos.mfa.challengeFactor(factorId);

    expect(challenge.id).toMatch(/^auth_challenge_/);
    expect(challenge.object).toBe('authentication_challenge');
    // NOTE: the emulator names the factor `factor_id`; the spec says `authentication_factor_id`.
    expect((challenge as unknown as { factor_id: string }).factor_id).toBe(factorId);
    // The emulator keeps the one-time code to itself, as the API does for TOTP factors.
    expect(challenge.code).toBeUndefined();
    const expiresInMinutes = (Date.parse(challenge.expires_at ?? '') - before) / 60_000;
    expect(expiresInMinutes).toBeGreaterThan(9);
    expect(expiresInMinutes).toBeLessThanOrEqual(10.1);
  });

  it('verifyChallenge rejects a wrong code', async () => {
    const challenge = await workos.mfa.challengeFactor(await enrollTotp());

    // The emulator's codes run from 100000 to 999999.
    const error = await rejectionOf(workos.mfa.verifyChallenge(challenge.id, { code: '000000' }));

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_one_time_code' });
  });

  it('verifyChallenge of a missing challenge is NotFoundError', async () => {
    const error = await rejectionOf(
      workos.mfa.verifyChallenge('auth_challenge_missing', { code: '123456' }),
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain('AuthenticationChallenge not found');
  });
});

// The emulator never reveals a challenge's code and returns no TOTP secret, so a successful
// verification and the secret's redaction are checked against the spec's own examples.
describe('mfa on the spec server', () => {
  const spec = useSpecServer();

  it('enrollFactor wraps the TOTP secret', async () => {
    const factor = await spec.workos.mfa.enrollFactor({
      type: 'totp',
      totp_issuer: 'Acme',
      totp_user: 'ada@example.com',
    });

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'POST',
      path: '/auth/factors/enroll',
      query: {},
    });
    expect(lastRequest(spec.server).body).toEqual({
      type: 'totp',
      totp_issuer: 'Acme',
      totp_user: 'ada@example.com',
    });
    expect(factor.totp?.secret).toBeInstanceOf(SecretString);
    expect(JSON.stringify(factor)).toContain('"secret":"[REDACTED]"');
    expect(exposeSecrets(factor)).toEqual(
      spec.server.exampleResponse('POST', '/auth/factors/enroll'),
    );
  });

  it('challengeFactor sends the SMS template', async () => {
    const challenge = await spec.workos.mfa.challengeFactor('auth_factor_1', {
      sms_template: 'Your code is {{code}}',
    });

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'POST',
      path: '/auth/factors/auth_factor_1/challenge',
      body: { sms_template: 'Your code is {{code}}' },
    });
    expect(challenge).toEqual(spec.server.exampleResponse('POST', '/auth/factors/{id}/challenge'));
  });

  it('verifyChallenge sends the code', async () => {
    const result = await spec.workos.mfa.verifyChallenge('auth_challenge_1/x', { code: '123456' });

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'POST',
      path: '/auth/challenges/auth_challenge_1%2Fx/verify',
      body: { code: '123456' },
    });
    expect(result).toEqual(spec.server.exampleResponse('POST', '/auth/challenges/{id}/verify'));
    expect(result.valid).toBe(true);
  });
});
