import { beforeAll, describe, expect, inject, it } from 'vitest';

import {
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  SecretString,
} from '../../src/index.js';
import { exposeSecrets } from '../support/spec-assertions.js';
import {
  emulatorApiKey,
  emulatorClient,
  lastRequest,
  rejectionOf,
  useSpecServer,
} from './helpers.js';

const emulator = inject('emulator');
const API_KEY = emulatorApiKey(2);
const CLIENT_ID = 'client_sso';
const workos = emulatorClient(2, { clientId: CLIENT_ID });

/** A loopback callback the emulator redirects to. Nothing listens there: tests read the Location. */
const REDIRECT_URI = 'http://127.0.0.1:9/sso/callback';

interface EmulatorConnection {
  id: string;
  organization_id: string;
  name: string;
  connection_type: string;
  domains: { domain: string }[];
}

/**
 * Creates an SSO connection through the emulator's own `POST /connections`. The API has no such
 * endpoint (connections are set up in the dashboard), so the SDK has no method for it.
 */
async function createConnection(
  organizationId: string,
  name: string,
  domain: string,
): Promise<EmulatorConnection> {
  const response = await fetch(`${emulator.url}/connections`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      organization_id: organizationId,
      name,
      connection_type: 'OktaSAML',
      domains: [domain],
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as EmulatorConnection;
}

function uniqueDomain(label: string): string {
  return `${label}-${crypto.randomUUID()}.example.com`;
}

/** Requests an authorize URL the way a browser would and returns the code it redirects with. */
async function authorizationCode(url: string): Promise<{ code: string; callback: URL }> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const callback = new URL(response.headers.get('location') ?? '');
  return { code: callback.searchParams.get('code') ?? '', callback };
}

describe('sso connections', () => {
  let organizationId = '';

  beforeAll(async () => {
    const organization = await workos.organizations.createOrganization({
      name: `SSO connections ${crypto.randomUUID()}`,
    });
    organizationId = organization.id;
  });

  it('getConnection returns the connection', async () => {
    const domain = uniqueDomain('get');
    const created = await createConnection(organizationId, 'Okta', domain);

    const connection = await workos.sso.getConnection(created.id);

    expect(connection).toMatchObject({
      object: 'connection',
      id: created.id,
      organization_id: organizationId,
      name: 'Okta',
      connection_type: 'OktaSAML',
      state: 'active',
    });
    expect(connection.domains.map((entry) => entry.domain)).toEqual([domain]);
  });

  it('listConnections walks every page', async () => {
    const organization = await workos.organizations.createOrganization({
      name: `SSO list ${crypto.randomUUID()}`,
    });
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) {
      ids.push((await createConnection(organization.id, `IdP ${index}`, uniqueDomain('list'))).id);
    }

    const first = await workos.sso.listConnections({
      organization_id: organization.id,
      limit: 2,
      order: 'asc',
    });
    const seen: string[] = [];
    for await (const connection of workos.sso.listConnections({
      organization_id: organization.id,
      limit: 2,
      order: 'asc',
    })) {
      seen.push(connection.id);
    }

    expect(first.data.map((connection) => connection.id)).toEqual(ids.slice(0, 2));
    expect(first.list_metadata.after).toBe(ids[1]);
    expect(seen).toEqual(ids);
  });

  it('listConnections filters by domain', async () => {
    const domain = uniqueDomain('filter');
    const created = await createConnection(organizationId, 'Filtered', domain);

    const page = await workos.sso.listConnections({ domain });

    expect(page.data.map((connection) => connection.id)).toEqual([created.id]);
  });

  it('deleteConnection makes it NotFoundError', async () => {
    const created = await createConnection(organizationId, 'Doomed', uniqueDomain('delete'));

    expect(await workos.sso.deleteConnection(created.id)).toBeUndefined();

    const error = await rejectionOf(workos.sso.getConnection(created.id));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
    expect((error as NotFoundError).message).toContain('Connection not found');
  });
});

