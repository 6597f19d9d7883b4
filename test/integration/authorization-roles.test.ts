import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { NotFoundError, UnprocessableEntityError, WorkOS } from '../../src/index.js';
import { startEmulator, type RunningEmulator } from '../support/emulator.js';
import { emulatorClient, lastSent, rejectionOf, unique, useSpecServer } from './helpers.js';

const workos = emulatorClient(4);

async function createOrganization(): Promise<string> {
  const organization = await workos.organizations.createOrganization({
    name: `Roles ${unique()}`,
  });
  return organization.id;
}

/** Builds the role the emulator returns for these fields, with any id and timestamps. */
function emulatorRole(fields: {
  slug: string;
  name: string;
  description: string | null;
  type: 'EnvironmentRole' | 'OrganizationRole';
  organization_id: string | null;
}): Record<string, unknown> {
  return {
    object: 'role',
    ...fields,
    is_default_role: false,
    priority: 0,
    id: expect.stringMatching(/^role_/),
    created_at: expect.any(String),
    updated_at: expect.any(String),
  };
}

describe('environment roles on the emulator', () => {
  it('createEnvironmentRole returns the role', async () => {
    const slug = `auditor-${unique()}`;

    const role = await workos.authorization.createEnvironmentRole({
      slug,
      name: 'Auditor',
      description: 'Reads audit trails',
    });

    expect(role).toEqual(
      emulatorRole({
        slug,
        name: 'Auditor',
        description: 'Reads audit trails',
        type: 'EnvironmentRole',
        organization_id: null,
      }),
    );
  });

  it('getEnvironmentRole encodes the slug', async () => {
    const slug = `billing:admin-${unique()}`;
    const created = await workos.authorization.createEnvironmentRole({ slug, name: 'Billing' });

    expect(await workos.authorization.getEnvironmentRole(slug)).toEqual(created);
  });

  it('listEnvironmentRoles includes a new role', async () => {
    const slug = `listed-${unique()}`;
    const created = await workos.authorization.createEnvironmentRole({ slug, name: 'Listed' });

    const roles = await workos.authorization.listEnvironmentRoles();

    expect(roles.object).toBe('list');
    expect(roles.data.filter((role) => role.slug === slug)).toEqual([created]);
    expect(roles.data.every((role) => role.type === 'EnvironmentRole')).toBe(true);
  });

  it('createEnvironmentRole duplicate slug is UnprocessableEntityError', async () => {
    const slug = `twice-${unique()}`;
    await workos.authorization.createEnvironmentRole({ slug, name: 'First' });

    const error = await rejectionOf(
      workos.authorization.createEnvironmentRole({ slug, name: 'Second' }),
    );

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      status: 422,
      code: 'unprocessable_entity',
      errors: [{ field: 'slug', code: 'duplicate' }],
    });
    expect((await workos.authorization.getEnvironmentRole(slug)).name).toBe('First');
  });

  it('getEnvironmentRole unknown slug is NotFoundError', async () => {
    const error = await rejectionOf(workos.authorization.getEnvironmentRole(`none-${unique()}`));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      body: { message: 'Role not found', code: 'not_found' },
    });
  });
});

