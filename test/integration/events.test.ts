import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { AuthenticationError, WorkOS, type EventSchema } from '../../src/index.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { sentRequests } from '../support/spec-assertions.js';
import { emulatorApiKey, rejectionOf, useSpecServer } from './helpers.js';

const emulator = inject('emulator');
const apiKey = emulatorApiKey(7);

function dataId(event: EventSchema): unknown {
  return (event.data as { id?: unknown }).id;
}

describe('listEvents on the emulator', () => {
  // The emulator is reached through a fault proxy that injects nothing, so the tests can read
  // the query string exactly as the SDK wrote it.
  let proxy: FaultProxy;
  let workos: WorkOS;

  beforeAll(async () => {
    proxy = await startFaultProxy({ target: emulator.url });
    workos = new WorkOS({ apiKey, baseUrl: proxy.url });
  });

  afterAll(() => proxy.close());

  it('walks emitted events page by page', async () => {
    const suffix = randomUUID();
    // The marker makes sure at least one event exists to start the walk after.
    await workos.organizations.createOrganization({ name: `Events marker ${suffix}` });
    const [anchor] = (await workos.events.listEvents({ limit: 1 })).data;
    if (!anchor) throw new Error('The emulator listed no event after creating an organization');

    const first = await workos.organizations.createOrganization({ name: `Events ${suffix}` });
    const user = await workos.userManagement.createUser({ email: `events-${suffix}@example.com` });
    const second = await workos.organizations.createOrganization({ name: `Events 2 ${suffix}` });
    const ids = new Set([first.id, user.id, second.id]);
    proxy.clearRequests();

    // Other test files share the emulator, so their events are skipped by id. The emulator reads
    // the filter only as repeated `events[]` parameters, so it returns every type here.
    const mine: EventSchema[] = [];
    for await (const event of workos.events.listEvents({
      events: ['organization.created', 'user.created'],
      order: 'asc',
      after: anchor.id,
      limit: 2,
    })) {
      if (ids.has(dataId(event) as string)) mine.push(event);
    }

    expect(mine.map((event) => [event.event, dataId(event)])).toEqual([
      ['organization.created', first.id],
      ['user.created', user.id],
      ['organization.created', second.id],
    ]);
    expect(mine[0]?.data).toEqual(first);
    expect(mine[1]?.data).toEqual(user);
    expect(mine.every((event) => event.object === 'event' && event.id.startsWith('evt_'))).toBe(
      true,
    );

    const paths = proxy.requests.map((request) => request.path);
    expect(paths[0]).toBe(
      `/events?events=organization.created%2Cuser.created&order=asc&after=${anchor.id}&limit=2`,
    );
    expect(paths.length).toBeGreaterThan(1);
    for (const path of paths.slice(1)) {
      expect(path).toMatch(
        /^\/events\?events=organization\.created%2Cuser\.created&order=asc&after=evt_\w+&limit=2$/,
      );
    }
  });

  it('unknown API key is AuthenticationError', async () => {
    const stranger = new WorkOS({ apiKey: 'sk_test_not_seeded', baseUrl: emulator.url });

    const error = await rejectionOf(stranger.events.listEvents());

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      status: 401,
      code: 'unauthorized',
      body: { message: 'Unauthorized', code: 'unauthorized' },
    });
    expect((error as AuthenticationError).isUnauthorized()).toBe(true);
    expect(JSON.stringify(error)).not.toContain('sk_test_not_seeded');
  });
});

describe('listEvents on the spec server', () => {
  const spec = useSpecServer({ apiKey });

  it('sends every filter the spec lists', async () => {
    const page = await spec.workos.events.listEvents({
      events: ['dsync.user.created', 'dsync.user.updated'],
      organization_id: 'org_1',
      range_start: '2025-01-01T00:00:00Z',
      range_end: '2025-12-31T23:59:59Z',
      limit: 5,
    });

    // The spec's `events` parameter is `style: form, explode: false`: one comma-joined value.
    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'GET',
        path: '/events',
        query: {
          events: 'dsync.user.created,dsync.user.updated',
          organization_id: 'org_1',
          range_start: '2025-01-01T00:00:00Z',
          range_end: '2025-12-31T23:59:59Z',
          limit: '5',
        },
        body: undefined,
      },
    ]);
    expect({ object: page.object, data: page.data, list_metadata: page.list_metadata }).toEqual(
      spec.server.exampleResponse('GET', '/events'),
    );
    expect(page.data[0]?.event).toBe('dsync.user.created');
  });
});
