import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import {
  loadPublishedSpec,
  mergeSpecs,
  type OpenApiDocument,
  type Schema,
} from './spec-document.js';
import { exampleReply } from './spec-example.js';
import { exampleResponse, startSpecServer, type SpecServer } from './spec-server.js';

const API_KEY = 'sk_test_default';
const auth = { Authorization: `Bearer ${API_KEY}` };

const organizationRef = { $ref: '#/components/schemas/Organization' };
const jsonOf = (schema: Schema) => ({ content: { 'application/json': { schema } } });

/** A spec small enough to compute its example bodies by hand. */
const tinySpec: OpenApiDocument = {
  openapi: '3.1.0',
  security: [{ bearer: [] }],
  paths: {
    '/organizations': {
      post: {
        operationId: 'createOrganization',
        responses: {
          '201': {
            content: {
              'application/json': {
                schema: organizationRef,
                example: { id: 'org_whole', name: 'Whole-response example' },
              },
            },
          },
        },
      },
    },
    '/organizations/{id}': {
      get: {
        operationId: 'getOrganization',
        responses: { '404': jsonOf({ type: 'object' }), '200': jsonOf(organizationRef) },
      },
      delete: { operationId: 'deleteOrganization', responses: { '204': { description: 'None' } } },
    },
    '/organizations/external_id/{external_id}': {
      get: {
        operationId: 'getOrganizationByExternalId',
        responses: { '200': jsonOf(organizationRef) },
      },
    },
    '/sso/token': {
      post: {
        security: [],
        responses: {
          '200': jsonOf({
            type: 'object',
            properties: { access_token: { type: 'string', example: 'tok_1' } },
          }),
        },
      },
    },
    '/sso/profile': {
      get: {
        security: [{ access_token: [] }],
        responses: {
          '200': jsonOf({
            type: 'object',
            properties: { email: { type: 'string', format: 'email' } },
          }),
        },
      },
    },
  },
  components: {
    schemas: {
      Organization: {
        type: 'object',
        required: ['object', 'id'],
        properties: {
          object: { type: 'string', const: 'organization' },
          id: { type: 'string', example: 'org_01' },
          name: { type: 'string' },
          state: { type: 'string', enum: ['active', 'inactive'] },
          external_id: { type: ['string', 'null'] },
          created_at: { type: 'string', format: 'date-time' },
          domains: { type: 'array', items: { $ref: '#/components/schemas/Domain' } },
          metadata: {
            type: 'object',
            additionalProperties: { type: 'string' },
            example: { tier: 'gold' },
          },
          member_count: { type: 'integer' },
          seats: { type: 'integer', minimum: 1 },
          verified: { type: 'boolean' },
          owner: {
            oneOf: [{ $ref: '#/components/schemas/User' }, { $ref: '#/components/schemas/Bot' }],
          },
          parent: { anyOf: [{ type: 'null' }, organizationRef] },
          settings: {
            allOf: [
              { $ref: '#/components/schemas/Settings' },
              { type: 'object', properties: { theme: { type: 'string', example: 'dark' } } },
            ],
          },
        },
      },
      Domain: {
        type: 'object',
        properties: {
          domain: { type: 'string', example: 'acme.com' },
          primary: { type: 'boolean', default: false },
        },
      },
      User: {
        type: 'object',
        properties: { kind: { const: 'user' }, email: { type: 'string', format: 'email' } },
      },
      Bot: { type: 'object', properties: { kind: { const: 'bot' } } },
      Settings: {
        type: 'object',
        properties: {
          theme: { type: 'string', example: 'light' },
          locale: { type: 'string', example: 'en' },
        },
      },
    },
  },
};

/** The Organization example of {@link tinySpec}, worked out by hand from the rules. */
const tinyOrganization = {
  object: 'organization',
  id: 'org_01',
  name: 'string',
  state: 'active',
  external_id: 'string',
  created_at: '2024-01-01T00:00:00.000Z',
  domains: [{ domain: 'acme.com', primary: false }],
  metadata: { tier: 'gold' },
  member_count: 0,
  seats: 1,
  verified: true,
  owner: { kind: 'user', email: 'user@example.com' },
  // The only non-null variant refers back to Organization, so the recursion stops here.
  parent: null,
  settings: { theme: 'dark', locale: 'en' },
};

