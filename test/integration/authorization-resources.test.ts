import { describe, expect, it } from 'vitest';

import { NotFoundError, UnprocessableEntityError } from '../../src/index.js';
import { emulatorClient, lastSent, rejectionOf, unique, useSpecServer } from './helpers.js';

const workos = emulatorClient(4);

async function createOrganization(): Promise<string> {
  const organization = await workos.organizations.createOrganization({
    name: `Resources ${unique()}`,
  });
  return organization.id;
}

/** Creates a user, adds them to the organization and returns the membership id. */
async function addMember(organizationId: string): Promise<string> {
  const user = await workos.userManagement.createUser({ email: `member-${unique()}@example.com` });
  const membership = await workos.userManagement.createOrganizationMembership({
    user_id: user.id,
    organization_id: organizationId,
  });
  return membership.id;
}

describe('resources on the emulator', () => {
  it('createResource returns the resource', async () => {
    const organizationId = await createOrganization();

    const resource = await workos.authorization.createResource({
      external_id: 'proj-456',
      name: 'Website Redesign',
      resource_type_slug: 'project',
      organization_id: organizationId,
    });

    // NOTE: the emulator (workos 0.14.0) keeps neither `name` nor `description`, so only the
    // fields it stores are compared.
    expect(resource.object).toBe('authorization_resource');
    expect(resource.id).toMatch(/^auth_res_/);
    expect(resource.external_id).toBe('proj-456');
    expect(resource.resource_type_slug).toBe('project');
    expect(resource.organization_id).toBe(organizationId);
    expect(await workos.authorization.getResource(resource.id)).toEqual(resource);
  });

  it('getResourceByExternalId encodes the path', async () => {
    const organizationId = await createOrganization();
    const externalId = `proj/7 eu?${unique()}`;
    const created = await workos.authorization.createResource({
      external_id: externalId,
      name: 'Encoded',
      resource_type_slug: 'project:eu',
      organization_id: organizationId,
    });

    const found = await workos.authorization.getResourceByExternalId(
      organizationId,
      'project:eu',
      externalId,
    );

    expect(found).toEqual(created);
  });

  it('listResources walks pages with for await', async () => {
    const organizationId = await createOrganization();
    const created: string[] = [];
    for (let index = 0; index < 5; index++) {
      const resource = await workos.authorization.createResource({
        external_id: `doc-${index}`,
        name: `Document ${index}`,
        resource_type_slug: 'document',
        organization_id: organizationId,
      });
      created.push(resource.id);
    }
    await workos.authorization.createResource({
      external_id: 'folder-0',
      name: 'Folder',
      resource_type_slug: 'folder',
      organization_id: organizationId,
    });

    const listed: string[] = [];
    for await (const resource of workos.authorization.listResources({
      organization_id: organizationId,
      resource_type_slug: 'document',
      limit: 2,
      order: 'asc',
    })) {
      listed.push(resource.id);
    }

    expect(listed).toEqual(created);
  });

  it('deleteResource then NotFoundError', async () => {
    const organizationId = await createOrganization();
    const resource = await workos.authorization.createResource({
      external_id: 'doomed',
      name: 'Doomed',
      resource_type_slug: 'project',
      organization_id: organizationId,
    });

    expect(await workos.authorization.deleteResource(resource.id)).toBeUndefined();

    const error = await rejectionOf(workos.authorization.getResource(resource.id));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      body: { message: 'AuthorizationResource not found', code: 'not_found' },
    });
    const byExternalId = await rejectionOf(
      workos.authorization.getResourceByExternalId(organizationId, 'project', 'doomed'),
    );
    expect(byExternalId).toBeInstanceOf(NotFoundError);
  });

  it('createResource empty organization is UnprocessableEntityError', async () => {
    const error = await rejectionOf(
      workos.authorization.createResource({
        external_id: 'orphan',
        name: 'Orphan',
        resource_type_slug: 'project',
        organization_id: '',
      }),
    );

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      status: 422,
      code: 'unprocessable_entity',
      errors: [{ field: 'organization_id', code: 'required' }],
    });
  });

  it('listMembershipsForResource lists organization members', async () => {
    const organizationId = await createOrganization();
    const first = await addMember(organizationId);
    const second = await addMember(organizationId);
    await addMember(await createOrganization());
    const resource = await workos.authorization.createResource({
      external_id: 'shared-doc',
      name: 'Shared',
      resource_type_slug: 'document',
      organization_id: organizationId,
    });

    // The emulator lists every member of the resource's organization and ignores the permission.
    const page = await workos.authorization.listMembershipsForResource(resource.id, {
      permission_slug: 'document:read',
    });
    const byExternalId = await workos.authorization.listMembershipsForResourceByExternalId(
      organizationId,
      'document',
      'shared-doc',
      { permission_slug: 'document:read' },
    );

    expect(page.data.map((membership) => membership.id).sort()).toEqual([first, second].sort());
    expect(page.data.map((membership) => membership.organization_id)).toEqual([
      organizationId,
      organizationId,
    ]);
    expect(byExternalId.data).toEqual(page.data);
  });

  it('listMembershipsForResource unknown resource is NotFoundError', async () => {
    const error = await rejectionOf(
      workos.authorization.listMembershipsForResource(`auth_res_missing_${unique()}`, {
        permission_slug: 'document:read',
      }),
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      body: { message: 'AuthorizationResource not found' },
    });
  });
});

