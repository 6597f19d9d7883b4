import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import {
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  UnprocessableEntityError,
  WorkOS,
  type FetchLike,
  type Organization,
} from '../../src/index.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { emulatorApiKey, emulatorClient, rejectionOf, unique, useSpecServer } from './helpers.js';

const emulator = inject('emulator');
const apiKey = emulatorApiKey(5);
const workos = emulatorClient(5);

/** Returns the `{ domain, state }` pairs of an organization's domains, sorted by domain. */
function domainStates(organization: Organization): { domain: string; state: unknown }[] {
  return organization.domains
    .map(({ domain, state }) => ({ domain, state }))
    .sort((a, b) => a.domain.localeCompare(b.domain));
}

describe('organizations on the emulator', () => {
  it('createOrganization stores domain data', async () => {
    const id = unique();
    const organization = await workos.organizations.createOrganization(
      {
        name: `Acme ${id}`,
        external_id: `acme-${id}`,
        metadata: { tier: 'gold' },
        domain_data: [
          { domain: `acme-${id}.example`, state: 'verified' },
          { domain: `acme-${id}.example.org`, state: 'pending' },
        ],
      },
      { idempotencyKey: `create-acme-${id}` },
    );

    expect(organization.object).toBe('organization');
    expect(organization.id).toMatch(/^org_/);
    expect(organization.name).toBe(`Acme ${id}`);
    expect(organization.external_id).toBe(`acme-${id}`);
    expect(organization.metadata).toEqual({ tier: 'gold' });
    expect(domainStates(organization)).toEqual([
      { domain: `acme-${id}.example`, state: 'verified' },
      { domain: `acme-${id}.example.org`, state: 'pending' },
    ]);
    expect(organization.domains.map((domain) => domain.organization_id)).toEqual([
      organization.id,
      organization.id,
    ]);

    expect(await workos.organizations.getOrganization(organization.id)).toEqual(organization);
  });

  it('createOrganization sends the idempotency key', async () => {
    // NOTE: the emulator (workos 0.14.0) ignores Idempotency-Key and creates a new organization
    // for each call, so the server's replay of the first result cannot be checked here. This test
    // checks the SDK's side: both calls carry the key.
    const sentKeys: (string | null)[] = [];
    const recordingFetch: FetchLike = (input, init) => {
      sentKeys.push(new Headers(init.headers).get('Idempotency-Key'));
      return fetch(input, init);
    };
    const recordingClient = new WorkOS({ apiKey, baseUrl: emulator.url, fetch: recordingFetch });
    const id = unique();
    const key = `create-${id}`;

    const first = await recordingClient.organizations.createOrganization(
      { name: `Keyed ${id}` },
      { idempotencyKey: key },
    );
    const second = await recordingClient.organizations.createOrganization(
      { name: `Keyed ${id}` },
      { idempotencyKey: key },
    );

    expect(sentKeys).toEqual([key, key]);
    expect(first.name).toBe(`Keyed ${id}`);
    expect(second.name).toBe(`Keyed ${id}`);
  });

  it('getOrganizationByExternalId encodes the id', async () => {
    const externalId = `acme:${unique()}/eu west?#%`;
    const created = await workos.organizations.createOrganization({
      name: 'Encoded external id',
      external_id: externalId,
    });

    const found = await workos.organizations.getOrganizationByExternalId(externalId);

    expect(found).toEqual(created);
    expect(found.external_id).toBe(externalId);
  });

  it('getOrganizationByExternalId unknown id is NotFoundError', async () => {
    const error = await rejectionOf(
      workos.organizations.getOrganizationByExternalId(`missing-${unique()}`),
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      body: { message: 'Organization not found', code: 'not_found' },
    });
  });

  it('listOrganizations walks pages with for await', async () => {
    const domain = `pages-${unique()}.example`;
    const created: string[] = [];
    // One at a time, so that creation order is the emulator's `asc` order.
    for (let index = 0; index < 5; index++) {
      const organization = await workos.organizations.createOrganization({
        name: `Paged ${index}`,
        domain_data: [{ domain, state: 'verified' }],
      });
      created.push(organization.id);
    }

    const ascending: string[] = [];
    for await (const organization of workos.organizations.listOrganizations({
      domains: [domain],
      limit: 2,
      order: 'asc',
    })) {
      ascending.push(organization.id);
    }

    const descending: string[] = [];
    for await (const organization of workos.organizations.listOrganizations({
      domains: [domain],
      limit: 2,
    })) {
      descending.push(organization.id);
    }

    expect(ascending).toEqual(created);
    expect(descending).toEqual([...created].reverse());
  });

  it('listOrganizations pages by hand', async () => {
    const domain = `cursor-${unique()}.example`;
    const created: string[] = [];
    for (let index = 0; index < 3; index++) {
      const organization = await workos.organizations.createOrganization({
        name: `Cursor ${index}`,
        domain_data: [{ domain, state: 'pending' }],
      });
      created.push(organization.id);
    }

    const first = await workos.organizations.listOrganizations({
      domains: [domain],
      limit: 2,
      order: 'asc',
    });
    expect(first.object).toBe('list');
    expect(first.data.map((organization) => organization.id)).toEqual(created.slice(0, 2));
    expect(first.list_metadata).toEqual({ before: null, after: created[1] });
    expect(first.hasNextPage()).toBe(true);

    const second = await first.nextPage();
    expect(second.data.map((organization) => organization.id)).toEqual(created.slice(2));
    expect(second.list_metadata).toEqual({ before: created[2], after: null });
    expect(second.hasNextPage()).toBe(false);
  });

  it('updateOrganization replaces fields and domains', async () => {
    const id = unique();
    const organization = await workos.organizations.createOrganization({
      name: `Before ${id}`,
      domain_data: [
        { domain: `keep-${id}.example`, state: 'verified' },
        { domain: `drop-${id}.example`, state: 'pending' },
      ],
    });

    const updated = await workos.organizations.updateOrganization(organization.id, {
      name: `After ${id}`,
      external_id: `after-${id}`,
      metadata: { plan: 'enterprise' },
      domain_data: [
        { domain: `keep-${id}.example`, state: 'verified' },
        { domain: `new-${id}.example`, state: 'verified' },
      ],
    });

    expect(updated.id).toBe(organization.id);
    expect(updated.name).toBe(`After ${id}`);
    expect(updated.external_id).toBe(`after-${id}`);
    expect(updated.metadata).toEqual({ plan: 'enterprise' });
    expect(domainStates(updated)).toEqual([
      { domain: `keep-${id}.example`, state: 'verified' },
      { domain: `new-${id}.example`, state: 'verified' },
    ]);
    expect(await workos.organizations.getOrganization(organization.id)).toEqual(updated);
  });

  it('updateOrganization empty name is UnprocessableEntityError', async () => {
    const organization = await workos.organizations.createOrganization({ name: 'Named' });

    const error = await rejectionOf(
      workos.organizations.updateOrganization(organization.id, { name: ' ' }),
    );

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      status: 422,
      code: 'unprocessable_entity',
      errors: [{ field: 'name', code: 'required' }],
    });
    expect((await workos.organizations.getOrganization(organization.id)).name).toBe('Named');
  });

  it('createOrganization empty name is UnprocessableEntityError', async () => {
    const error = await rejectionOf(workos.organizations.createOrganization({ name: '' }));

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      status: 422,
      code: 'unprocessable_entity',
      errors: [{ field: 'name', code: 'required' }],
    });
  });

  it('deleteOrganization then NotFoundError', async () => {
    const organization = await workos.organizations.createOrganization({
      name: `Doomed ${unique()}`,
    });

    const result = await workos.organizations.deleteOrganization(organization.id);
    expect(result).toBeUndefined();

    const error = await rejectionOf(workos.organizations.getOrganization(organization.id));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
    expect((error as NotFoundError).requestId).toMatch(/^req_/);
    expect((error as NotFoundError).isNotFound()).toBe(true);

    const again = await rejectionOf(workos.organizations.deleteOrganization(organization.id));
    expect(again).toBeInstanceOf(NotFoundError);
  });

  it('getAuditLogConfiguration passes fields through', async () => {
    const organization = await workos.organizations.createOrganization({ name: 'Audited' });

    const configuration = await workos.organizations.getAuditLogConfiguration(organization.id);

    // The emulator returns its own shape, not the spec's, and the SDK keeps every field it sent.
    expect(configuration).toEqual({
      object: 'audit_log_configuration',
      organization_id: organization.id,
      enabled: true,
      retention_days: 365,
    });
  });

  it('unknown API key is AuthenticationError', async () => {
    const stranger = new WorkOS({ apiKey: 'sk_test_unknown', baseUrl: emulator.url });

    const error = await rejectionOf(stranger.organizations.listOrganizations());

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
    expect((error as Error).message).not.toContain('sk_test_unknown');
  });
});

