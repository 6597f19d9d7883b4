import { describe, expect, test } from 'vitest';

import { mergeSpecs, resolveRef, type OpenApiDocument } from './spec-document.js';
import { SpecRoutes } from './spec-routes.js';

const ok = { responses: { '200': { description: 'OK' } } };

describe('SpecRoutes', () => {
  const routes = new SpecRoutes(
    mergeSpecs({
      paths: {
        '/users/{id}': { get: { operationId: 'getUser', ...ok }, delete: ok },
        '/users/me': { get: { operationId: 'getMe', ...ok } },
        '/{kind}/me/avatar': { get: { operationId: 'getAnyAvatar', ...ok } },
        '/users/{id}/avatar': { get: { operationId: 'getUserAvatar', ...ok } },
        '/files/{name}.{extension}': { get: { operationId: 'getFile', ...ok } },
      },
    }).operations,
  );

  const operationIdOf = (method: string, path: string) =>
    routes.match(method, path).operation?.operation.operationId;

  test('literal path beats a parameter', () => {
    expect(operationIdOf('GET', '/users/me')).toBe('getMe');
    expect(operationIdOf('GET', '/users/user_1')).toBe('getUser');
  });

  test('specificity is decided at the first differing segment', () => {
    expect(operationIdOf('GET', '/users/me/avatar')).toBe('getUserAvatar');
    expect(operationIdOf('GET', '/teams/me/avatar')).toBe('getAnyAvatar');
  });

  test('falls through to a template that has the method', () => {
    expect(operationIdOf('DELETE', '/users/me')).toBeUndefined();
    expect(routes.match('DELETE', '/users/user_1').operation?.pathTemplate).toBe('/users/{id}');
  });

  test('parameters inside a segment', () => {
    expect(routes.match('GET', '/files/report.v2.pdf')).toMatchObject({
      operation: { pathTemplate: '/files/{name}.{extension}' },
      params: { name: 'report', extension: 'v2.pdf' },
    });
  });

  test('encoded slash stays inside the parameter', () => {
    expect(routes.match('GET', '/users/a%2Fb')).toMatchObject({ params: { id: 'a/b' } });
  });

  test('miss lists the methods of the matching path', () => {
    expect(routes.match('PUT', '/users/user_1')).toEqual({
      operation: undefined,
      allowedMethods: ['get', 'delete'],
    });
    expect(routes.match('GET', '/nothing/here')).toEqual({
      operation: undefined,
      allowedMethods: [],
    });
  });

  test('find takes the template as written', () => {
    expect(routes.find('get', '/users/{id}')?.operation.operationId).toBe('getUser');
    expect(routes.find('GET', '/users/user_1')).toBeUndefined();
  });
});

describe('mergeSpecs', () => {
  const base: OpenApiDocument = {
    security: [{ bearer: [] }],
    paths: {
      '/a': { get: { operationId: 'baseGet', ...ok }, post: { operationId: 'basePost', ...ok } },
    },
    components: { schemas: { A: { type: 'string' }, B: { type: 'integer' } } },
  };
  const overlay: OpenApiDocument = {
    paths: {
      '/a': { get: { operationId: 'overlayGet', ...ok } },
      '/b': { get: { operationId: 'overlayOnly', security: [], ...ok } },
    },
    components: { schemas: { B: { type: 'boolean' } } },
  };

  test('overlay operations replace and add', () => {
    const merged = mergeSpecs(base, [overlay]);

    const summary = merged.operations.map(({ method, pathTemplate, operation, security }) => ({
      key: `${method} ${pathTemplate}`,
      operationId: operation.operationId,
      security,
    }));
    expect(summary).toEqual([
      { key: 'get /a', operationId: 'overlayGet', security: [{ bearer: [] }] },
      { key: 'post /a', operationId: 'basePost', security: [{ bearer: [] }] },
      { key: 'get /b', operationId: 'overlayOnly', security: [] },
    ]);
  });

  test('overlay components replace by name', () => {
    const { document } = mergeSpecs(base, [overlay]);

    expect(document.components?.schemas).toEqual({ A: { type: 'string' }, B: { type: 'boolean' } });
    expect(Object.keys(document.paths ?? {})).toEqual(['/a', '/b']);
  });

  test('overlay top-level security applies', () => {
    const secured: OpenApiDocument = { ...overlay, security: [{ access_token: [] }] };

    const [first] = mergeSpecs(base, [secured]).operations;

    expect(first?.security).toEqual([{ access_token: [] }]);
  });

  test('inputs are left unchanged', () => {
    const before = structuredClone(base);

    mergeSpecs(base, [overlay]);

    expect(base).toEqual(before);
  });
});

test('resolveRef rejects a remote reference', () => {
  expect(() => resolveRef({}, 'other.yaml#/components/schemas/A')).toThrow(
    'Only local $ref values are supported (got "other.yaml#/components/schemas/A")',
  );
});
