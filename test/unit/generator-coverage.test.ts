import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { METHOD_NAME_OVERRIDES } from '../../codegen/overrides.js';
import { operations, type GeneratedOperation } from '../../src/generated/operations.js';
import type { WorkOSResources } from '../../src/generated/resources.js';
import { recordingResources as recordingResourcesFor } from '../support/recording-client.js';

// The spec and the overlay are read here with the yaml package alone, not with the generator's
// loader, so a bug in the loader cannot hide an operation from this test.
const require = createRequire(import.meta.url);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface SpecOperation {
  method: string;
  path: string;
  security: Array<Record<string, unknown>> | undefined;
}

function readOperations(file: string): SpecOperation[] {
  const document = parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 }) as {
    paths: Record<
      string,
      Partial<Record<(typeof METHODS)[number], { security?: SpecOperation['security'] }>>
    >;
  };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      method: method.toUpperCase(),
      path,
      security: item[method]?.security,
    })),
  );
}

const specOperations = [
  ...readOperations(require.resolve('@workos/openapi-spec/spec')),
  ...readOperations(new URL('../../codegen/overlay.yaml', import.meta.url).pathname),
];

function recordingResources() {
  return recordingResourcesFor({
    apiKey: 'sk_test_generator_coverage',
    clientId: 'client_generator_coverage',
  });
}

function namespaceOf(
  resources: WorkOSResources,
  entry: GeneratedOperation,
): Record<string, unknown> | undefined {
  return (resources as unknown as Record<string, Record<string, unknown> | undefined>)[
    entry.namespace
  ];
}

function methodOf(resources: WorkOSResources, entry: GeneratedOperation): unknown {
  return namespaceOf(resources, entry)?.[entry.name];
}

/** Fills a path template with `p0`, `p1`... in order, the values the calls below pass. */
function filledPath(template: string): string {
  let index = 0;
  return template.replace(/\{[^}]+\}/g, () => `p${index++}`);
}

describe('generated operations', () => {
  it('cover every operation of the spec and overlay', () => {
    const listed = new Set(operations.map((entry) => `${entry.method} ${entry.path}`));
    const missing = specOperations
      .map((operation) => `${operation.method} ${operation.path}`)
      .filter((key) => !listed.has(key));

    expect(specOperations.length).toBe(180);
    expect(missing, `operations.ts lacks a method for: ${missing.join(', ')}`).toEqual([]);
  });

  it('list only operations the spec has', () => {
    const known = new Set(
      specOperations.map((operation) => `${operation.method} ${operation.path}`),
    );
    const invented = operations.filter((entry) => !known.has(`${entry.method} ${entry.path}`));

    expect(invented).toEqual([]);
  });

  it('exist as methods of WorkOSResources', () => {
    const { resources } = recordingResources();
    const missing = operations
      .filter((entry) => typeof methodOf(resources, entry) !== 'function')
      .map((entry) => `${entry.namespace}.${entry.name} (${entry.method} ${entry.path})`);

    expect(missing, `WorkOSResources lacks: ${missing.join(', ')}`).toEqual([]);
  });

  it('have unique names within each namespace', () => {
    const names = operations.map((entry) => `${entry.namespace}.${entry.name}`);
    const repeated = names.filter((name, index) => names.indexOf(name) !== index);

    expect(repeated).toEqual([]);
  });

  it('send the method and path they are listed with', async () => {
    const { resources, requests } = recordingResources();
    const wrong: string[] = [];

    for (const entry of operations) {
      const spec = specOperations.find(
        (operation) => operation.method === entry.method && operation.path === entry.path,
      );
      const pathValues = (entry.path.match(/\{[^}]+\}/g) ?? []).map((_, index) => `p${index}`);
      const takesAccessToken =
        spec?.security?.some((requirement) => 'access_token' in requirement) ?? false;
      const args = [...(takesAccessToken ? ['access-token'] : []), ...pathValues, {}, {}];
      const method = methodOf(resources, entry) as (...values: unknown[]) => unknown;

      requests.length = 0;
      const result: unknown = await method.apply(namespaceOf(resources, entry), args);

      const sent =
        typeof result === 'string'
          ? `GET ${new URL(result).pathname}`
          : `${requests[0]?.method ?? 'nothing'} ${requests[0] ? new URL(requests[0].url).pathname : ''}`;
      const expected = `${entry.method} ${filledPath(entry.path)}`;
      if (sent !== expected)
        wrong.push(`${entry.namespace}.${entry.name}: sent ${sent}, expected ${expected}`);
    }

    expect(wrong).toEqual([]);
  });

  it('build URLs for the browser redirects without sending', () => {
    const { resources, requests } = recordingResources();
    const builders = operations.filter((entry) => {
      const spec = specOperations.find(
        (operation) => operation.method === entry.method && operation.path === entry.path,
      );
      return entry.method === 'GET' && spec?.security?.length === 0;
    });

    expect(builders.map((entry) => `${entry.namespace}.${entry.name}`).sort()).toEqual([
      'sso.getAuthorizationUrl',
      'sso.getLogoutUrl',
      'userManagement.getAuthorizationUrl',
      'userManagement.getLogoutUrl',
    ]);
    const url = resources.sso.getAuthorizationUrl({
      redirect_uri: 'https://app.example/callback',
      connection: 'conn_1',
    });
    expect(url).toBe(
      'http://127.0.0.1:1/sso/authorize?redirect_uri=https%3A%2F%2Fapp.example%2Fcallback&connection=conn_1&response_type=code&client_id=client_generator_coverage',
    );
    expect(requests).toEqual([]);
  });
});

