import { createHmac, randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  NotFoundError,
  SecretString,
  UnprocessableEntityError,
  type WebhookEndpointJson,
} from '../../src/index.js';
import { exposeSecrets, sentRequests } from '../support/spec-assertions.js';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server.js';
import { emulatorApiKey, emulatorClient, rejectionOf, useSpecServer } from './helpers.js';

const apiKey = emulatorApiKey(7);

describe('webhook endpoints on the emulator', () => {
  const workos = emulatorClient(7);

  // The emulator delivers events to every endpoint it holds, so each endpoint created here
  // points at this loopback receiver and is deleted after the tests.
  let receiver: ScriptedServer;
  const createdIds = new Set<string>();

  beforeAll(async () => {
    receiver = await startScriptedServer(() => ({ status: 200, body: {} }));
  });

  afterAll(async () => {
    for (const id of createdIds) {
      await workos.webhooks.deleteWebhookEndpoint(id).catch(() => undefined);
    }
    await receiver.close();
  });

  async function createEndpoint(events: string[]): Promise<WebhookEndpointJson> {
    const endpoint = await workos.webhooks.createWebhookEndpoint({
      endpoint_url: `${receiver.url}/hooks/${randomUUID()}`,
      events,
    });
    createdIds.add(endpoint.id);
    return endpoint;
  }

  it('createWebhookEndpoint returns the signing secret', async () => {
    const endpointUrl = `${receiver.url}/hooks/${randomUUID()}`;

    const endpoint = await workos.webhooks.createWebhookEndpoint({
      endpoint_url: endpointUrl,
      events: ['organization.created', 'user.created'],
    });
    createdIds.add(endpoint.id);

    expect(endpoint).toMatchObject({
      object: 'webhook_endpoint',
      endpoint_url: endpointUrl,
      events: ['organization.created', 'user.created'],
    });
    expect(endpoint.id).toMatch(/^we_/);
    expect(endpoint.secret).toBeInstanceOf(SecretString);
    const secret = endpoint.secret.expose();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(endpoint)).toContain('"secret":"[REDACTED]"');
    expect(JSON.stringify(endpoint)).not.toContain(secret);
  });

  it('delivery is signed with the returned secret', async () => {
    const endpoint = await createEndpoint(['organization.created']);
    const path = new URL(endpoint.endpoint_url).pathname;

    const org = await workos.organizations.createOrganization({ name: `Hooks ${randomUUID()}` });

    const delivery = await vi.waitFor(
      () => {
        const found = receiver.requests.find(
          (request) =>
            request.path === path &&
            (request.json as { data?: { id?: string } } | undefined)?.data?.id === org.id,
        );
        if (!found) throw new Error(`No delivery for ${org.id} reached ${path} yet`);
        return found;
      },
      { timeout: 5_000, interval: 50 },
    );

    expect(delivery.method).toBe('POST');
    expect(delivery.json).toMatchObject({ event: 'organization.created', data: { id: org.id } });
    const signature = String(delivery.headers['workos-signature']);
    const [, timestamp, digest] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature) ?? [];
    const expected = createHmac('sha256', endpoint.secret.expose())
      .update(`${timestamp}.${delivery.body}`)
      .digest('hex');
    expect(digest).toBe(expected);
  });

  it('listWebhookEndpoints pages created endpoints', async () => {
    const created = [
      await createEndpoint(['user.created']),
      await createEndpoint(['user.updated']),
      await createEndpoint(['user.deleted']),
    ];
    const ids = new Set(created.map((endpoint) => endpoint.id));

    const listed: WebhookEndpointJson[] = [];
    for await (const endpoint of workos.webhooks.listWebhookEndpoints({
      limit: 2,
      order: 'asc',
    })) {
      if (ids.has(endpoint.id)) listed.push(endpoint);
    }

    expect(listed.map(({ id, events }) => ({ id, events }))).toEqual(
      created.map(({ id, events }) => ({ id, events })),
    );
    // Listings carry only the start of each secret, still wrapped.
    expect(listed.every(({ secret }) => secret instanceof SecretString)).toBe(true);
    expect(listed.map(({ secret }) => secret.expose())).toEqual(
      created.map(({ secret }) => `${secret.expose().slice(0, 8)}****`),
    );
  });

  it('deleteWebhookEndpoint removes the endpoint', async () => {
    const endpoint = await createEndpoint(['session.created']);

    const result = await workos.webhooks.deleteWebhookEndpoint(endpoint.id);
    createdIds.delete(endpoint.id);

    expect(result).toBeUndefined();
    const remaining: string[] = [];
    for await (const listed of workos.webhooks.listWebhookEndpoints({ limit: 100 })) {
      remaining.push(listed.id);
    }
    expect(remaining).not.toContain(endpoint.id);

    const error = await rejectionOf(workos.webhooks.deleteWebhookEndpoint(endpoint.id));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      body: { message: 'WebhookEndpoint not found', code: 'not_found' },
    });
  });

  it('createWebhookEndpoint without URL is 422', async () => {
    const error = await rejectionOf(
      workos.webhooks.createWebhookEndpoint({ endpoint_url: '', events: ['user.created'] }),
    );

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      status: 422,
      code: 'unprocessable_entity',
      errors: [{ field: 'endpoint_url', code: 'required' }],
    });
  });
});

// The emulator updates endpoints with PUT where the spec says PATCH, so updates go to the
// spec server.
describe('webhook endpoints on the spec server', () => {
  const spec = useSpecServer({ apiKey });

  it('updateWebhookEndpoint sends PATCH', async () => {
    const updated = await spec.workos.webhooks.updateWebhookEndpoint('we_1/a', {
      status: 'disabled',
      events: ['user.created'],
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'PATCH',
        path: '/webhook_endpoints/we_1%2Fa',
        query: {},
        body: { status: 'disabled', events: ['user.created'] },
      },
    ]);
    expect(updated.secret).toBeInstanceOf(SecretString);
    expect(exposeSecrets(updated)).toEqual(
      spec.server.exampleResponse('PATCH', '/webhook_endpoints/{id}'),
    );
  });
});
