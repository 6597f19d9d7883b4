import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';

import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

import { SecretString, type Page } from '../../src/index.js';
import type { OpenApiDocument } from '../support/spec-document.js';
import { exposeSecrets, sentRequests } from '../support/spec-assertions.js';
import { emulatorApiKey, useSpecServer } from './helpers.js';

// The emulator has no Vault routes, so every call goes to the spec server with the overlay
// that describes Vault. The overlay's schemas have no `example` values, so most example
// strings the server builds are the placeholder "string".
const overlay = parse(
  readFileSync(new URL('../../codegen/overlay.yaml', import.meta.url), 'utf8'),
) as OpenApiDocument;

const apiKey = emulatorApiKey(0);

const spec = useSpecServer({ apiKey, overlays: [overlay], clearRequests: true });

function plainPage<T>(page: Page<T>): unknown {
  return { data: exposeSecrets(page.data), list_metadata: page.list_metadata };
}

describe('vault objects', () => {
  it('createObject sends name, value and context', async () => {
    const created = await spec.workos.vault.createObject({
      name: 'billing/stripe-key',
      value: new SecretString('sk_live_plain'),
      key_context: { organization_id: 'org_1' },
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'POST',
        path: '/vault/v1/kv',
        query: {},
        body: {
          name: 'billing/stripe-key',
          value: 'sk_live_plain',
          key_context: { organization_id: 'org_1' },
        },
      },
    ]);
    expect(created).toEqual(spec.server.exampleResponse('POST', '/vault/v1/kv'));
    // The overlay gives no examples, so the values are the builder's placeholders.
    expect(created.id).toBe('string');
  });

  it('listObjects sends filters and cursors', async () => {
    const page = await spec.workos.vault.listObjects({
      limit: 5,
      order: 'asc',
      search: 'billing/',
      updatedAfter: '2025-01-01T00:00:00.000Z',
      after: 'obj_1',
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'GET',
        path: '/vault/v1/kv',
        query: {
          limit: '5',
          order: 'asc',
          search: 'billing/',
          updatedAfter: '2025-01-01T00:00:00.000Z',
          after: 'obj_1',
        },
        body: undefined,
      },
    ]);
    expect(plainPage(page)).toEqual(spec.server.exampleResponse('GET', '/vault/v1/kv'));
  });

  it('readObject wraps the value', async () => {
    const object = await spec.workos.vault.readObject('obj 1/a');

    expect(sentRequests(spec.server)).toEqual([
      { method: 'GET', path: '/vault/v1/kv/obj%201%2Fa', query: {}, body: undefined },
    ]);
    expect(object.value).toBeInstanceOf(SecretString);
    expect(object.value.expose()).toBe('string');
    expect(JSON.stringify(object)).toContain('"value":"[REDACTED]"');
    expect(inspect(object)).toContain('SecretString([REDACTED])');
    expect(exposeSecrets(object)).toEqual(spec.server.exampleResponse('GET', '/vault/v1/kv/{id}'));
  });

  it('readObjectByName encodes the name', async () => {
    const object = await spec.workos.vault.readObjectByName('billing/stripe key');

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'GET',
        path: '/vault/v1/kv/name/billing%2Fstripe%20key',
        query: {},
        body: undefined,
      },
    ]);
    expect(object.value).toBeInstanceOf(SecretString);
    expect(exposeSecrets(object)).toEqual(
      spec.server.exampleResponse('GET', '/vault/v1/kv/name/{name}'),
    );
  });

  it('describeObject reads metadata only', async () => {
    const described = await spec.workos.vault.describeObject('obj_1');

    expect(sentRequests(spec.server)).toEqual([
      { method: 'GET', path: '/vault/v1/kv/obj_1/metadata', query: {}, body: undefined },
    ]);
    expect(described).toEqual(spec.server.exampleResponse('GET', '/vault/v1/kv/{id}/metadata'));
    expect(described).not.toHaveProperty('value');
  });

  it('updateObject sends value and version check', async () => {
    const updated = await spec.workos.vault.updateObject('obj_1', {
      value: 'rotated',
      version_check: 'ver_7',
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'PUT',
        path: '/vault/v1/kv/obj_1',
        query: {},
        body: { value: 'rotated', version_check: 'ver_7' },
      },
    ]);
    expect(updated).toEqual(spec.server.exampleResponse('PUT', '/vault/v1/kv/{id}'));
  });

  it('listObjectVersions returns every version', async () => {
    const versions = await spec.workos.vault.listObjectVersions('obj_1');

    expect(sentRequests(spec.server)).toEqual([
      { method: 'GET', path: '/vault/v1/kv/obj_1/versions', query: {}, body: undefined },
    ]);
    expect(versions).toEqual(spec.server.exampleResponse('GET', '/vault/v1/kv/{id}/versions'));
  });

  it('deleteObject sends version check in query', async () => {
    const deleted = await spec.workos.vault.deleteObject('obj_1', { version_check: 'ver_7' });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'DELETE',
        path: '/vault/v1/kv/obj_1',
        query: { version_check: 'ver_7' },
        body: undefined,
      },
    ]);
    expect(deleted).toEqual(spec.server.exampleResponse('DELETE', '/vault/v1/kv/{id}'));
  });
});

describe('vault data keys', () => {
  it('createDataKey wraps the data key', async () => {
    const key = await spec.workos.vault.createDataKey({ context: { organization_id: 'org_1' } });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'POST',
        path: '/vault/v1/keys/data-key',
        query: {},
        body: { context: { organization_id: 'org_1' } },
      },
    ]);
    expect(key.data_key).toBeInstanceOf(SecretString);
    expect(String(key.data_key)).toBe('[REDACTED]');
    expect(JSON.stringify(key)).toBe(
      '{"id":"string","data_key":"[REDACTED]","encrypted_keys":"string","context":{}}',
    );
    expect(exposeSecrets(key)).toEqual(
      spec.server.exampleResponse('POST', '/vault/v1/keys/data-key'),
    );
  });

  it('decryptDataKey sends the encrypted keys', async () => {
    const key = await spec.workos.vault.decryptDataKey({ keys: 'ZW5jcnlwdGVk' });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'POST',
        path: '/vault/v1/keys/decrypt',
        query: {},
        body: { keys: 'ZW5jcnlwdGVk' },
      },
    ]);
    expect(key.data_key).toBeInstanceOf(SecretString);
    expect(exposeSecrets(key)).toEqual(
      spec.server.exampleResponse('POST', '/vault/v1/keys/decrypt'),
    );
  });
});
