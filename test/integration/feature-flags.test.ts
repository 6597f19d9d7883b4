import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

import { NotFoundError, WorkOS } from '../../src/index.js';
import { sentRequests } from '../support/spec-assertions.js';
import { startSpecServer, type SpecServer } from '../support/spec-server.js';

// The emulator has no route that creates a feature flag and its seed cannot hold one, so on the
// emulator these tests can only see empty lists and 404s. It also enables and disables flags with
// POST where the spec says PUT, and adds targets with PUT where the spec says POST: those calls
// go to the spec server.
const emulator = inject('emulator');
const apiKey = emulator.apiKeys[8] as string;

describe('feature flags on the emulator', () => {
  const workos = new WorkOS({ apiKey, baseUrl: emulator.url });

  it('getFeatureFlag of a missing slug is NotFoundError', async () => {
    const error = await workos.featureFlags.getFeatureFlag('no-such-flag').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      body: { message: 'FeatureFlag not found', code: 'not_found' },
    });
  });

  it('removeFeatureFlagTarget of a missing flag is NotFoundError', async () => {
    const error = await workos.featureFlags
      .removeFeatureFlagTarget('no-such-flag', 'user_1')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, method: 'DELETE' });
  });

  it('listFeatureFlags is empty', async () => {
    const page = await workos.featureFlags.listFeatureFlags({ limit: 5 });

    expect(page.data).toEqual([]);
    expect(page.list_metadata).toEqual({ before: null, after: null });
  });

  it('new organization and user have no flags', async () => {
    const suffix = randomUUID();
    const org = await workos.organizations.createOrganization({ name: `Flags ${suffix}` });
    const user = await workos.userManagement.createUser({ email: `flags-${suffix}@example.com` });

    const orgFlags = await workos.featureFlags.listOrganizationFeatureFlags(org.id);
    const userFlags = await workos.featureFlags.listUserFeatureFlags(user.id);

    expect(orgFlags.data).toEqual([]);
    expect(userFlags.data).toEqual([]);
    expect(userFlags.hasNextPage()).toBe(false);
  });
});

describe('feature flags on the spec server', () => {
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

  it('enableFeatureFlag sends PUT', async () => {
    const flag = await workos.featureFlags.enableFeatureFlag('beta reports');

    expect(sentRequests(server)).toEqual([
      { method: 'PUT', path: '/feature-flags/beta%20reports/enable', query: {}, body: undefined },
    ]);
    expect(server.requests[0]?.rawBody).toBe('');
    expect(flag).toEqual(server.exampleResponse('PUT', '/feature-flags/{slug}/enable'));
    expect(flag.enabled).toBe(true);
  });

  it('disableFeatureFlag sends PUT', async () => {
    const flag = await workos.featureFlags.disableFeatureFlag('beta-reports');

    expect(sentRequests(server)).toEqual([
      { method: 'PUT', path: '/feature-flags/beta-reports/disable', query: {}, body: undefined },
    ]);
    expect(flag).toEqual(server.exampleResponse('PUT', '/feature-flags/{slug}/disable'));
    expect(flag.enabled).toBe(false);
  });

  it('addFeatureFlagTarget sends POST', async () => {
    const result = await workos.featureFlags.addFeatureFlagTarget('beta-reports', 'org_1/x');

    expect(sentRequests(server)).toEqual([
      {
        method: 'POST',
        path: '/feature-flags/beta-reports/targets/org_1%2Fx',
        query: {},
        body: undefined,
      },
    ]);
    expect(result).toBeUndefined();
  });

  it('removeFeatureFlagTarget sends DELETE', async () => {
    const result = await workos.featureFlags.removeFeatureFlagTarget('beta-reports', 'user_1');

    expect(sentRequests(server)).toEqual([
      {
        method: 'DELETE',
        path: '/feature-flags/beta-reports/targets/user_1',
        query: {},
        body: undefined,
      },
    ]);
    expect(result).toBeUndefined();
  });

  it('getFeatureFlag returns the flag', async () => {
    const flag = await workos.featureFlags.getFeatureFlag('advanced-analytics');

    expect(sentRequests(server)).toEqual([
      { method: 'GET', path: '/feature-flags/advanced-analytics', query: {}, body: undefined },
    ]);
    expect(flag).toEqual(server.exampleResponse('GET', '/feature-flags/{slug}'));
  });

  it('list methods send cursors', async () => {
    const all = await workos.featureFlags.listFeatureFlags({ limit: 4, order: 'asc' });
    const forOrg = await workos.featureFlags.listOrganizationFeatureFlags('org_1', {
      after: 'f_1',
    });
    const forUser = await workos.featureFlags.listUserFeatureFlags('user_1', { before: 'f_2' });

    expect(sentRequests(server)).toEqual([
      {
        method: 'GET',
        path: '/feature-flags',
        query: { limit: '4', order: 'asc' },
        body: undefined,
      },
      {
        method: 'GET',
        path: '/organizations/org_1/feature-flags',
        query: { after: 'f_1' },
        body: undefined,
      },
      {
        method: 'GET',
        path: '/user_management/users/user_1/feature-flags',
        query: { before: 'f_2' },
        body: undefined,
      },
    ]);
    const pages = [all, forOrg, forUser].map(({ object, data, list_metadata }) => ({
      object,
      data,
      list_metadata,
    }));
    expect(pages).toEqual([
      server.exampleResponse('GET', '/feature-flags'),
      server.exampleResponse('GET', '/organizations/{organizationId}/feature-flags'),
      server.exampleResponse('GET', '/user_management/users/{userId}/feature-flags'),
    ]);
  });
});
