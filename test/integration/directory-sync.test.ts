import { describe, expect, it } from 'vitest';

import { NotFoundError } from '../../src/index.js';
import { emulatorClient, lastSent, rejectionOf, unique, useSpecServer } from './helpers.js';

const workos = emulatorClient(6);

// NOTE: the emulator (workos 0.14.0) serves the directory routes, but neither its seed options nor
// any route can create a directory, a directory user or a directory group. So the emulator shows
// the errors and empty lists here, and the records themselves come from the spec server below.
describe('directory sync on the emulator', () => {
  it('listDirectories new organization is empty', async () => {
    const organization = await workos.organizations.createOrganization({
      name: `Directories ${unique()}`,
    });

    const page = await workos.directorySync.listDirectories({
      organization_id: organization.id,
      limit: 5,
    });

    expect(page.object).toBe('list');
    expect(page.data).toEqual([]);
    expect(page.list_metadata).toEqual({ before: null, after: null });
    expect(page.hasNextPage()).toBe(false);
  });

  it('getDirectory unknown id is NotFoundError', async () => {
    const error = await rejectionOf(workos.directorySync.getDirectory(`directory_${unique()}`));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      body: { message: 'Directory not found', code: 'not_found' },
    });
    expect((error as NotFoundError).requestId).toMatch(/^req_/);
  });

  it('deleteDirectory unknown id is NotFoundError', async () => {
    const error = await rejectionOf(workos.directorySync.deleteDirectory(`directory_${unique()}`));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, body: { message: 'Directory not found' } });
  });

  it('getUser unknown id is NotFoundError', async () => {
    const error = await rejectionOf(workos.directorySync.getUser(`directory_user_${unique()}`));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, body: { message: 'DirectoryUser not found' } });
  });

  it('getGroup unknown id is NotFoundError', async () => {
    const error = await rejectionOf(workos.directorySync.getGroup(`directory_grp_${unique()}`));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, body: { message: 'DirectoryGroup not found' } });
  });
});

describe('directory sync on the spec server', () => {
  const spec = useSpecServer();

  /** Returns the spec's example list for a path. */
  function exampleList(path: string): { data: unknown[]; list_metadata: unknown } {
    return spec.server.exampleResponse('GET', path) as { data: unknown[]; list_metadata: unknown };
  }

  it('listDirectories sends filters', async () => {
    const page = await spec.workos.directorySync.listDirectories({
      organization_id: 'org_1',
      search: 'Foo Corp',
      domain: 'foo-corp.com',
      limit: 3,
      order: 'asc',
      after: 'directory_0',
    });

    expect(lastSent(spec.server)).toEqual({
      method: 'GET',
      path: '/directories',
      query: {
        organization_id: 'org_1',
        search: 'Foo Corp',
        domain: 'foo-corp.com',
        limit: '3',
        order: 'asc',
        after: 'directory_0',
      },
      body: undefined,
    });
    const example = exampleList('/directories');
    expect(page.data).toEqual(example.data);
    expect(page.list_metadata).toEqual(example.list_metadata);
  });

  it('getDirectory returns the spec directory', async () => {
    const directory = await spec.workos.directorySync.getDirectory('directory_01/x');

    expect(lastSent(spec.server)).toEqual({
      method: 'GET',
      path: '/directories/directory_01%2Fx',
      query: {},
      body: undefined,
    });
    expect(spec.server.requests.at(-1)?.params).toEqual({ id: 'directory_01/x' });
    expect(directory).toEqual(spec.server.exampleResponse('GET', '/directories/{id}'));
  });

  it('deleteDirectory sends DELETE', async () => {
    const result = await spec.workos.directorySync.deleteDirectory('directory_01');

    expect(result).toBeUndefined();
    expect(lastSent(spec.server)).toEqual({
      method: 'DELETE',
      path: '/directories/directory_01',
      query: {},
      body: undefined,
    });
  });

  it('listUsers sends directory and group', async () => {
    const page = await spec.workos.directorySync.listUsers({
      directory: 'directory_01',
      group: 'directory_group_01',
      limit: 2,
    });

    expect(lastSent(spec.server)).toEqual({
      method: 'GET',
      path: '/directory_users',
      query: { directory: 'directory_01', group: 'directory_group_01', limit: '2' },
      body: undefined,
    });
    expect(page.data).toEqual(exampleList('/directory_users').data);
  });

  it('getUser returns the spec user', async () => {
    const user = await spec.workos.directorySync.getUser('directory_user_01');

    expect(lastSent(spec.server)).toEqual({
      method: 'GET',
      path: '/directory_users/directory_user_01',
      query: {},
      body: undefined,
    });
    expect(user).toEqual(spec.server.exampleResponse('GET', '/directory_users/{id}'));
  });

  it('listGroups sends directory and user', async () => {
    const page = await spec.workos.directorySync.listGroups({
      directory: 'directory_01',
      user: 'directory_user_01',
    });

    expect(lastSent(spec.server)).toEqual({
      method: 'GET',
      path: '/directory_groups',
      query: { directory: 'directory_01', user: 'directory_user_01' },
      body: undefined,
    });
    expect(page.data).toEqual(exampleList('/directory_groups').data);
  });

  it('getGroup returns the spec group', async () => {
    const group = await spec.workos.directorySync.getGroup('directory_group_01');

    expect(lastSent(spec.server)).toEqual({
      method: 'GET',
      path: '/directory_groups/directory_group_01',
      query: {},
      body: undefined,
    });
    expect(group).toEqual(spec.server.exampleResponse('GET', '/directory_groups/{id}'));
  });
});