describe('tiny spec', () => {
  let server: SpecServer;

  beforeAll(async () => {
    server = await startSpecServer({ spec: tinySpec });
  });

  afterAll(() => server.close());

  test('GET /organizations/{id} serves the built example', async () => {
    const response = await fetch(`${server.url}/organizations/org_123`, { headers: auth });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toMatch(/^req_spec_\d+$/);
    expect(await response.json()).toEqual(tinyOrganization);
    expect(server.exampleResponse('GET', '/organizations/{id}')).toEqual(tinyOrganization);
  });

  test('whole-response example wins over the schema', async () => {
    const response = await fetch(`${server.url}/organizations`, { method: 'POST', headers: auth });

    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: 'org_whole', name: 'Whole-response example' });
  });

  test('204 has an empty body', async () => {
    const response = await fetch(`${server.url}/organizations/org_1`, {
      method: 'DELETE',
      headers: auth,
    });

    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(server.exampleResponse('delete', '/organizations/{id}')).toBeUndefined();
  });

  test('records what the client sent', async () => {
    const before = server.requests.length;

    await fetch(`${server.url}/organizations?dry_run=true&tag=a&tag=b`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': 'key-1' },
      body: JSON.stringify({ name: 'Acme', domain_data: [{ domain: 'acme.com' }] }),
    });

    expect(server.requests).toHaveLength(before + 1);
    const recorded = server.requests[before];
    expect(recorded).toMatchObject({
      method: 'POST',
      path: '/organizations',
      query: { dry_run: 'true', tag: ['a', 'b'] },
      body: { name: 'Acme', domain_data: [{ domain: 'acme.com' }] },
      rawBody: '{"name":"Acme","domain_data":[{"domain":"acme.com"}]}',
      pathTemplate: '/organizations',
      operationId: 'createOrganization',
      params: {},
      status: 201,
    });
    expect(recorded?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(recorded?.headers['idempotency-key']).toBe('key-1');
    expect(recorded?.headers['content-type']).toBe('application/json');
  });

  test('percent-decodes path parameters', async () => {
    await fetch(`${server.url}/organizations/org%2F1%20x`, { headers: auth });

    const recorded = server.requests.at(-1);
    expect(recorded?.path).toBe('/organizations/org%2F1%20x');
    expect(recorded?.pathTemplate).toBe('/organizations/{id}');
    expect(recorded?.params).toEqual({ id: 'org/1 x' });
  });

  test('literal segment beats a parameter', async () => {
    await fetch(`${server.url}/organizations/external_id/ext_1`, { headers: auth });

    const recorded = server.requests.at(-1);
    expect(recorded?.operationId).toBe('getOrganizationByExternalId');
    expect(recorded?.params).toEqual({ external_id: 'ext_1' });
  });

  test('missing API key gets 401', async () => {
    const response = await fetch(`${server.url}/organizations/org_1`);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      message: 'Missing bearer token: send the header Authorization: Bearer <API key>',
      code: 'unauthorized',
    });
  });

  test('unknown API key gets 401', async () => {
    const response = await fetch(`${server.url}/organizations/org_1`, {
      headers: { Authorization: 'Bearer sk_test_other' },
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      message: 'Invalid API key: add it to the apiKeys option of startSpecServer to accept it',
      code: 'unauthorized',
    });
  });

  test('security: [] needs no API key', async () => {
    const response = await fetch(`${server.url}/sso/token`, { method: 'POST' });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ access_token: 'tok_1' });
  });

  test('access-token scheme takes any bearer token', async () => {
    const withToken = await fetch(`${server.url}/sso/profile`, {
      headers: { Authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln' },
    });
    const without = await fetch(`${server.url}/sso/profile`);

    expect(withToken.status).toBe(200);
    expect(await withToken.json()).toEqual({ email: 'user@example.com' });
    expect(without.status).toBe(401);
  });

  test('unknown route gets 404', async () => {
    const response = await fetch(`${server.url}/nowhere`, { headers: auth });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      message: 'No operation in the spec matches GET /nowhere',
      code: 'not_found',
    });
    expect(server.requests.at(-1)?.pathTemplate).toBeUndefined();
  });

  test('method the path lacks gets 404', async () => {
    const response = await fetch(`${server.url}/organizations/org_1`, {
      method: 'PATCH',
      headers: auth,
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      message:
        'PATCH /organizations/org_1 is not in the spec, which allows only GET, DELETE on that path',
      code: 'not_found',
    });
  });

  test('exampleResponse rejects an unknown operation', () => {
    expect(() => server.exampleResponse('GET', '/organizations/:id')).toThrow(
      'The spec has no operation GET /organizations/:id. Write the path template as the spec does, e.g. /organizations/{id}',
    );
  });
});