describe('generated method names', () => {
  const nameOf = (method: string, path: string) =>
    operations
      .filter((entry) => entry.method === method && entry.path === path)
      .map((entry) => `${entry.namespace}.${entry.name}`);

  it.each([
    ['GET', '/organizations', 'organizations.listOrganizations'],
    [
      'GET',
      '/organizations/external_id/{external_id}',
      'organizations.getOrganizationByExternalId',
    ],
    ['POST', '/organizations', 'organizations.createOrganization'],
    ['POST', '/user_management/users', 'userManagement.createUser'],
    [
      'GET',
      '/user_management/organization_memberships',
      'userManagement.listOrganizationMemberships',
    ],
    ['POST', '/sso/token', 'sso.getProfileAndToken'],
    ['GET', '/sso/profile', 'sso.getProfile'],
    ['GET', '/connections', 'sso.listConnections'],
    ['GET', '/directory_users', 'directorySync.listUsers'],
    ['GET', '/directories', 'directorySync.listDirectories'],
    ['GET', '/directory_groups/{id}', 'directorySync.getGroup'],
    ['POST', '/audit_logs/events', 'auditLogs.createEvent'],
    ['POST', '/audit_logs/exports', 'auditLogs.createExport'],
    ['POST', '/organization_domains/{id}/verify', 'organizationDomains.verifyOrganizationDomain'],
    ['POST', '/auth/factors/enroll', 'mfa.enrollFactor'],
    ['POST', '/portal/generate_link', 'portal.generateLink'],
    ['GET', '/webhook_endpoints', 'webhooks.listWebhookEndpoints'],
    ['GET', '/events', 'events.listEvents'],
    ['POST', '/widgets/token', 'widgets.getToken'],
    ['GET', '/feature-flags', 'featureFlags.listFeatureFlags'],
    ['POST', '/organizations/{organizationId}/api_keys', 'apiKeys.createOrganizationApiKey'],
    ['POST', '/authorization/roles', 'authorization.createEnvironmentRole'],
    [
      'GET',
      '/authorization/organizations/{organizationId}/roles',
      'authorization.listOrganizationRoles',
    ],
    ['POST', '/vault/v1/kv', 'vault.createObject'],
    ['GET', '/vault/v1/kv/name/{name}', 'vault.readObjectByName'],
    ['POST', '/vault/v1/keys/decrypt', 'vault.decryptDataKey'],
  ])('%s %s is %s', (method, path, name) => {
    expect(nameOf(method, path)).toEqual([name]);
  });

  it('follow the override table', () => {
    const mismatched = Object.entries(METHOD_NAME_OVERRIDES).filter(([key, name]) => {
      const [method = '', path = ''] = key.split(' ');
      return !nameOf(method, path).some((qualified) => qualified.endsWith(`.${name}`));
    });

    expect(mismatched).toEqual([]);
  });

  it('give authenticate one method per grant type', () => {
    expect(nameOf('POST', '/user_management/authenticate')).toEqual([
      'userManagement.authenticate',
      'userManagement.authenticateWithCode',
      'userManagement.authenticateWithPassword',
      'userManagement.authenticateWithRefreshToken',
      'userManagement.authenticateWithMagicAuth',
      'userManagement.authenticateWithEmailVerification',
      'userManagement.authenticateWithTotp',
      'userManagement.authenticateWithOrganizationSelection',
      'userManagement.authenticateWithDeviceCode',
    ]);
  });
});
