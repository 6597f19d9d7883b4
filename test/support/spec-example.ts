import {
  resolveRef,
  type MediaType,
  type OpenApiDocument,
  type Operation,
  type ResponseObject,
  type Schema,
} from './spec-document.js';

/** The value of a `date-time` string that has no `example` in the spec. */
export const EXAMPLE_DATE_TIME = '2024-01-01T00:00:00.000Z';

const STRING_BY_FORMAT: Record<string, string> = {
  'date-time': EXAMPLE_DATE_TIME,
  date: '2024-01-01',
  time: '00:00:00Z',
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
};

/** The reply that an operation's spec describes: its lowest 2xx status and an example body. */
export interface ExampleReply {
  status: number;
  /** The media type of the body, or `undefined` when the body is empty. */
  contentType: string | undefined;
  /** The body, or `undefined` for a 204 or a response with no content. */
  body: unknown;
}

/**
 * Builds the reply an operation's spec describes.
 *
 * It takes the lowest 2xx response. Its body comes from, in order: the media type's own
 * `example`, the first of its `examples`, or a value built from its schema by
 * {@link exampleFromSchema}. A 204 or a response without content has no body.
 */
export function exampleReply(operation: Operation, document: OpenApiDocument): ExampleReply {
  const successStatuses = Object.keys(operation.responses ?? {})
    .filter((status) => /^2(\d\d|XX)$/i.test(status))
    .sort();
  const statusKey = successStatuses[0];
  // NOTE: an operation that lists no 2xx response is served as 200 with no body.
  if (statusKey === undefined) return { status: 200, contentType: undefined, body: undefined };

  const status = /^2XX$/i.test(statusKey) ? 200 : Number(statusKey);
  let response = operation.responses?.[statusKey] as ResponseObject;
  if (response.$ref !== undefined) response = resolveRef(document, response.$ref) as ResponseObject;

  const contentTypes = Object.keys(response.content ?? {});
  const contentType = contentTypes.find(isJsonMediaType) ?? contentTypes[0];
  if (status === 204 || contentType === undefined) {
    return { status, contentType: undefined, body: undefined };
  }

  const media = response.content?.[contentType] as MediaType;
  return { status, contentType, body: exampleFromMediaType(media, document) };
}

function exampleFromMediaType(media: MediaType, document: OpenApiDocument): unknown {
  if (media.example !== undefined) return structuredClone(media.example);

  const firstExample = Object.values(media.examples ?? {})[0];
  if (firstExample !== undefined) {
    const example =
      firstExample.$ref === undefined
        ? firstExample
        : (resolveRef(document, firstExample.$ref) as { value?: unknown });
    return structuredClone(example.value);
  }

  return media.schema === undefined ? undefined : exampleFromSchema(media.schema, document);
}

/**
 * Builds a deterministic example value for a schema.
 *
 * Rules, first match wins:
 * - `$ref` is followed; keywords written beside it override the target's.
 * - `example`, the first of `examples`, `const`, `default`, the first `enum` value.
 * - `allOf`: the parts' values merged, objects deeply, later parts winning.
 * - `oneOf` / `anyOf`: the first variant that is not just `type: null`.
 * - Objects get every property, required or optional; arrays get one item.
 * - Strings without an example depend on `format` (`date-time` is {@link EXAMPLE_DATE_TIME});
 *   numbers are `minimum` or 0; booleans are `true`.
 * - A nullable schema gets a non-null value, so every nested field is filled. Only a schema
 *   whose sole type is `null`, or that states no type at all, gives `null`.
 * - A schema reached again through its own `$ref` chain gives `null`, which ends the recursion.
 *
 * @throws {Error} when a `$ref` is not local or points at nothing.
 */
export function exampleFromSchema(schema: Schema, document: OpenApiDocument): unknown {
  return build(schema, document, []);
}

function build(schema: Schema, document: OpenApiDocument, refChain: readonly string[]): unknown {
  if (schema.$ref !== undefined) {
    if (refChain.includes(schema.$ref)) return null;
    const { $ref, ...besideRef } = schema;
    const target = resolveRef(document, $ref) as Schema;
    return build({ ...target, ...besideRef }, document, [...refChain, $ref]);
  }

  if ('example' in schema) return structuredClone(schema.example);
  if (Array.isArray(schema.examples) && schema.examples.length > 0) {
    return structuredClone(schema.examples[0]);
  }
  if ('const' in schema) return structuredClone(schema.const);
  if ('default' in schema) return structuredClone(schema.default);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return structuredClone(schema.enum[0]);

  if (schema.allOf) return buildAllOf(schema, schema.allOf, document, refChain);

  const variants = schema.oneOf ?? schema.anyOf;
  if (variants && variants.length > 0) {
    const chosen = variants.find((variant) => !isOnlyNull(variant)) ?? variants[0];
    return build(chosen as Schema, document, refChain);
  }

  switch (mainType(schema)) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        value[name] = build(property, document, refChain);
      }
      return value;
    }
    case 'array':
      return schema.items === undefined ? [] : [build(schema.items, document, refChain)];
    case 'string':
      return STRING_BY_FORMAT[schema.format ?? ''] ?? 'string';
    case 'integer':
    case 'number':
      return schema.minimum ?? 0;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

function buildAllOf(
  schema: Schema,
  parts: Schema[],
  document: OpenApiDocument,
  refChain: readonly string[],
): unknown {
  const values = parts.map((part) => build(part, document, refChain));

  // Properties written beside `allOf` belong to the same object.
  const { allOf: _parts, ...besideAllOf } = schema;
  if (besideAllOf.properties !== undefined || besideAllOf.type !== undefined) {
    values.push(build(besideAllOf, document, refChain));
  }

  return values.reduce(mergeValues, undefined);
}

function mergeValues(into: unknown, from: unknown): unknown {
  if (isPlainObject(into) && isPlainObject(from)) {
    const merged: Record<string, unknown> = { ...into };
    for (const [key, value] of Object.entries(from)) {
      merged[key] = key in merged ? mergeValues(merged[key], value) : value;
    }
    return merged;
  }
  return from ?? into;
}

function mainType(schema: Schema): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const nonNull = types.find((type) => type !== undefined && type !== 'null');
  if (nonNull !== undefined) return nonNull;
  if (types.includes('null')) return 'null';
  if (schema.properties !== undefined) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function isOnlyNull(schema: Schema): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.length > 0 && types.every((type) => type === 'null');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isJsonMediaType(mediaType: string): boolean {
  return /^application\/([\w.-]+\+)?json\b/i.test(mediaType);
}
