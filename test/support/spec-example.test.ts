import { describe, expect, test } from 'vitest';

import type { OpenApiDocument, Operation, Schema } from './spec-document.js';
import { EXAMPLE_DATE_TIME, exampleFromSchema, exampleReply } from './spec-example.js';

const document: OpenApiDocument = {
  components: {
    schemas: {
      Name: { type: 'string', example: 'from target' },
      Node: {
        type: 'object',
        properties: {
          id: { type: 'string', example: 'n1' },
          child: { $ref: '#/components/schemas/Node' },
        },
      },
      'Odd/Name': { type: 'integer', example: 7 },
    },
    responses: {
      Ok: {
        content: {
          'application/json': { schema: { type: 'object', properties: { ok: { const: true } } } },
        },
      },
    },
    examples: { Stored: { value: { stored: true } } },
  },
};

const build = (schema: Schema) => exampleFromSchema(schema, document);

describe('exampleFromSchema', () => {
  test('keywords beside $ref override the target', () => {
    expect(build({ $ref: '#/components/schemas/Name' })).toBe('from target');
    expect(build({ $ref: '#/components/schemas/Name', example: 'beside' })).toBe('beside');
  });

  test('$ref with an escaped slash', () => {
    expect(build({ $ref: '#/components/schemas/Odd~1Name' })).toBe(7);
  });

  test('$ref that points at nothing throws', () => {
    expect(() => build({ $ref: '#/components/schemas/Missing' })).toThrow(
      '$ref "#/components/schemas/Missing" points at nothing in the spec',
    );
  });

  test('precedence: example, examples, const, default, enum', () => {
    expect(build({ type: 'string', example: 'a', const: 'b', enum: ['c'] })).toBe('a');
    expect(build({ type: 'string', examples: ['first', 'second'], enum: ['c'] })).toBe('first');
    expect(build({ type: 'string', const: 'b', default: 'd', enum: ['c'] })).toBe('b');
    expect(build({ type: 'string', default: 'd', enum: ['c'] })).toBe('d');
    expect(build({ type: 'string', enum: ['c', 'e'] })).toBe('c');
  });

  test('example null is kept', () => {
    expect(build({ type: ['string', 'null'], example: null })).toBeNull();
  });

  test('strings by format', () => {
    expect(build({ type: 'string', format: 'date-time' })).toBe(EXAMPLE_DATE_TIME);
    expect(build({ type: 'string', format: 'date' })).toBe('2024-01-01');
    expect(build({ type: 'string', format: 'uri' })).toBe('https://example.com');
    expect(build({ type: 'string', format: 'uuid' })).toBe('00000000-0000-4000-8000-000000000000');
    expect(build({ type: 'string', format: 'unheard-of' })).toBe('string');
  });

  test('nullable schemas get a value', () => {
    expect(build({ type: ['null', 'integer'] })).toBe(0);
    expect(build({ type: 'string', nullable: true })).toBe('string');
    expect(build({ type: 'null' })).toBeNull();
  });

  test('schema without type is null', () => {
    expect(build({})).toBeNull();
    expect(build({ description: 'anything' })).toBeNull();
  });

  test('type inferred from properties and items', () => {
    expect(build({ properties: { a: { type: 'boolean' } } })).toEqual({ a: true });
    expect(build({ items: { type: 'number', minimum: 2.5 } })).toEqual([2.5]);
    expect(build({ type: 'array' })).toEqual([]);
  });

  test('allOf merges objects deeply', () => {
    const schema: Schema = {
      allOf: [
        {
          type: 'object',
          properties: {
            id: { type: 'string', example: 'one' },
            nested: { type: 'object', properties: { a: { type: 'integer', example: 1 } } },
          },
        },
        {
          type: 'object',
          properties: {
            nested: { type: 'object', properties: { b: { type: 'integer', example: 2 } } },
          },
        },
      ],
      properties: { extra: { type: 'string', example: 'beside allOf' } },
    };

    expect(build(schema)).toEqual({ id: 'one', nested: { a: 1, b: 2 }, extra: 'beside allOf' });
  });

  test('oneOf and anyOf take the first non-null variant', () => {
    expect(build({ oneOf: [{ type: 'string', example: 'x' }, { type: 'integer' }] })).toBe('x');
    expect(build({ anyOf: [{ type: 'null' }, { type: 'integer', example: 3 }] })).toBe(3);
    expect(build({ anyOf: [{ type: 'null' }] })).toBeNull();
  });

  test('recursive $ref ends in null', () => {
    expect(build({ $ref: '#/components/schemas/Node' })).toEqual({ id: 'n1', child: null });
  });

  test('examples are copies', () => {
    const schema: Schema = { type: 'object', example: { tags: ['a'] } };

    const first = build(schema) as { tags: string[] };
    first.tags.push('changed');

    expect(build(schema)).toEqual({ tags: ['a'] });
  });
});

describe('exampleReply', () => {
  const reply = (responses: Operation['responses']) => exampleReply({ responses }, document);
  const json = (schema: Schema) => ({ content: { 'application/json': { schema } } });

  test('lowest 2xx status wins', () => {
    expect(
      reply({
        '404': json({ const: 'missing' }),
        '201': json({ const: 'created' }),
        '200': json({ const: 'ok' }),
      }),
    ).toEqual({ status: 200, contentType: 'application/json', body: 'ok' });
  });

  test('response without content has no body', () => {
    expect(reply({ '202': { description: 'Accepted' } })).toEqual({
      status: 202,
      contentType: undefined,
      body: undefined,
    });
  });

  test('204 has no body even with content', () => {
    expect(reply({ '204': json({ const: 'ignored' }) })).toEqual({
      status: 204,
      contentType: undefined,
      body: undefined,
    });
  });

  test('response $ref is followed', () => {
    expect(reply({ '200': { $ref: '#/components/responses/Ok' } }).body).toEqual({ ok: true });
  });

  test('named examples give the first value', () => {
    const media = {
      schema: { const: 'schema' },
      examples: { stored: { $ref: '#/components/examples/Stored' }, inline: { value: 'second' } },
    };

    expect(reply({ '200': { content: { 'application/json': media } } }).body).toEqual({
      stored: true,
    });
  });

  test('JSON media type preferred over others', () => {
    const content = {
      'text/plain': { example: 'plain' },
      'application/problem+json': { example: { problem: true } },
    };

    expect(reply({ '200': { content } })).toEqual({
      status: 200,
      contentType: 'application/problem+json',
      body: { problem: true },
    });
  });

  test('2XX range counts as 200', () => {
    expect(reply({ '2XX': json({ const: 'range' }) })).toMatchObject({
      status: 200,
      body: 'range',
    });
  });

  test('no 2xx response gives an empty 200', () => {
    expect(reply({ '400': json({ const: 'bad' }) })).toEqual({
      status: 200,
      contentType: undefined,
      body: undefined,
    });
  });
});