describe('organizations through a fault proxy', () => {
  let proxy: FaultProxy;
  let proxied: WorkOS;

  beforeAll(async () => {
    proxy = await startFaultProxy({ target: emulator.url });
    proxied = new WorkOS({ apiKey, baseUrl: proxy.url });
  });

  afterAll(() => proxy.close());

  it('createOrganization retries a 503 with its key', async () => {
    const id = unique();
    proxy.clearRequests();
    proxy.enqueue({
      method: 'POST',
      path: '/organizations',
      status: 503,
      headers: { 'Retry-After': '0' },
    });

    const organization = await proxied.organizations.createOrganization(
      { name: `Retried ${id}`, external_id: `retried-${id}` },
      { idempotencyKey: `retried-${id}` },
    );

    expect(proxy.requests.map(({ attempt, status }) => ({ attempt, status }))).toEqual([
      { attempt: 1, status: 503 },
      { attempt: 2, status: 201 },
    ]);
    expect(proxy.requests.map((request) => request.headers['idempotency-key'])).toEqual([
      `retried-${id}`,
      `retried-${id}`,
    ]);
    expect(await workos.organizations.getOrganizationByExternalId(`retried-${id}`)).toEqual(
      organization,
    );
  });

  it('createOrganization without key is sent once', async () => {
    const id = unique();
    proxy.clearRequests();
    proxy.enqueue({
      method: 'POST',
      path: '/organizations',
      status: 503,
      headers: { 'Retry-After': '0' },
    });

    const error = await rejectionOf(
      proxied.organizations.createOrganization({ name: `Once ${id}`, external_id: `once-${id}` }),
    );

    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, requestId: expect.stringMatching(/^req_fault_/) });
    expect(proxy.requests).toHaveLength(1);
    expect(
      await rejectionOf(workos.organizations.getOrganizationByExternalId(`once-${id}`)),
    ).toBeInstanceOf(NotFoundError);
  });
});

describe('organizations on the spec server', () => {
  const spec = useSpecServer();

  it('getAuditLogConfiguration matches the spec', async () => {
    const configuration = await spec.workos.organizations.getAuditLogConfiguration('org_01 EU/1');

    const request = spec.server.requests.at(-1);
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/organizations/org_01%20EU%2F1/audit_log_configuration');
    expect(request?.query).toEqual({});
    expect(request?.body).toBeUndefined();
    expect(request?.params).toEqual({ id: 'org_01 EU/1' });
    expect(configuration).toEqual(
      spec.server.exampleResponse('GET', '/organizations/{id}/audit_log_configuration'),
    );
  });
});