// The emulator takes PUT where the spec says PATCH for resource updates, and it has no update or
// delete by external id. Those calls, and the exclusive parent groups, are checked here.
describe('resources on the spec server', () => {
  const spec = useSpecServer();

  it('createResource sends the parent by external id', async () => {
    const resource = await spec.workos.authorization.createResource({
      external_id: 'proj-456',
      name: 'Website Redesign',
      resource_type_slug: 'project',
      organization_id: 'org_1',
      parent_resource_external_id: 'ws-1',
      parent_resource_type_slug: 'workspace',
    });

    expect(lastSent(spec.server)).toEqual({
      method: 'POST',
      path: '/authorization/resources',
      query: {},
      body: {
        external_id: 'proj-456',
        name: 'Website Redesign',
        resource_type_slug: 'project',
        organization_id: 'org_1',
        parent_resource_external_id: 'ws-1',
        parent_resource_type_slug: 'workspace',
      },
    });
    expect(resource).toEqual(spec.server.exampleResponse('POST', '/authorization/resources'));
  });

  it('updateResource sends either parent group', async () => {
    const byId = await spec.workos.authorization.updateResource('authz_resource_1', {
      name: 'Updated Name',
      parent_resource_id: 'authz_resource_parent',
    });
    expect(lastSent(spec.server)).toEqual({
      method: 'PATCH',
      path: '/authorization/resources/authz_resource_1',
      query: {},
      body: { name: 'Updated Name', parent_resource_id: 'authz_resource_parent' },
    });

    await spec.workos.authorization.updateResource('authz_resource_1', {
      description: null,
      parent_resource_external_id: 'ws-1',
      parent_resource_type_slug: 'workspace',
    });
    expect(lastSent(spec.server).body).toEqual({
      description: null,
      parent_resource_external_id: 'ws-1',
      parent_resource_type_slug: 'workspace',
    });

    expect(byId).toEqual(
      spec.server.exampleResponse('PATCH', '/authorization/resources/{resource_id}'),
    );
  });

  it('deleteResource sends cascade_delete', async () => {
    const result = await spec.workos.authorization.deleteResource('authz_resource_1', {
      cascade_delete: false,
    });

    expect(result).toBeUndefined();
    expect(lastSent(spec.server)).toEqual({
      method: 'DELETE',
      path: '/authorization/resources/authz_resource_1',
      query: { cascade_delete: 'false' },
      body: undefined,
    });
  });

  it('updateResourceByExternalId encodes the path', async () => {
    const resource = await spec.workos.authorization.updateResourceByExternalId(
      'org_1',
      'project',
      'proj/456',
      { name: 'Updated Name' },
    );

    expect(lastSent(spec.server)).toEqual({
      method: 'PATCH',
      path: '/authorization/organizations/org_1/resources/project/proj%2F456',
      query: {},
      body: { name: 'Updated Name' },
    });
    expect(spec.server.requests.at(-1)?.params).toEqual({
      organization_id: 'org_1',
      resource_type_slug: 'project',
      external_id: 'proj/456',
    });
    expect(resource).toEqual(
      spec.server.exampleResponse(
        'PATCH',
        '/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}',
      ),
    );
  });

  it('deleteResourceByExternalId sends cascade_delete', async () => {
    const result = await spec.workos.authorization.deleteResourceByExternalId(
      'org_1',
      'project',
      'proj 456',
      { cascade_delete: true },
    );

    expect(result).toBeUndefined();
    expect(lastSent(spec.server)).toEqual({
      method: 'DELETE',
      path: '/authorization/organizations/org_1/resources/project/proj%20456',
      query: { cascade_delete: 'true' },
      body: undefined,
    });
    expect(spec.server.requests.at(-1)?.status).toBe(204);
  });

  it('listResources sends the parent query group', async () => {
    const page = await spec.workos.authorization.listResources({
      organization_id: 'org_1',
      parent_resource_type_slug: 'workspace',
      parent_external_id: 'ws-1',
      search: 'Website Redesign',
      limit: 5,
    });

    expect(lastSent(spec.server)).toEqual({
      method: 'GET',
      path: '/authorization/resources',
      query: {
        organization_id: 'org_1',
        parent_resource_type_slug: 'workspace',
        parent_external_id: 'ws-1',
        search: 'Website Redesign',
        limit: '5',
      },
      body: undefined,
    });
    const example = spec.server.exampleResponse('GET', '/authorization/resources') as {
      data: unknown[];
      list_metadata: unknown;
    };
    expect(page.data).toEqual(example.data);
    expect(page.list_metadata).toEqual(example.list_metadata);
  });
});
