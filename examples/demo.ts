/**
 * B2B onboarding, end to end, through workos-ts alone:
 *
 *   npm install && npm run demo
 *
 * Starts the official WorkOS emulator on a free loopback port, unless WORKOS_API_KEY is set, in
 * which case the same story runs against WORKOS_BASE_URL (or the real API).
 */
import { randomUUID } from 'node:crypto';

import {
  InternalServerError,
  NotFoundError,
  WorkOS,
  type Organization,
  type RetryEvent,
  type ResponseEvent,
  type User,
} from '../src/index.js';
import { startEmulator } from '../test/support/emulator.js';
import { startFaultProxy } from '../test/support/fault-proxy.js';
import { isLoopbackUrl } from '../test/support/loopback.js';

const USER_COUNT = 250;
const CONCURRENCY = 10;
const PASSWORD = 'Demo-passw0rd-2026!';

async function main(): Promise<void> {
  const started = Date.now();
  const target = await connect();
  const workos = new WorkOS({
    apiKey: target.apiKey,
    baseUrl: target.baseUrl,
    clientId: target.clientId,
  });
  const runId = randomUUID().slice(0, 8);
  const domain = `acme-${runId}.example.com`;
  const created: { organization?: Organization; users: User[] } = { users: [] };

  try {
    const organization = await workos.organizations.createOrganization(
      { name: `Acme ${runId}`, domain_data: [{ domain, state: 'verified' }] },
      { idempotencyKey: `demo-org-${runId}` },
    );
    created.organization = organization;
    step(
      `Created organization ${organization.id} with verified domain ${organization.domains[0]?.domain}`,
    );

    const usersStarted = Date.now();
    await inBatches(USER_COUNT, CONCURRENCY, async (index) => {
      const user = await workos.userManagement.createUser({
        email: `user${index}@${domain}`,
        password: PASSWORD,
        first_name: 'Demo',
        last_name: `User ${index}`,
        email_verified: true,
      });
      created.users.push(user);
      await workos.userManagement.createOrganizationMembership({
        user_id: user.id,
        organization_id: organization.id,
      });
    });
    step(
      `Created ${USER_COUNT} users, each a member of the organization, in ${seconds(usersStarted)} ` +
        `(${CONCURRENCY} calls at a time on one client)`,
    );

    let pagesFetched = 0;
    const countPages = workos.withOptions({
      hooks: {
        onResponse: (event: ResponseEvent) => void (event.status === 200 && pagesFetched++),
      },
    });
    let listed = 0;
    for await (const user of countPages.userManagement.listUsers({
      organization_id: organization.id,
      limit: 100,
    })) {
      if (user.email.endsWith(`@${domain}`)) listed++;
    }
    step(
      `Listed ${listed} users of the organization with for await: ${pagesFetched} pages fetched at limit 100`,
    );

    const firstUser = created.users[0]!;
    const session = await workos.userManagement.authenticateWithPassword({
      email: firstUser.email,
      password: PASSWORD,
    });
    const summary = {
      user_id: session.user.id,
      organization_id: session.organization_id,
      access_token: session.access_token,
      refresh_token: session.refresh_token,
    };
    step(`Signed in ${session.user.email} by password: ${JSON.stringify(summary)}`);

    await showRetries(target, organization.id);

    try {
      await workos.organizations.getOrganization('org_does_not_exist');
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      step(`NotFoundError: ${error.message} (status ${error.status}, code ${error.code})`);
    }
  } finally {
    await cleanUp(workos, created);
    await target.close();
  }

  step(`Done in ${seconds(started)}`);
}

interface Target {
  apiKey: string;
  baseUrl: string;
  /** Needed for the password sign-in; read from WORKOS_CLIENT_ID against a real server. */
  clientId: string | undefined;
  emulated: boolean;
  close(): Promise<void>;
}

async function connect(): Promise<Target> {
  const apiKey = process.env.WORKOS_API_KEY;
  if (apiKey) {
    const baseUrl = process.env.WORKOS_BASE_URL ?? 'https://api.workos.com';
    const clientId = process.env.WORKOS_CLIENT_ID;
    step(`Using the server at ${baseUrl} (WORKOS_API_KEY is set)`);
    return { apiKey, baseUrl, clientId, emulated: false, close: async () => undefined };
  }

  const emulator = await startEmulator();
  step(`Started the WorkOS emulator at ${emulator.url}`);
  return {
    apiKey: emulator.apiKey,
    baseUrl: emulator.url,
    clientId: 'client_demo',
    emulated: true,
    close: () => emulator.close(),
  };
}

/** Puts a fault-injecting proxy in front of the server and shows what the retries do. */
async function showRetries(target: Target, organizationId: string): Promise<void> {
  if (!isLoopbackUrl(new URL(target.baseUrl))) {
    step('Skipped the fault-proxy step: the proxy only fronts servers on this machine (loopback)');
    return;
  }

  const proxy = await startFaultProxy({ target: target.baseUrl });
  const retries: RetryEvent[] = [];
  const statuses: string[] = [];
  const viaProxy = new WorkOS({
    apiKey: target.apiKey,
    baseUrl: proxy.url,
    hooks: {
      onRetry: (event) => retries.push(event),
      onResponse: (event) =>
        statuses.push(
          `attempt ${event.attempt}: ${event.status} (${event.requestId ?? 'no request id'})`,
        ),
    },
  });

  try {
    proxy.enqueue({
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { message: 'Too many requests' },
    });
    proxy.enqueue({ status: 503, body: { message: 'Service unavailable' } });
    const { data, requestId } = await viaProxy.organizations
      .getOrganization(organizationId)
      .withResponse();
    step(`GET through the fault proxy: ${statuses.join(' -> ')}`);
    for (const retry of retries) {
      step(
        `  retry after attempt ${retry.attempt}: ${retry.reason}, waited ${retry.delayMs} ms (request id ${retry.requestId})`,
      );
    }
    step(`  succeeded with ${data.id}${requestId ? ` (request id ${requestId})` : ''}`);

    statuses.length = 0;
    retries.length = 0;
    proxy.enqueue({ status: 503, body: { message: 'Service unavailable' } });
    try {
      await viaProxy.organizations.createOrganization({ name: 'Never created twice' });
      throw new Error('The POST should have failed with the injected 503');
    } catch (error) {
      if (!(error instanceof InternalServerError)) throw error;
      step(
        `POST without an idempotency key: ${statuses.join(', ')}; not retried (${retries.length} retries), ` +
          `${error.name} with request id ${error.requestId}`,
      );
    }
  } finally {
    await proxy.close();
  }
}

async function cleanUp(
  workos: WorkOS,
  created: { organization?: Organization; users: User[] },
): Promise<void> {
  const users = created.users.splice(0);
  await inBatches(users.length, CONCURRENCY, async (index) => {
    await workos.userManagement.deleteUser(users[index]!.id);
  });
  if (created.organization) await workos.organizations.deleteOrganization(created.organization.id);
  step(
    `Cleaned up: deleted ${users.length} users${created.organization ? ' and the organization' : ''}`,
  );
}

async function inBatches(
  count: number,
  width: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
}

function step(line: string): void {
  console.log(line);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

main().catch((error: unknown) => {
  console.error(
    `Demo failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  );
  process.exitCode = 1;
});
