import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { NotFoundError } from '../../src/index.js';
import { sentRequests } from '../support/spec-assertions.js';
import { emulatorApiKey, emulatorClient, rejectionOf, useSpecServer } from './helpers.js';

// The emulator has no route that creates a feature flag and its seed cannot hold one, so on the
// emulator these tests can only see empty lists and 404s. It also enables and disables flags with
// POST where the spec says PUT, and adds targets with PUT where the spec says POST: those calls
// go to the spec server.
const apiKey = emulatorApiKey(8);

describe('feature flags on the emulator', () => {
  const workos = emulatorClient(8);

  it('getFeatureFlag of a missing slug is NotFoundError', async () => {
    const error = await rejectionOf(workos.featureFlags.getFeatureFlag('no-such-flag'));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      body: { message: 'FeatureFlag not found', code: 'not_found' },
    });
  });

  it('removeFeatureFlagTarget of a missing flag is NotFoundError', async () => {
    const error = await rejectionOf(
      workos.featureFlags.removeFeatureFlagTarget('no-such-flag', 'user_1'),
    );

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
  const spec = useSpecServer({ apiKey, clearRequests: true });

  it('enableFeatureFlag sends PUT', async () => {
    const flag = await spec.workos.featureFlags.enableFeatureFlag('beta reports');

    expect(sentRequests(spec.server)).toEqual([
      { method: 'PUT', path: '/feature-flags/beta%20reports/enable', query: {}, body: undefined },
    ]);
    expect(spec.server.requests[0]?.rawBody).toBe('');
    expect(flag).toEqual(spec.server.exampleResponse('PUT', '/feature-flags/{slug}/enable'));
    expect(flag.enabled).toBe(true);
  });

  it('disableFeatureFlag sends PUT', async () => {
    const flag = await spec.workos.featureFlags.disableFeatureFlag('beta-reports');

    expect(sentRequests(spec.server)).toEqual([
      { method: 'PUT', path: '/feature-flags/beta-reports/disable', query: {}, body: undefined },
    ]);
    expect(flag).toEqual(spec.server.exampleResponse('PUT', '/feature-flags/{slug}/disable'));
    expect(flag.enabled).toBe(false);
  });

  it('addFeatureFlagTarget sends POST', async () => {
    const result = await spec.workos.featureFlags.addFeatureFlagTarget('beta-reports', 'org_1/x');

    expect(sentRequests(spec.server)).toEqual([
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
    const result = await spec.workos.featureFlags.removeFeatureFlagTarget('beta-reports', 'user_1');

    expect(sentRequests(spec.server)).toEqual([
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
    const flag = await spec.workos.featureFlags.getFeatureFlag('advanced-analytics');

    expect(sentRequests(spec.server)).toEqual([
      { method: 'GET', path: '/feature-flags/advanced-analytics', query: {}, body: undefined },
    ]);
    expect(flag).toEqual(spec.server.exampleResponse('GET', '/feature-flags/{slug}'));
  });

  it('list methods send cursors', async () => {
    const all = await spec.workos.featureFlags.listFeatureFlags({ limit: 4, order: 'asc' });
    const forOrg = await spec.workos.featureFlags.listOrganizationFeatureFlags('org_1', {
      after: 'f_1',
    });
    const forUser = await spec.workos.featureFlags.listUserFeatureFlags('user_1', {
      before: 'f_2',
    });

    expect(sentRequests(spec.server)).toEqual([
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
      spec.server.exampleResponse('GET', '/feature-flags'),
      spec.server.exampleResponse('GET', '/organizations/{organizationId}/feature-flags'),
      spec.server.exampleResponse('GET', '/user_management/users/{userId}/feature-flags'),
    ]);
  });
});