describe('organization roles on the emulator', () => {
  it('createOrganizationRole returns the role', async () => {
    const organizationId = await createOrganization();

    const role = await workos.authorization.createOrganizationRole(organizationId, {
      slug: 'editor',
      name: 'Editor',
      description: 'Edits documents',
    });

    expect(role).toEqual(
      emulatorRole({
        slug: 'editor',
        name: 'Editor',
        description: 'Edits documents',
        type: 'OrganizationRole',
        organization_id: organizationId,
      }),
    );
    expect(await workos.authorization.getOrganizationRole(organizationId, 'editor')).toEqual(role);
  });

  it('listOrganizationRoles lists only that organization', async () => {
    const organizationId = await createOrganization();
    const otherId = await createOrganization();
    const viewer = await workos.authorization.createOrganizationRole(organizationId, {
      slug: 'viewer',
      name: 'Viewer',
    });
    const owner = await workos.authorization.createOrganizationRole(organizationId, {
      slug: 'owner',
      name: 'Owner',
    });
    await workos.authorization.createOrganizationRole(otherId, { slug: 'viewer', name: 'Other' });

    const roles = await workos.authorization.listOrganizationRoles(organizationId);

    // Newest first, the emulator's default order.
    expect(roles.object).toBe('list');
    expect(roles.data).toEqual([owner, viewer]);
  });

  it('getOrganizationRole is scoped to its organization', async () => {
    const organizationId = await createOrganization();
    const otherId = await createOrganization();
    await workos.authorization.createOrganizationRole(organizationId, {
      slug: 'approver',
      name: 'Approver',
    });

    const error = await rejectionOf(workos.authorization.getOrganizationRole(otherId, 'approver'));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, body: { message: 'Role not found' } });
  });

  it('deleteOrganizationRole then NotFoundError', async () => {
    const organizationId = await createOrganization();
    const remaining = await workos.authorization.createOrganizationRole(organizationId, {
      slug: 'remaining',
      name: 'Remaining',
    });
    await workos.authorization.createOrganizationRole(organizationId, {
      slug: 'dropped',
      name: 'Dropped',
    });

    const result = await workos.authorization.deleteOrganizationRole(organizationId, 'dropped');

    expect(result).toBeUndefined();
    const error = await rejectionOf(
      workos.authorization.getOrganizationRole(organizationId, 'dropped'),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((await workos.authorization.listOrganizationRoles(organizationId)).data).toEqual([
      remaining,
    ]);
  });

  it('createOrganizationRole unknown organization is NotFoundError', async () => {
    const error = await rejectionOf(
      workos.authorization.createOrganizationRole(`org_missing_${unique()}`, {
        slug: 'editor',
        name: 'Editor',
      }),
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      body: { message: 'Organization not found', code: 'not_found' },
    });
  });

  it('createOrganizationRole missing name is UnprocessableEntityError', async () => {
    const organizationId = await createOrganization();

    const error = await rejectionOf(
      workos.authorization.createOrganizationRole(organizationId, { slug: 'nameless', name: '' }),
    );

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ status: 422, errors: [{ field: 'name', code: 'required' }] });
  });
});

describe('role permissions on a seeded emulator', () => {
  // The role permissions are seeded, because the emulator's add-permission route takes a
  // `permissions` array where the spec and the SDK send one `slug`.
  const organizationId = 'org_seeded_roles';
  let seeded: RunningEmulator;
  let client: WorkOS;

  beforeAll(async () => {
    seeded = await startEmulator({
      seed: {
        permissions: [
          { slug: 'reports:read', name: 'Read reports' },
          { slug: 'reports:export', name: 'Export reports' },
        ],
        roles: [
          {
            slug: 'analyst',
            name: 'Analyst',
            type: 'OrganizationRole',
            organization_id: organizationId,
            permissions: ['reports:read', 'reports:export'],
          },
        ],
      },
    });
    client = new WorkOS({ apiKey: seeded.apiKey, baseUrl: seeded.url });
  });

  afterAll(() => seeded.close());

  it('removeOrganizationRolePermission removes one permission', async () => {
    // NOTE: the emulator responds 204 with no body, where the spec returns the updated role.
    const result = await client.authorization.removeOrganizationRolePermission(
      organizationId,
      'analyst',
      'reports:export',
    );
    expect(result).toBeUndefined();

    const again = await rejectionOf(
      client.authorization.removeOrganizationRolePermission(
        organizationId,
        'analyst',
        'reports:export',
      ),
    );
    expect(again).toBeInstanceOf(NotFoundError);
    expect(again).toMatchObject({ body: { message: 'RolePermission not found' } });

    // The other permission is still attached, so removing it succeeds once.
    expect(
      await client.authorization.removeOrganizationRolePermission(
        organizationId,
        'analyst',
        'reports:read',
      ),
    ).toBeUndefined();
  });

  it('removeOrganizationRolePermission unknown permission is NotFoundError', async () => {
    const error = await rejectionOf(
      client.authorization.removeOrganizationRolePermission(organizationId, 'analyst', 'nope:x'),
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      body: { message: 'Permission not found', code: 'not_found' },
    });
  });
});

