import { describe, expect, it } from 'vitest';

import { methodName, namespaceForTag, singular } from '../../codegen/naming.js';
import { isSecretField } from '../../codegen/secrets.js';
import { mergeOverlay, type OpenAPIDocument } from '../../codegen/spec.js';
import { TypeRenderer } from '../../codegen/types.js';

describe('namespaceForTag', () => {
  it.each([
    ['organizations', 'organizations'],
    ['audit-logs', 'auditLogs'],
    ['connections', 'sso'],
    ['directory-users', 'directorySync'],
    ['user-management.invitations', 'userManagement'],
    ['user-management.users.feature-flags', 'featureFlags'],
    ['user-management.data-providers', 'pipes'],
    ['organizations.api_keys', 'apiKeys'],
    ['multi-factor-auth.challenges', 'mfa'],
  ])('maps %s to %s', (tag, namespace) => {
    expect(namespaceForTag(tag)).toBe(namespace);
  });
});

describe('methodName', () => {
  const named = (summary: string, namespace: string) =>
    methodName('GET', '/not-overridden', { summary }, namespace);

  it.each([
    ['Get an Organization by External ID', 'organizations', 'getOrganizationByExternalId'],
    ['List API keys for an organization', 'apiKeys', 'listOrganizationApiKeys'],
    ['Add a permission to an environment role', 'authorization', 'addEnvironmentRolePermission'],
    ['List custom roles', 'authorization', 'listOrganizationRoles'],
    ['Get a Directory User', 'directorySync', 'getUser'],
    ['List Directories', 'directorySync', 'listDirectories'],
    [
      'Create a new client secret for a Connect Application',
      'connect',
      'createApplicationClientSecret',
    ],
    ['Add an entry to a Radar list', 'radar', 'addListEntry'],
    ['Get JWKS', 'userManagement', 'getJwks'],
    [
      'List memberships for a resource by external ID',
      'authorization',
      'listMembershipsForResourceByExternalId',
    ],
  ])('names "%s" in %s %s', (summary, namespace, name) => {
    expect(named(summary, namespace)).toBe(name);
  });

  it('takes an override before the summary', () => {
    expect(methodName('GET', '/sso/profile', { summary: 'Get a User Profile' }, 'sso')).toBe(
      'getProfile',
    );
  });

  it('falls back to the operationId action', () => {
    expect(methodName('POST', '/x', { operationId: 'ThingsController_archiveAll' }, 'things')).toBe(
      'archiveAll',
    );
  });
});

describe('singular', () => {
  it.each([
    ['identities', 'identity'],
    ['statuses', 'status'],
    ['scopes', 'scope'],
    ['status', 'status'],
    ['address', 'address'],
  ])('turns %s into %s', (plural, expected) => {
    expect(singular(plural)).toBe(expected);
  });
});

describe('isSecretField', () => {
  it('treats credential names as secret anywhere', () => {
    expect(isSecretField('access_token', undefined)).toBe(true);
    expect(isSecretField('client_secret', 'TokenQueryDto')).toBe(true);
    expect(isSecretField('token', undefined)).toBe(true);
  });

  it('treats value as secret only in API key and Vault schemas', () => {
    expect(isSecretField('value', 'OrganizationApiKeyWithValue')).toBe(true);
    expect(isSecretField('value', 'VaultObject')).toBe(true);
    expect(isSecretField('value', 'DirectoryUser')).toBe(false);
    expect(isSecretField('value', undefined)).toBe(false);
  });

  it('leaves one-time codes and public tokens plain', () => {
    expect(isSecretField('code', undefined)).toBe(false);
    expect(isSecretField('verification_token', undefined)).toBe(false);
  });
});

describe('mergeOverlay', () => {
  const baseDocument = (): OpenAPIDocument => ({
    openapi: '3.1.1',
    paths: { '/things': { get: { summary: 'List things' } } },
    components: { schemas: { Thing: { type: 'object' } } },
  });

  it('adds new operations and schemas', () => {
    const document = baseDocument();
    mergeOverlay(document, {
      paths: { '/things': { post: { summary: 'Create a thing' } } },
      components: { schemas: { NewThing: { type: 'object' } } },
    });

    expect(Object.keys(document.paths['/things'] ?? {})).toEqual(['get', 'post']);
    expect(Object.keys(document.components.schemas)).toEqual(['Thing', 'NewThing']);
  });

  it('rejects an operation the spec already has', () => {
    expect(() =>
      mergeOverlay(baseDocument(), { paths: { '/things': { get: { summary: 'Again' } } } }),
    ).toThrow(
      'overlay.yaml defines GET /things, which the spec already has: remove it from the overlay',
    );
  });

  it('rejects a schema the spec already has', () => {
    expect(() => mergeOverlay(baseDocument(), { components: { schemas: { Thing: {} } } })).toThrow(
      'overlay.yaml defines schema Thing, which the spec already has',
    );
  });
});

describe('TypeRenderer', () => {
  const document: OpenAPIDocument = {
    openapi: '3.1.1',
    paths: {},
    components: { schemas: { Role: { type: 'object', properties: { slug: { type: 'string' } } } } },
  };
  const renderer = new TypeRenderer(document, (name) => name);
  const render = (schema: object, side: 'request' | 'response' = 'response', secret = false) =>
    renderer.render(schema, { side, owner: undefined, namePath: ['Test'], secret });

  it('renders nullable references and arrays', () => {
    expect(render({ oneOf: [{ $ref: '#/components/schemas/Role' }, { type: 'null' }] })).toBe(
      'Role | null',
    );
    expect(render({ type: ['array', 'null'], items: { type: 'integer' } })).toBe('number[] | null');
  });

  it('renders free-form objects as records', () => {
    expect(render({ type: 'object' })).toBe('Record<string, unknown>');
    expect(render({ type: 'object', additionalProperties: { type: 'string' } })).toBe(
      'Record<string, string>',
    );
  });

  it('renders credential strings by side', () => {
    expect(render({ type: ['string', 'null'] }, 'response', true)).toBe('SecretString | null');
    expect(render({ type: 'string' }, 'request', true)).toBe('SecretInput');
  });

  it('renders constants as literals and empty schemas as unknown', () => {
    expect(render({ type: 'string', const: 'list' })).toBe('"list"');
    expect(render({})).toBe('unknown');
  });
});
