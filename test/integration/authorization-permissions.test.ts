import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { NotFoundError, UnprocessableEntityError, WorkOS } from '../../src/index.js';
import { startEmulator, type RunningEmulator } from '../support/emulator.js';
import { emulatorClient, rejectionOf, unique, useSpecServer } from './helpers.js';

const workos = emulatorClient(4);

describe('permissions on the emulator', () => {
  it('createPermission returns the permission', async () => {
    const slug = `documents:read-${unique()}`;

    const permission = await workos.authorization.createPermission({
      slug,
      name: 'Read documents',
      description: 'Allows reading documents',
    });

    expect(permission).toEqual({
      object: 'permission',
      id: expect.stringMatching(/^perm_/),
      slug,
      name: 'Read documents',
      description: 'Allows reading documents',
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
  });

  it('getPermission encodes the slug', async () => {
    const slug = `reports:export/${unique()}`;
    const created = await workos.authorization.createPermission({ slug, name: 'Export' });

    expect(await workos.authorization.getPermission(slug)).toEqual(created);
  });

  it('deletePermission then NotFoundError', async () => {
    const slug = `temporary:${unique()}`;
    await workos.authorization.createPermission({ slug, name: 'Temporary' });

    expect(await workos.authorization.deletePermission(slug)).toBeUndefined();

    const error = await rejectionOf(workos.authorization.getPermission(slug));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      body: { message: 'Permission not found', code: 'not_found' },
    });
    expect(await rejectionOf(workos.authorization.deletePermission(slug))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it('createPermission duplicate slug is UnprocessableEntityError', async () => {
    const slug = `twice:${unique()}`;
    await workos.authorization.createPermission({ slug, name: 'First' });

    const error = await rejectionOf(workos.authorization.createPermission({ slug, name: 'Again' }));

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      status: 422,
      code: 'unprocessable_entity',
      errors: [{ field: 'slug', code: 'duplicate' }],
    });
  });

  it('createPermission empty name is UnprocessableEntityError', async () => {
    const error = await rejectionOf(
      workos.authorization.createPermission({ slug: `nameless:${unique()}`, name: '' }),
    );

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ status: 422, errors: [{ field: 'name', code: 'required' }] });
  });
});

describe('listPermissions on a seeded emulator', () => {
  // Permissions belong to the whole environment, so exact pages need an emulator of their own.
  const slugs = ['a:read', 'a:write', 'b:read', 'b:write', 'c:admin'];
  let seeded: RunningEmulator;
  let client: WorkOS;

  beforeAll(async () => {
    seeded = await startEmulator({
      seed: { permissions: slugs.map((slug) => ({ slug, name: `Permission ${slug}` })) },
    });
    client = new WorkOS({ apiKey: seeded.apiKey, baseUrl: seeded.url });
  });

  afterAll(() => seeded.close());

  it('listPermissions walks pages with for await', async () => {
    const ascending: string[] = [];
    for await (const permission of client.authorization.listPermissions({
      limit: 2,
      order: 'asc',
    })) {
      ascending.push(permission.slug);
    }

    const descending: string[] = [];
    for await (const permission of client.authorization.listPermissions({ limit: 2 })) {
      descending.push(permission.slug);
    }

    expect(ascending).toEqual(slugs);
    expect(descending).toEqual([...slugs].reverse());
  });

  it('listPermissions first page has a cursor', async () => {
    const page = await client.authorization.listPermissions({ limit: 3, order: 'asc' });

    expect(page.data.map((permission) => permission.slug)).toEqual(slugs.slice(0, 3));
    expect(page.list_metadata).toEqual({ before: null, after: page.data[2]?.id });
    expect(page.hasNextPage()).toBe(true);

    const next = await page.nextPage();
    expect(next.data.map((permission) => permission.slug)).toEqual(slugs.slice(3));
    expect(next.hasNextPage()).toBe(false);
  });
});

// The emulator takes PUT where the spec says PATCH, so the SDK's PATCH is checked here.
describe('permissions on the spec server', () => {
  const spec = useSpecServer();

  it('updatePermission sends PATCH', async () => {
    const permission = await spec.workos.authorization.updatePermission('documents:read', {
      name: 'View Documents',
      description: null,
    });

    expect(spec.server.requests.at(-1)).toMatchObject({
      method: 'PATCH',
      path: '/authorization/permissions/documents%3Aread',
      params: { slug: 'documents:read' },
      query: {},
      body: { name: 'View Documents', description: null },
      status: 200,
    });
    expect(permission).toEqual(
      spec.server.exampleResponse('PATCH', '/authorization/permissions/{slug}'),
    );
  });
});
