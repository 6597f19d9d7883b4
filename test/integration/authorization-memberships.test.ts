import { describe, expect, it } from 'vitest';

import { NotFoundError } from '../../src/index.js';
import { emulatorClient, lastSent, rejectionOf, unique, useSpecServer } from './helpers.js';

const workos = emulatorClient(4);

/** Creates an organization with one member and returns both ids. */
async function createMembership(): Promise<{ organizationId: string; membershipId: string }> {
  const organization = await workos.organizations.createOrganization({
    name: `Memberships ${unique()}`,
  });
  const user = await workos.userManagement.createUser({ email: `authz-${unique()}@example.com` });
  const membership = await workos.userManagement.createOrganizationMembership({
    user_id: user.id,
    organization_id: organization.id,
  });
  return { organizationId: organization.id, membershipId: membership.id };
}

describe('membership authorization on the emulator', () => {
  it('listOrganizationMembershipResources walks pages with for await', async () => {
    const { organizationId, membershipId } = await createMembership();
    const created: string[] = [];
    for (let index = 0; index < 3; index++) {
      const resource = await workos.authorization.createResource({
        external_id: `report-${index}`,
        name: `Report ${index}`,
        resource_type_slug: 'report',
        organization_id: organizationId,
      });
      created.push(resource.id);
    }
    const elsewhere = await createMembership();
    await workos.authorization.createResource({
      external_id: 'report-elsewhere',
      name: 'Elsewhere',
      resource_type_slug: 'report',
      organization_id: elsewhere.organizationId,
    });

    // The emulator lists every resource of the membership's organization and ignores the
    // permission and parent filters, so this checks paging, not filtering.
    const listed: string[] = [];
    for await (const resource of workos.authorization.listOrganizationMembershipResources(
      membershipId,
      {
        permission_slug: 'report:read',
        parent_resource_id: created[0] ?? '',
        limit: 2,
        order: 'asc',
      },
    )) {
      listed.push(resource.id);
    }

    expect(listed).toEqual(created);
  });

  it('listOrganizationMembershipResources unknown membership is NotFoundError', async () => {
    const error = await rejectionOf(
      workos.authorization.listOrganizationMembershipResources(`om_missing_${unique()}`, {
        permission_slug: 'report:read',
        parent_resource_type_slug: 'workspace',
        parent_resource_external_id: 'ws-1',
      }),
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      body: { message: 'OrganizationMembership not found', code: 'not_found' },
    });
  });

  it('listRoleAssignments new membership is empty', async () => {
    const { membershipId } = await createMembership();

    const page = await workos.authorization.listRoleAssignments(membershipId, { limit: 5 });

    expect(page.object).toBe('list');
    expect(page.data).toEqual([]);
    expect(page.list_metadata).toEqual({ before: null, after: null });
    expect(page.hasNextPage()).toBe(false);
  });

  it('listRoleAssignments unknown membership is NotFoundError', async () => {
    const error = await rejectionOf(
      workos.authorization.listRoleAssignments(`om_missing_${unique()}`),
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      body: { message: 'OrganizationMembership not found' },
    });
  });

  it('removeRoleAssignment unknown assignment is NotFoundError', async () => {
    const { membershipId } = await createMembership();

    const error = await rejectionOf(
      workos.authorization.removeRoleAssignment(membershipId, `ra_missing_${unique()}`),
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      body: { message: 'RoleAssignment not found', code: 'not_found' },
    });
  });
});

