import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  InternalServerError,
  NotFoundError,
  UnprocessableEntityError,
  WorkOS,
  type CreateEventBody,
} from '../../src/index.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { sentRequests } from '../support/spec-assertions.js';
import { startSpecServer, type SpecServer } from '../support/spec-server.js';
import { emulatorApiKey, emulatorClient, rejectionOf, useSpecServer } from './helpers.js';

// The emulator disagrees with the spec on several audit log routes, so those calls go to the
// spec server. Its POST /audit_logs/events requires `action: { name }` where the spec nests
// `event: { action }`, and returns the stored event where the spec returns `{ success }`. Its
// retention GET returns `retention_days` where the spec has `retention_period_in_days`. It has
// no GET .../schemas and no retention PUT.
const apiKey = emulatorApiKey(7);

const event: CreateEventBody = {
  organization_id: 'org_1',
  event: {
    action: 'user.signed_in',
    occurred_at: '2025-06-01T12:00:00.000Z',
    actor: { id: 'user_1', type: 'user', name: 'Ada' },
    targets: [{ id: 'team_1', type: 'team' }],
    context: { location: '198.51.100.42', user_agent: 'Mozilla/5.0' },
    metadata: { attempts: 1 },
  },
};

describe('audit logs on the emulator', () => {
  const workos = emulatorClient(7);

  it('listActions pages the created actions', async () => {
    const prefix = `invoice-${randomUUID()}`;
    const names = [`${prefix}.created`, `${prefix}.paid`, `${prefix}.voided`];
    for (const name of names) {
      await workos.auditLogs.createSchema(name, { targets: [{ type: 'invoice' }] });
    }

    const firstPage = await workos.auditLogs.listActions({ limit: 2, order: 'asc' });
    const listed: string[] = [];
    for await (const action of workos.auditLogs.listActions({ limit: 2, order: 'asc' })) {
      if (action.name.startsWith(prefix)) listed.push(action.name);
    }

    expect(firstPage.data).toHaveLength(2);
    expect(firstPage.hasNextPage()).toBe(true);
    expect(listed).toEqual(names);
  });

  it('createExport then getExport round trip', async () => {
    const org = await workos.organizations.createOrganization({
      name: `Audit exports ${randomUUID()}`,
    });

    const created = await workos.auditLogs.createExport({
      organization_id: org.id,
      range_start: '2025-01-01T00:00:00.000Z',
      range_end: '2025-02-01T00:00:00.000Z',
      actions: ['user.signed_in'],
    });
    const fetched = await workos.auditLogs.getExport(created.id);

    expect(created).toMatchObject({
      object: 'audit_log_export',
      state: 'ready',
      url: 'https://emulator.workos.test/exports/audit_log_export_mock.csv',
    });
    expect(created.id).toMatch(/^audit_export_/);
    expect(fetched).toEqual(created);
  });

  it('getExport of a missing id is NotFoundError', async () => {
    const error = await rejectionOf(workos.auditLogs.getExport('audit_export_missing'));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      body: { message: 'AuditLogExport not found', code: 'not_found' },
    });
  });

  it('createExport without organization is 422', async () => {
    const error = await rejectionOf(
      workos.auditLogs.createExport({
        organization_id: '',
        range_start: '2025-01-01T00:00:00.000Z',
        range_end: '2025-02-01T00:00:00.000Z',
      }),
    );

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      status: 422,
      code: 'unprocessable_entity',
      errors: [{ field: 'organization_id', code: 'required' }],
    });
  });
});

