import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { NotFoundError, UnprocessableEntityError, WorkOS } from '../../src/index.js';
import { startSpecServer, type RecordedRequest, type SpecServer } from '../support/spec-server.js';

const emulator = inject('emulator');
const apiKey = emulator.apiKeys[4];
if (apiKey === undefined) throw new Error('global setup provided fewer than 5 API keys');
const workos = new WorkOS({ apiKey, baseUrl: emulator.url });

/** Returns a random suffix that keeps names, emails and external ids unique in the shared emulator. */
function unique(): string {
  return randomUUID().slice(0, 8);
}

/** Resolves with what the promise rejects with, or `undefined` when it fulfils. */
function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

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
  let server: SpecServer;
  let client: WorkOS;

  beforeAll(async () => {
    server = await startSpecServer();
    client = new WorkOS({ apiKey: 'sk_test_default', baseUrl: server.url });
  });

  afterAll(() => server.close());

  /** Returns the method, encoded path, query and JSON body of the last request received. */
  function lastSent(): Pick<RecordedRequest, 'method' | 'path' | 'query' | 'body'> {
    const request = server.requests.at(-1);
    if (request === undefined) throw new Error('the spec server received no request');
    const { method, path, query, body } = request;
    return { method, path, query, body };
  }

  it('createResource sends the parent by external id', async () => {
    const resource = await client.authorization.createResource({
      external_id: 'proj-456',
      name: 'Website Redesign',
      resource_type_slug: 'project',
      organization_id: 'org_1',
      parent_resource_external_id: 'ws-1',
      parent_resource_type_slug: 'workspace',
    });

    expect(lastSent()).toEqual({
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
    expect(resource).toEqual(server.exampleResponse('POST', '/authorization/resources'));
  });

  it('updateResource sends either parent group', async () => {
    const byId = await client.authorization.updateResource('authz_resource_1', {
      name: 'Updated Name',
      parent_resource_id: 'authz_resource_parent',
    });
    expect(lastSent()).toEqual({
      method: 'PATCH',
      path: '/authorization/resources/authz_resource_1',
      query: {},
      body: { name: 'Updated Name', parent_resource_id: 'authz_resource_parent' },
    });

    await client.authorization.updateResource('authz_resource_1', {
      description: null,
      parent_resource_external_id: 'ws-1',
      parent_resource_type_slug: 'workspace',
    });
    expect(lastSent().body).toEqual({
      description: null,
      parent_resource_external_id: 'ws-1',
      parent_resource_type_slug: 'workspace',
    });

    expect(byId).toEqual(server.exampleResponse('PATCH', '/authorization/resources/{resource_id}'));
  });

  it('deleteResource sends cascade_delete', async () => {
    const result = await client.authorization.deleteResource('authz_resource_1', {
      cascade_delete: false,
    });

    expect(result).toBeUndefined();
    expect(lastSent()).toEqual({
      method: 'DELETE',
      path: '/authorization/resources/authz_resource_1',
      query: { cascade_delete: 'false' },
      body: undefined,
    });
  });

  it('updateResourceByExternalId encodes the path', async () => {
    const resource = await client.authorization.updateResourceByExternalId(
      'org_1',
      'project',
      'proj/456',
      { name: 'Updated Name' },
    );

    expect(lastSent()).toEqual({
      method: 'PATCH',
      path: '/authorization/organizations/org_1/resources/project/proj%2F456',
      query: {},
      body: { name: 'Updated Name' },
    });
    expect(server.requests.at(-1)?.params).toEqual({
      organization_id: 'org_1',
      resource_type_slug: 'project',
      external_id: 'proj/456',
    });
    expect(resource).toEqual(
      server.exampleResponse(
        'PATCH',
        '/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}',
      ),
    );
  });

  it('deleteResourceByExternalId sends cascade_delete', async () => {
    const result = await client.authorization.deleteResourceByExternalId(
      'org_1',
      'project',
      'proj 456',
      { cascade_delete: true },
    );

    expect(result).toBeUndefined();
    expect(lastSent()).toEqual({
      method: 'DELETE',
      path: '/authorization/organizations/org_1/resources/project/proj%20456',
      query: { cascade_delete: 'true' },
      body: undefined,
    });
    expect(server.requests.at(-1)?.status).toBe(204);
  });

  it('listResources sends the parent query group', async () => {
    const page = await client.authorization.listResources({
      organization_id: 'org_1',
      parent_resource_type_slug: 'workspace',
      parent_external_id: 'ws-1',
      search: 'Website Redesign',
      limit: 5,
    });

    expect(lastSent()).toEqual({
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
    const example = server.exampleResponse('GET', '/authorization/resources') as {
      data: unknown[];
      list_metadata: unknown;
    };
    expect(page.data).toEqual(example.data);
    expect(page.list_metadata).toEqual(example.list_metadata);
  });
});