// The emulator reads `permission` and `role_id` where the spec sends `permission_slug` and
// `role_slug`, and it lacks effective permissions and removing a role by slug. Those calls, and
// the exclusive resource groups, are checked here.
describe('membership authorization on the spec server', () => {
  const spec = useSpecServer();

  it('check sends either resource group', async () => {
    const byId = await spec.workos.authorization.check('om_1', {
      permission_slug: 'documents:read',
      resource_id: 'authz_resource_1',
    });
    expect(lastSent(spec.server)).toEqual({
      method: 'POST',
      path: '/authorization/organization_memberships/om_1/check',
      query: {},
      body: { permission_slug: 'documents:read', resource_id: 'authz_resource_1' },
    });

    const byExternalId = await spec.workos.authorization.check('om_1', {
      permission_slug: 'documents:read',
      resource_external_id: 'doc/7',
      resource_type_slug: 'document',
    });
    expect(lastSent(spec.server).body).toEqual({
      permission_slug: 'documents:read',
      resource_external_id: 'doc/7',
      resource_type_slug: 'document',
    });

    const example = spec.server.exampleResponse(
      'POST',
      '/authorization/organization_memberships/{organization_membership_id}/check',
    );
    expect(byId).toEqual(example);
    expect(byExternalId).toEqual(example);
  });

  it('assignRole sends either resource group', async () => {
    const byId = await spec.workos.authorization.assignRole('om_1', {
      role_slug: 'editor',
      resource_id: 'authz_resource_1',
    });
    expect(lastSent(spec.server)).toEqual({
      method: 'POST',
      path: '/authorization/organization_memberships/om_1/role_assignments',
      query: {},
      body: { role_slug: 'editor', resource_id: 'authz_resource_1' },
    });

    await spec.workos.authorization.assignRole('om_1', {
      role_slug: 'editor',
      resource_external_id: 'project-ext-456',
      resource_type_slug: 'project',
    });
    expect(lastSent(spec.server).body).toEqual({
      role_slug: 'editor',
      resource_external_id: 'project-ext-456',
      resource_type_slug: 'project',
    });

    expect(byId).toEqual(
      spec.server.exampleResponse(
        'POST',
        '/authorization/organization_memberships/{organization_membership_id}/role_assignments',
      ),
    );
  });

  it('removeRole sends DELETE with a body', async () => {
    const byId = await spec.workos.authorization.removeRole('om_1', {
      role_slug: 'editor',
      resource_id: 'authz_resource_1',
    });
    expect(lastSent(spec.server)).toEqual({
      method: 'DELETE',
      path: '/authorization/organization_memberships/om_1/role_assignments',
      query: {},
      body: { role_slug: 'editor', resource_id: 'authz_resource_1' },
    });
    expect(spec.server.requests.at(-1)?.headers['content-type']).toBe('application/json');
    expect(spec.server.requests.at(-1)?.status).toBe(204);

    const byExternalId = await spec.workos.authorization.removeRole('om_1', {
      role_slug: 'editor',
      resource_external_id: 'proj-456',
      resource_type_slug: 'project',
    });
    expect(lastSent(spec.server).body).toEqual({
      role_slug: 'editor',
      resource_external_id: 'proj-456',
      resource_type_slug: 'project',
    });

    expect(byId).toBeUndefined();
    expect(byExternalId).toBeUndefined();
  });

  it('removeRoleAssignment encodes both ids', async () => {
    const result = await spec.workos.authorization.removeRoleAssignment('om 1', 'ra/1');

    expect(result).toBeUndefined();
    expect(lastSent(spec.server)).toEqual({
      method: 'DELETE',
      path: '/authorization/organization_memberships/om%201/role_assignments/ra%2F1',
      query: {},
      body: undefined,
    });
    expect(spec.server.requests.at(-1)?.params).toEqual({
      organization_membership_id: 'om 1',
      role_assignment_id: 'ra/1',
    });
    expect(spec.server.requests.at(-1)?.status).toBe(204);
  });

  it('listRoleAssignments returns the spec page', async () => {
    const page = await spec.workos.authorization.listRoleAssignments('om_1', { limit: 1 });

    expect(lastSent(spec.server)).toEqual({
      method: 'GET',
      path: '/authorization/organization_memberships/om_1/role_assignments',
      query: { limit: '1' },
      body: undefined,
    });
    const example = spec.server.exampleResponse(
      'GET',
      '/authorization/organization_memberships/{organization_membership_id}/role_assignments',
    ) as { data: unknown[]; list_metadata: { after: string } };
    expect(page.data).toEqual(example.data);
    expect(page.nextPageCursor()).toBe(example.list_metadata.after);
  });

  it('listOrganizationMembershipResources sends the parent group', async () => {
    const page = await spec.workos.authorization.listOrganizationMembershipResources('om_1', {
      permission_slug: 'project:read',
      parent_resource_type_slug: 'workspace',
      parent_resource_external_id: 'ws 1',
    });

    expect(lastSent(spec.server)).toEqual({
      method: 'GET',
      path: '/authorization/organization_memberships/om_1/resources',
      query: {
        permission_slug: 'project:read',
        parent_resource_type_slug: 'workspace',
        parent_resource_external_id: 'ws 1',
      },
      body: undefined,
    });
    const example = spec.server.exampleResponse(
      'GET',
      '/authorization/organization_memberships/{organization_membership_id}/resources',
    ) as { data: unknown[] };
    expect(page.data).toEqual(example.data);
  });

  it('listEffectivePermissions returns the spec page', async () => {
    const page = await spec.workos.authorization.listEffectivePermissions(
      'om_1',
      'authz_resource_1',
      {
        order: 'asc',
      },
    );

    expect(lastSent(spec.server)).toEqual({
      method: 'GET',
      path: '/authorization/organization_memberships/om_1/resources/authz_resource_1/permissions',
      query: { order: 'asc' },
      body: undefined,
    });
    const example = spec.server.exampleResponse(
      'GET',
      '/authorization/organization_memberships/{organization_membership_id}/resources/{resource_id}/permissions',
    ) as { data: unknown[] };
    expect(page.data).toEqual(example.data);
  });

  it('listEffectivePermissionsByExternalId encodes the path', async () => {
    const page = await spec.workos.authorization.listEffectivePermissionsByExternalId(
      'om_1',
      'project',
      'proj/456',
    );

    expect(lastSent(spec.server)).toEqual({
      method: 'GET',
      path: '/authorization/organization_memberships/om_1/resources/project/proj%2F456/permissions',
      query: {},
      body: undefined,
    });
    expect(spec.server.requests.at(-1)?.params).toEqual({
      organization_membership_id: 'om_1',
      resource_type_slug: 'project',
      external_id: 'proj/456',
    });
    const example = spec.server.exampleResponse(
      'GET',
      '/authorization/organization_memberships/{organization_membership_id}/resources/{resource_type_slug}/{external_id}/permissions',
    ) as { data: unknown[] };
    expect(page.data).toEqual(example.data);
  });
});