// The emulator takes PUT where the spec says PATCH for role updates, and its POST .../permissions
// replaces every permission from a `permissions` array. The SDK follows the spec, checked here.
describe('roles on the spec server', () => {
  const spec = useSpecServer();

  it('updateEnvironmentRole sends PATCH', async () => {
    const role = await spec.workos.authorization.updateEnvironmentRole('billing admin', {
      name: 'Billing',
      description: null,
    });

    expect(lastSent(spec.server)).toEqual({
      method: 'PATCH',
      path: '/authorization/roles/billing%20admin',
      query: {},
      body: { name: 'Billing', description: null },
    });
    expect(role).toEqual(spec.server.exampleResponse('PATCH', '/authorization/roles/{slug}'));
  });

  it('addEnvironmentRolePermission sends one slug', async () => {
    const role = await spec.workos.authorization.addEnvironmentRolePermission('admin', {
      slug: 'posts:write',
    });

    expect(lastSent(spec.server)).toEqual({
      method: 'POST',
      path: '/authorization/roles/admin/permissions',
      query: {},
      body: { slug: 'posts:write' },
    });
    expect(role).toEqual(
      spec.server.exampleResponse('POST', '/authorization/roles/{slug}/permissions'),
    );
  });

  it('setEnvironmentRolePermissions sends PUT', async () => {
    const role = await spec.workos.authorization.setEnvironmentRolePermissions('admin', {
      permissions: ['posts:read', 'posts:write'],
    });

    expect(lastSent(spec.server)).toEqual({
      method: 'PUT',
      path: '/authorization/roles/admin/permissions',
      query: {},
      body: { permissions: ['posts:read', 'posts:write'] },
    });
    expect(role).toEqual(
      spec.server.exampleResponse('PUT', '/authorization/roles/{slug}/permissions'),
    );
  });

  it('updateOrganizationRole sends PATCH', async () => {
    const role = await spec.workos.authorization.updateOrganizationRole('org_1', 'billing/admin', {
      name: 'Finance Administrator',
    });

    expect(lastSent(spec.server)).toEqual({
      method: 'PATCH',
      path: '/authorization/organizations/org_1/roles/billing%2Fadmin',
      query: {},
      body: { name: 'Finance Administrator' },
    });
    expect(spec.server.requests.at(-1)?.params).toEqual({
      organizationId: 'org_1',
      slug: 'billing/admin',
    });
    expect(role).toEqual(
      spec.server.exampleResponse(
        'PATCH',
        '/authorization/organizations/{organizationId}/roles/{slug}',
      ),
    );
  });

  it('addOrganizationRolePermission sends one slug', async () => {
    const role = await spec.workos.authorization.addOrganizationRolePermission(
      'org_1',
      'org-admin',
      {
        slug: 'reports:export',
      },
    );

    expect(lastSent(spec.server)).toEqual({
      method: 'POST',
      path: '/authorization/organizations/org_1/roles/org-admin/permissions',
      query: {},
      body: { slug: 'reports:export' },
    });
    expect(role).toEqual(
      spec.server.exampleResponse(
        'POST',
        '/authorization/organizations/{organizationId}/roles/{slug}/permissions',
      ),
    );
  });

  it('setOrganizationRolePermissions sends PUT', async () => {
    const role = await spec.workos.authorization.setOrganizationRolePermissions(
      'org_1',
      'org-admin',
      {
        permissions: [],
      },
    );

    expect(lastSent(spec.server)).toEqual({
      method: 'PUT',
      path: '/authorization/organizations/org_1/roles/org-admin/permissions',
      query: {},
      body: { permissions: [] },
    });
    expect(role).toEqual(
      spec.server.exampleResponse(
        'PUT',
        '/authorization/organizations/{organizationId}/roles/{slug}/permissions',
      ),
    );
  });

  it('removeOrganizationRolePermission returns the role', async () => {
    const role = await spec.workos.authorization.removeOrganizationRolePermission(
      'org_1',
      'admin',
      'posts:read',
    );

    expect(lastSent(spec.server)).toEqual({
      method: 'DELETE',
      path: '/authorization/organizations/org_1/roles/admin/permissions/posts%3Aread',
      query: {},
      body: undefined,
    });
    expect(spec.server.requests.at(-1)?.params).toEqual({
      organizationId: 'org_1',
      slug: 'admin',
      permissionSlug: 'posts:read',
    });
    expect(role).toEqual(
      spec.server.exampleResponse(
        'DELETE',
        '/authorization/organizations/{organizationId}/roles/{slug}/permissions/{permissionSlug}',
      ),
    );
  });
});
