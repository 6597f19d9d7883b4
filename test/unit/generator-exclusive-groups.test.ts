import { describe, expect, it } from 'vitest';

import type { TransportRequest } from '../../src/core/transport.js';
import { recordingResources as recordingResourcesFor } from '../support/recording-client.js';

// The spec's x-mutually-exclusive-*-groups become unions: sending two variants of a group is a
// type error, and so is sending none when the group is not optional. `npm run typecheck` checks
// the @ts-expect-error lines below: each one fails the build if the line it marks compiles. The
// wrong arguments are built first, so each error is reported on the one line of its call.
// At run time the calls go to a recording transport, so each test also shows what is sent.

function recordingResources() {
  const { resources, requests } = recordingResourcesFor({ apiKey: 'sk_test_exclusive_groups' });
  return { workos: resources, requests };
}

function sentBody(requests: TransportRequest[]): unknown {
  const body = requests[requests.length - 1]?.body;
  return body === undefined ? undefined : JSON.parse(body);
}

function sentQuery(requests: TransportRequest[]): string {
  const url = requests[requests.length - 1]?.url;
  return url === undefined ? '' : new URL(url).search;
}

describe('exclusive body groups', () => {
  it('check takes a resource by ID or by external ID', async () => {
    const { workos, requests } = recordingResources();

    await workos.authorization.check('om_1', {
      permission_slug: 'docs:read',
      resource_id: 'res_1',
    });
    expect(sentBody(requests)).toEqual({ permission_slug: 'docs:read', resource_id: 'res_1' });

    const byExternalId = {
      permission_slug: 'docs:read',
      resource_external_id: 'doc-7',
      resource_type_slug: 'document',
    };
    await workos.authorization.check('om_1', byExternalId);
    expect(sentBody(requests)).toEqual(byExternalId);

    const both = { ...byExternalId, resource_id: 'res_1' };
    const neither = { permission_slug: 'docs:read' };
    const half = { permission_slug: 'docs:read', resource_external_id: 'doc-7' };
    // @ts-expect-error: both variants of resource_target
    await workos.authorization.check('om_1', both);
    // @ts-expect-error: neither variant, and resource_target is not optional
    await workos.authorization.check('om_1', neither);
    // @ts-expect-error: the by_external_id variant needs resource_type_slug too
    await workos.authorization.check('om_1', half);
  });

  it('assignRole and removeRole take one resource target', async () => {
    const { workos, requests } = recordingResources();

    await workos.authorization.assignRole('om_1', { role_slug: 'editor', resource_id: 'res_1' });
    expect(sentBody(requests)).toEqual({ role_slug: 'editor', resource_id: 'res_1' });

    const byExternalId = {
      role_slug: 'editor',
      resource_external_id: 'doc-7',
      resource_type_slug: 'document',
    };
    await workos.authorization.removeRole('om_1', byExternalId);
    expect(requests[requests.length - 1]?.method).toBe('DELETE');
    expect(sentBody(requests)).toEqual(byExternalId);

    const neither = { role_slug: 'editor' };
    const both = { ...byExternalId, resource_id: 'res_1' };
    // @ts-expect-error: neither variant, and resource_target is not optional
    await workos.authorization.assignRole('om_1', neither);
    // @ts-expect-error: both variants of resource_target
    await workos.authorization.removeRole('om_1', both);
  });

  it('resources take at most one parent', async () => {
    const { workos, requests } = recordingResources();
    const resource = {
      external_id: 'doc-7',
      name: 'Doc 7',
      resource_type_slug: 'document',
      organization_id: 'org_1',
    };

    await workos.authorization.createResource(resource);
    expect(sentBody(requests)).toEqual(resource);
    await workos.authorization.createResource({ ...resource, parent_resource_id: 'res_0' });
    expect(sentBody(requests)).toEqual({ ...resource, parent_resource_id: 'res_0' });

    const byExternalId = {
      parent_resource_external_id: 'folder-1',
      parent_resource_type_slug: 'folder',
    };
    await workos.authorization.updateResource('res_1', byExternalId);
    expect(sentBody(requests)).toEqual(byExternalId);
    await workos.authorization.updateResource('res_1');
    expect(sentBody(requests)).toEqual({});

    const bothParents = { ...byExternalId, parent_resource_id: 'res_0' };
    const resourceWithBoth = { ...resource, ...bothParents };
    // @ts-expect-error: both variants of parent_resource
    await workos.authorization.createResource(resourceWithBoth);
    // @ts-expect-error: both variants of parent_resource
    await workos.authorization.updateResourceByExternalId('org_1', 'doc', 'd7', bothParents);
  });

  it('memberships take role_slug or role_slugs', async () => {
    const { workos, requests } = recordingResources();
    const membership = { user_id: 'user_1', organization_id: 'org_1' };

    await workos.userManagement.createOrganizationMembership({
      ...membership,
      role_slugs: ['admin', 'billing'],
    });
    expect(sentBody(requests)).toEqual({ ...membership, role_slugs: ['admin', 'billing'] });
    await workos.userManagement.createOrganizationMembership(membership);
    expect(sentBody(requests)).toEqual(membership);
    await workos.userManagement.updateOrganizationMembership('om_1', { role_slug: 'member' });
    expect(sentBody(requests)).toEqual({ role_slug: 'member' });

    const bothRoles = { role_slug: 'admin', role_slugs: ['admin'] };
    const membershipWithBoth = { ...membership, ...bothRoles };
    // @ts-expect-error: both variants of role
    await workos.userManagement.createOrganizationMembership(membershipWithBoth);
    // @ts-expect-error: both variants of role
    await workos.userManagement.updateOrganizationMembership('om_1', bothRoles);
  });

  it('users take a password or its hash', async () => {
    const { workos, requests } = recordingResources();

    await workos.userManagement.createUser({ email: 'ada@example.com', password: 'correct horse' });
    expect(sentBody(requests)).toEqual({ email: 'ada@example.com', password: 'correct horse' });

    const hashed = { password_hash: '$2b$10$abc', password_hash_type: 'bcrypt' };
    await workos.userManagement.updateUser('user_1', hashed);
    expect(sentBody(requests)).toEqual(hashed);

    const both = { email: 'ada@example.com', password: 'correct horse', ...hashed };
    const hashOnly = { password_hash: '$2b$10$abc' };
    // @ts-expect-error: both variants of password
    await workos.userManagement.createUser(both);
    // @ts-expect-error: the hashed variant needs password_hash_type too
    await workos.userManagement.updateUser('user_1', hashOnly);
  });
});

