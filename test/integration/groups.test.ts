import { describe, expect, it } from 'vitest';

import { lastSent, useSpecServer } from './helpers.js';

// The emulator (workos 0.14.0) has no /organizations/{organizationId}/groups routes, so every
// groups call is checked against the spec server.
describe('groups on the spec server', () => {
  const groupsPath = '/organizations/{organizationId}/groups';
  const groupPath = '/organizations/{organizationId}/groups/{groupId}';
  const membersPath = '/organizations/{organizationId}/groups/{groupId}/organization-memberships';

  const spec = useSpecServer();

  it('createGroup sends name and description', async () => {
    const group = await spec.workos.groups.createGroup('org_1', {
      name: 'Engineering',
      description: null,
    });

    expect(lastSent(spec.server)).toEqual({
      method: 'POST',
      path: '/organizations/org_1/groups',
      query: {},
      body: { name: 'Engineering', description: null },
    });
    expect(spec.server.requests.at(-1)?.headers['content-type']).toBe('application/json');
    expect(group).toEqual(spec.server.exampleResponse('POST', groupsPath));
  });

  it('listGroups sends paging parameters', async () => {
    const page = await spec.workos.groups.listGroups('org_1', {
      limit: 2,
      before: 'group_9',
      order: 'desc',
    });

    expect(lastSent(spec.server)).toEqual({
      method: 'GET',
      path: '/organizations/org_1/groups',
      query: { limit: '2', before: 'group_9', order: 'desc' },
      body: undefined,
    });
    const example = spec.server.exampleResponse('GET', groupsPath) as {
      data: unknown[];
      list_metadata: { before: string };
    };
    expect(page.data).toEqual(example.data);
    // A walk started from `before` alone goes backward, so its next cursor is `before`.
    expect(page.nextPageCursor()).toBe(example.list_metadata.before);
  });

  it('getGroup encodes both ids', async () => {
    const group = await spec.workos.groups.getGroup('org 1', 'group/1');

    expect(lastSent(spec.server)).toEqual({
      method: 'GET',
      path: '/organizations/org%201/groups/group%2F1',
      query: {},
      body: undefined,
    });
    expect(spec.server.requests.at(-1)?.params).toEqual({
      organizationId: 'org 1',
      groupId: 'group/1',
    });
    expect(group).toEqual(spec.server.exampleResponse('GET', groupPath));
  });

  it('updateGroup sends PATCH', async () => {
    const group = await spec.workos.groups.updateGroup('org_1', 'group_1', { name: 'Platform' });

    expect(lastSent(spec.server)).toEqual({
      method: 'PATCH',
      path: '/organizations/org_1/groups/group_1',
      query: {},
      body: { name: 'Platform' },
    });
    expect(group).toEqual(spec.server.exampleResponse('PATCH', groupPath));
  });

  it('deleteGroup sends DELETE', async () => {
    const result = await spec.workos.groups.deleteGroup('org_1', 'group_1');

    expect(result).toBeUndefined();
    expect(lastSent(spec.server)).toEqual({
      method: 'DELETE',
      path: '/organizations/org_1/groups/group_1',
      query: {},
      body: undefined,
    });
  });

  it('addMember sends the membership id', async () => {
    const group = await spec.workos.groups.addMember('org_1', 'group_1', {
      organization_membership_id: 'om_1',
    });

    expect(lastSent(spec.server)).toEqual({
      method: 'POST',
      path: '/organizations/org_1/groups/group_1/organization-memberships',
      query: {},
      body: { organization_membership_id: 'om_1' },
    });
    expect(group).toEqual(spec.server.exampleResponse('POST', membersPath));
  });

  it('listMembers returns the spec page', async () => {
    const page = await spec.workos.groups.listMembers('org_1', 'group_1', { limit: 10 });

    expect(lastSent(spec.server)).toEqual({
      method: 'GET',
      path: '/organizations/org_1/groups/group_1/organization-memberships',
      query: { limit: '10' },
      body: undefined,
    });
    const example = spec.server.exampleResponse('GET', membersPath) as { data: unknown[] };
    expect(page.data).toEqual(example.data);
  });

  it('removeMember encodes the membership id', async () => {
    const result = await spec.workos.groups.removeMember('org_1', 'group_1', 'om_1/x');

    expect(result).toBeUndefined();
    expect(lastSent(spec.server)).toEqual({
      method: 'DELETE',
      path: '/organizations/org_1/groups/group_1/organization-memberships/om_1%2Fx',
      query: {},
      body: undefined,
    });
    expect(spec.server.requests.at(-1)?.params).toEqual({
      organizationId: 'org_1',
      groupId: 'group_1',
      omId: 'om_1/x',
    });
  });
});