describe('sso sign-in', () => {
  let organizationId = '';
  let connection: EmulatorConnection;

  beforeAll(async () => {
    const organization = await workos.organizations.createOrganization({
      name: `SSO sign-in ${crypto.randomUUID()}`,
    });
    organizationId = organization.id;
    connection = await createConnection(organizationId, 'Okta', uniqueDomain('sign-in'));
  });

  it('getAuthorizationUrl builds the exact URL', () => {
    const url = workos.sso.getAuthorizationUrl({
      connection: 'conn_123',
      redirect_uri: 'https://app.example/sso/callback',
      state: 'state 1',
      provider_scopes: ['openid', 'email'],
      provider_query_params: { hd: 'example.com' },
    });

    expect(url).toBe(
      `${emulator.url}/sso/authorize?connection=conn_123` +
        '&redirect_uri=https%3A%2F%2Fapp.example%2Fsso%2Fcallback&state=state+1' +
        '&provider_scopes=openid%2Cemail&provider_query_params%5Bhd%5D=example.com' +
        `&response_type=code&client_id=${CLIENT_ID}`,
    );
  });

  it('getProfileAndToken exchanges the code', async () => {
    const email = `ada-${crypto.randomUUID()}@${connection.domains[0]?.domain}`;
    const url = workos.sso.getAuthorizationUrl({
      connection: connection.id,
      redirect_uri: REDIRECT_URI,
      login_hint: email,
      state: 'csrf-1',
    });
    const { code, callback } = await authorizationCode(url);

    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe('csrf-1');
    expect(code).toMatch(/^sso_code_/);

    const result = await workos.sso.getProfileAndToken({ code });

    expect(result.profile).toMatchObject({
      object: 'profile',
      email,
      connection_id: connection.id,
      connection_type: 'OktaSAML',
      organization_id: organizationId,
    });
    expect(result.profile.id).toMatch(/^prof_/);
    expect(result.access_token).toBeInstanceOf(SecretString);
    const accessToken = result.access_token.expose();
    expect(accessToken.split('.')).toHaveLength(3);
    expect(JSON.stringify(result)).toContain('"access_token":"[REDACTED]"');
    expect(JSON.stringify(result)).not.toContain(accessToken);

    // A code works once.
    const reused = await rejectionOf(workos.sso.getProfileAndToken({ code }));
    expect(reused).toBeInstanceOf(BadRequestError);
    expect(reused).toMatchObject({ status: 400, code: 'invalid_code' });
  });

  it('getAuthorizationUrl finds the organization connection', async () => {
    const email = `org-${crypto.randomUUID()}@${connection.domains[0]?.domain}`;
    const url = workos.sso.getAuthorizationUrl({
      organization: organizationId,
      redirect_uri: REDIRECT_URI,
      login_hint: email,
    });

    const { code } = await authorizationCode(url);
    const result = await workos.sso.getProfileAndToken({ code });

    expect(result.profile).toMatchObject({ email, connection_id: connection.id });
  });

  it('getProfile reads the profile by token', async () => {
    const email = `profile-${crypto.randomUUID()}@${connection.domains[0]?.domain}`;
    const { code } = await authorizationCode(
      workos.sso.getAuthorizationUrl({
        connection: connection.id,
        redirect_uri: REDIRECT_URI,
        login_hint: email,
      }),
    );
    const result = await workos.sso.getProfileAndToken({ code });

    const profile = await workos.sso.getProfile(result.access_token);

    expect(profile).toEqual(result.profile);
  });

  it('getProfile rejects an unknown token', async () => {
    const error = await rejectionOf(workos.sso.getProfile('not-a-token'));

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });

  it('getProfileAndToken rejects an unknown code', async () => {
    const error = await rejectionOf(workos.sso.getProfileAndToken({ code: 'sso_code_missing' }));

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_code' });
  });

  it('logoutAuthorize returns a logout token', async () => {
    const email = `logout-${crypto.randomUUID()}@${connection.domains[0]?.domain}`;
    const { code } = await authorizationCode(
      workos.sso.getAuthorizationUrl({
        connection: connection.id,
        redirect_uri: REDIRECT_URI,
        login_hint: email,
      }),
    );
    const { profile } = await workos.sso.getProfileAndToken({ code });

    const logout = await workos.sso.logoutAuthorize({ profile_id: profile.id });

    expect(logout.logout_token).toBeInstanceOf(SecretString);
    const token = logout.logout_token.expose();
    expect(token).toMatch(/^sso_logout_/);
    expect(JSON.stringify(logout)).toContain('"logout_token":"[REDACTED]"');
    // NOTE: the emulator's own logout URL names the query parameter `logout_token`, but the spec
    // and the SDK's getLogoutUrl use `token`.
    expect(logout.logout_url).toBe(`${emulator.url}/sso/logout?logout_token=${token}`);

    expect(workos.sso.getLogoutUrl({ token: logout.logout_token })).toBe(
      `${emulator.url}/sso/logout?token=${token}`,
    );
  });

  it('logoutAuthorize of a missing profile is NotFoundError', async () => {
    const error = await rejectionOf(workos.sso.logoutAuthorize({ profile_id: 'prof_missing' }));

    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain('Profile not found');
  });
});

// The emulator's token response has no `token_type`, `expires_in` or `oauth_tokens`, so the full
// response shape and the exact request are checked against the spec's own examples.
describe('sso on the spec server', () => {
  const SPEC_API_KEY = 'sk_test_default';
  const spec = useSpecServer({ clientId: CLIENT_ID });

  it('getProfileAndToken sends client credentials in the body', async () => {
    const result = await spec.workos.sso.getProfileAndToken({ code: 'code_1' });

    const request = lastRequest(spec.server);
    expect(request).toMatchObject({ method: 'POST', path: '/sso/token', query: {} });
    expect(request.body).toEqual({
      code: 'code_1',
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      client_secret: SPEC_API_KEY,
    });
    expect(request.headers.authorization).toBeUndefined();
    expect(exposeSecrets(result)).toEqual(spec.server.exampleResponse('POST', '/sso/token'));
    expect(result.access_token).toBeInstanceOf(SecretString);
    expect(result.oauth_tokens?.access_token).toBeInstanceOf(SecretString);
    expect(result.oauth_tokens?.refresh_token).toBeInstanceOf(SecretString);
  });

  it('getProfile sends the access token as bearer', async () => {
    const profile = await spec.workos.sso.getProfile(new SecretString('access_token_1'));

    expect(lastRequest(spec.server)).toMatchObject({ method: 'GET', path: '/sso/profile' });
    expect(lastRequest(spec.server).headers.authorization).toBe('Bearer access_token_1');
    expect(profile).toEqual(spec.server.exampleResponse('GET', '/sso/profile'));
  });

  it('logoutAuthorize sends the profile id', async () => {
    const logout = await spec.workos.sso.logoutAuthorize({ profile_id: 'prof_1' });

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'POST',
      path: '/sso/logout/authorize',
      body: { profile_id: 'prof_1' },
    });
    expect(exposeSecrets(logout)).toEqual(
      spec.server.exampleResponse('POST', '/sso/logout/authorize'),
    );
  });

  it('getConnection encodes the id', async () => {
    const connection = await spec.workos.sso.getConnection('conn_1/x');

    expect(lastRequest(spec.server)).toMatchObject({
      method: 'GET',
      path: '/connections/conn_1%2Fx',
    });
    expect(connection).toEqual(spec.server.exampleResponse('GET', '/connections/{id}'));
  });
});