describe('exclusive query parameter groups', () => {
  it('resources of a membership need exactly one parent', async () => {
    const { workos, requests } = recordingResources();

    await workos.authorization.listOrganizationMembershipResources('om_1', {
      permission_slug: 'docs:read',
      parent_resource_id: 'res_0',
    });
    expect(sentQuery(requests)).toBe('?permission_slug=docs%3Aread&parent_resource_id=res_0');

    const neither = { permission_slug: 'docs:read' };
    const both = {
      permission_slug: 'docs:read',
      parent_resource_id: 'res_0',
      parent_resource_type_slug: 'folder',
      parent_resource_external_id: 'folder-1',
    };
    // @ts-expect-error: neither variant, and parent_resource is not optional
    await workos.authorization.listOrganizationMembershipResources('om_1', neither);
    // @ts-expect-error: both variants of parent_resource
    await workos.authorization.listOrganizationMembershipResources('om_1', both);
  });

  it('listResources takes at most one parent', async () => {
    const { workos, requests } = recordingResources();

    await workos.authorization.listResources();
    expect(sentQuery(requests)).toBe('');
    await workos.authorization.listResources({
      parent_resource_type_slug: 'folder',
      parent_external_id: 'f-1',
    });
    expect(sentQuery(requests)).toBe('?parent_resource_type_slug=folder&parent_external_id=f-1');

    const both = { parent_resource_id: 'res_0', parent_external_id: 'f-1' };
    // @ts-expect-error: both variants of parent
    await workos.authorization.listResources(both);
  });
});