describe('createEvent on the spec server', () => {
  // The client sends through a fault proxy in front of the spec server, so a test can fail the
  // first attempt and see the retry.
  let server: SpecServer;
  let proxy: FaultProxy;
  let workos: WorkOS;

  beforeAll(async () => {
    server = await startSpecServer({ apiKeys: [apiKey] });
    proxy = await startFaultProxy({ target: server.url });
    workos = new WorkOS({ apiKey, baseUrl: proxy.url });
  });

  afterAll(async () => {
    await proxy.close();
    await server.close();
  });

  beforeEach(() => {
    server.requests.length = 0;
    proxy.clearRequests();
  });

  it('retries with the same Idempotency-Key', async () => {
    proxy.enqueue({
      method: 'POST',
      path: '/audit_logs/events',
      status: 503,
      headers: { 'Retry-After': '0' },
    });

    const result = await workos.auditLogs.createEvent(event, {
      idempotencyKey: 'audit-event-0001',
    });

    expect(result).toEqual(server.exampleResponse('POST', '/audit_logs/events'));
    expect(result).toEqual({ success: true });
    expect(
      proxy.requests.map(({ attempt, method, headers, status }) => ({
        attempt,
        method,
        key: headers['idempotency-key'],
        status,
      })),
    ).toEqual([
      { attempt: 1, method: 'POST', key: 'audit-event-0001', status: 503 },
      { attempt: 2, method: 'POST', key: 'audit-event-0001', status: 200 },
    ]);
    expect(sentRequests(server)).toEqual([
      { method: 'POST', path: '/audit_logs/events', query: {}, body: event },
    ]);
    expect(server.requests[0]?.headers['idempotency-key']).toBe('audit-event-0001');
  });

  it('without a key it is sent once', async () => {
    proxy.enqueue({
      method: 'POST',
      path: '/audit_logs/events',
      status: 503,
      headers: { 'Retry-After': '0' },
    });

    const error = await rejectionOf(workos.auditLogs.createEvent(event));

    expect(error).toBeInstanceOf(InternalServerError);
    expect(proxy.requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 503, requestId: proxy.requests[0]?.requestId });
    expect(proxy.requests[0]?.headers).not.toHaveProperty('idempotency-key');
    expect(server.requests).toEqual([]);
  });
});

describe('audit log schemas and retention on the spec server', () => {
  const spec = useSpecServer({ apiKey, clearRequests: true });

  it('createSchema encodes the action name', async () => {
    const schema = await spec.workos.auditLogs.createSchema('user.viewed invoice', {
      actor: { metadata: { type: 'object', properties: { role: { type: 'string' } } } },
      targets: [{ type: 'invoice' }],
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'POST',
        path: '/audit_logs/actions/user.viewed%20invoice/schemas',
        query: {},
        body: {
          actor: { metadata: { type: 'object', properties: { role: { type: 'string' } } } },
          targets: [{ type: 'invoice' }],
        },
      },
    ]);
    expect(schema).toEqual(
      spec.server.exampleResponse('POST', '/audit_logs/actions/{actionName}/schemas'),
    );
  });

  it('listSchemas sends cursors', async () => {
    const page = await spec.workos.auditLogs.listSchemas('user.signed_in', {
      limit: 3,
      order: 'desc',
      before: 'als_1',
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'GET',
        path: '/audit_logs/actions/user.signed_in/schemas',
        query: { limit: '3', order: 'desc', before: 'als_1' },
        body: undefined,
      },
    ]);
    expect({ object: page.object, data: page.data, list_metadata: page.list_metadata }).toEqual(
      spec.server.exampleResponse('GET', '/audit_logs/actions/{actionName}/schemas'),
    );
  });

  it('getRetention reads the period', async () => {
    const retention = await spec.workos.auditLogs.getRetention('org_1');

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'GET',
        path: '/organizations/org_1/audit_logs_retention',
        query: {},
        body: undefined,
      },
    ]);
    expect(retention).toEqual(
      spec.server.exampleResponse('GET', '/organizations/{id}/audit_logs_retention'),
    );
  });

  it('setRetention sends PUT with the period', async () => {
    const retention = await spec.workos.auditLogs.setRetention('org_1', {
      retention_period_in_days: 30,
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'PUT',
        path: '/organizations/org_1/audit_logs_retention',
        query: {},
        body: { retention_period_in_days: 30 },
      },
    ]);
    expect(retention).toEqual(
      spec.server.exampleResponse('PUT', '/organizations/{id}/audit_logs_retention'),
    );
  });
});
