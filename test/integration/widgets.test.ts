import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';

import { describe, expect, inject, it } from 'vitest';

import { SecretString, UnprocessableEntityError } from '../../src/index.js';
import { emulatorClient, rejectionOf } from './helpers.js';

const emulator = inject('emulator');
const workos = emulatorClient(8);

function decodeSegment(segment: string): unknown {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

/** Checks an RS256 JWT against the emulator's JWKS. */
async function verifiedByEmulator(token: string): Promise<boolean> {
  const response = await fetch(`${emulator.url}/sso/jwks/client_widgets`);
  const { keys } = (await response.json()) as { keys: JsonWebKey[] };
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const key = await crypto.subtle.importKey(
    'jwk',
    keys[0] as JsonWebKey,
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  return crypto.subtle.verify(
    'RSASSA-PKCS1-v1_5',
    key,
    Buffer.from(signature, 'base64url'),
    new TextEncoder().encode(`${header}.${payload}`),
  );
}

describe('getToken on the emulator', () => {
  it('returns a redacted widget token', async () => {
    const suffix = randomUUID();
    const org = await workos.organizations.createOrganization({ name: `Widgets ${suffix}` });
    const user = await workos.userManagement.createUser({ email: `widgets-${suffix}@example.com` });

    const result = await workos.widgets.getToken({
      organization_id: org.id,
      user_id: user.id,
      scopes: ['widgets:users-table:manage', 'widgets:sso:manage'],
    });

    expect(result.token).toBeInstanceOf(SecretString);
    expect(JSON.stringify(result)).toBe('{"token":"[REDACTED]"}');
    expect(`${result.token}`).toBe('[REDACTED]');
    expect(inspect(result)).toBe('{ token: SecretString([REDACTED]) }');

    const token = result.token.expose();
    const [, payload] = token.split('.') as [string, string];
    expect(decodeSegment(payload)).toMatchObject({
      sub: user.id,
      org_id: org.id,
      aud: 'widgets',
      scopes: ['widgets:users-table:manage', 'widgets:sso:manage'],
      iss: emulator.url,
    });
    expect(await verifiedByEmulator(token)).toBe(true);
  });

  it('empty organization is 422', async () => {
    const error = await rejectionOf(
      workos.widgets.getToken({
        organization_id: '',
        user_id: 'user_1',
        scopes: ['widgets:sso:manage'],
      }),
    );

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      status: 422,
      code: 'unprocessable_entity',
      errors: [{ field: 'organization_id', code: 'required' }],
    });
  });
});