describe('options', () => {
  test('apiKeys replaces the accepted keys', async () => {
    const server = await startSpecServer({ spec: tinySpec, apiKeys: ['sk_test_custom'] });
    try {
      const custom = await fetch(`${server.url}/organizations/org_1`, {
        headers: { Authorization: 'Bearer sk_test_custom' },
      });
      const defaultKey = await fetch(`${server.url}/organizations/org_1`, { headers: auth });

      expect(custom.status).toBe(200);
      expect(defaultKey.status).toBe(401);
    } finally {
      await server.close();
    }
  });

  test('overlays add and replace operations', async () => {
    const overlay: OpenApiDocument = {
      paths: {
        '/vault/v1/kv/{id}': {
          get: { responses: { '200': jsonOf({ $ref: '#/components/schemas/VaultObject' }) } },
        },
        '/organizations/{id}': {
          get: {
            responses: {
              '200': jsonOf({ type: 'object', properties: { replaced: { const: true } } }),
            },
          },
        },
      },
      components: {
        schemas: {
          VaultObject: {
            type: 'object',
            properties: {
              id: { type: 'string', example: 'secret_1' },
              value: { type: 'string', example: 'hunter2' },
            },
          },
        },
      },
    };
    const server = await startSpecServer({ spec: tinySpec, overlays: [overlay] });
    try {
      const vault = await fetch(`${server.url}/vault/v1/kv/secret%201`, { headers: auth });
      const replaced = await fetch(`${server.url}/organizations/org_1`, { headers: auth });
      const deleted = await fetch(`${server.url}/organizations/org_1`, {
        method: 'DELETE',
        headers: auth,
      });

      expect(vault.status).toBe(200);
      expect(await vault.json()).toEqual({ id: 'secret_1', value: 'hunter2' });
      expect(server.requests[0]?.params).toEqual({ id: 'secret 1' });
      expect(await replaced.json()).toEqual({ replaced: true });
      expect(deleted.status).toBe(204);
      // The overlay has no top-level security, so its operations take the base spec's.
      expect((await fetch(`${server.url}/vault/v1/kv/x`)).status).toBe(401);
    } finally {
      await server.close();
    }
  });
});

test('broken $ref gets a 500 naming it', async () => {
  const broken: OpenApiDocument = {
    paths: {
      '/broken': { get: { responses: { '200': jsonOf({ $ref: '#/components/schemas/Gone' }) } } },
    },
  };
  const server = await startSpecServer({ spec: broken });
  try {
    const response = await fetch(`${server.url}/broken`);

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      message:
        'The spec server failed: $ref "#/components/schemas/Gone" points at nothing in the spec',
      code: 'spec_server_error',
    });
  } finally {
    await server.close();
  }
});

describe('published spec', () => {
  let server: SpecServer;

  beforeAll(async () => {
    server = await startSpecServer();
  });

  afterAll(() => server.close());

  test('GET /organizations/{id} serves the Organization example', async () => {
    // Worked out by hand from the Organization schema of @workos/openapi-spec 0.1.0.
    const timestamp = '2026-01-15T12:00:00.000Z';
    const expected = {
      object: 'organization',
      id: 'org_01EHWNCE74X7JSDV0X3SZ3KJNY',
      name: 'Acme Inc.',
      domains: [
        {
          object: 'organization_domain',
          id: 'org_domain_01EHZNVPK2QXHMVWCEDQEKY69A',
          organization_id: 'org_01HE8GSH8FQPASKSY27THRKRBP',
          domain: 'foo-corp.com',
          state: 'pending',
          verification_prefix: 'superapp-domain-verification-z3kjny',
          verification_token: 'm5Oztg3jdK4NJLgs8uIlIprMw',
          verification_strategy: 'dns',
          created_at: timestamp,
          updated_at: timestamp,
        },
      ],
      metadata: { tier: 'diamond' },
      external_id: '2fe01467-f7ea-4dd2-8b79-c2b4f56d0191',
      stripe_customer_id: 'cus_R9qWAGMQ6nGE7V',
      created_at: timestamp,
      updated_at: timestamp,
      allow_profiles_outside_organization: false,
    };

    const response = await fetch(`${server.url}/organizations/org_1`, { headers: auth });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(expected);
    expect(exampleResponse('GET', '/organizations/{id}')).toEqual(expected);
  });

  test('every operation serves its example', async () => {
    const { operations, document } = mergeSpecs(loadPublishedSpec());
    expect(operations.length).toBeGreaterThanOrEqual(170);

    for (const { method, pathTemplate, operation } of operations) {
      const path = pathTemplate.replace(/\{([^}]+)\}/g, 'x_$1');
      const response = await fetch(`${server.url}${path}`, {
        method: method.toUpperCase(),
        headers: auth,
      });
      const text = await response.text();
      const expected = exampleReply(operation, document);
      const label = `${method.toUpperCase()} ${pathTemplate}`;

      expect(server.requests.at(-1)?.pathTemplate, label).toBe(pathTemplate);
      expect(response.status, label).toBe(expected.status);
      expect(text === '' ? undefined : JSON.parse(text), label).toEqual(
        exampleResponse(method, pathTemplate),
      );
    }
  });
});
