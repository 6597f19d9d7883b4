import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The subset of an OpenAPI 3.1 schema object that the generator reads. */
export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  title?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  additionalProperties?: boolean | SchemaObject;
  patternProperties?: Record<string, SchemaObject>;
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  allOf?: SchemaObject[];
  not?: SchemaObject;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  deprecated?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  maxProperties?: number;
  'x-mutually-exclusive-body-groups'?: ExclusiveGroups;
}

/**
 * The WorkOS `x-mutually-exclusive-body-groups` and `x-mutually-exclusive-parameter-groups`
 * extensions: per group, named variants that each list the fields sent together. At most one
 * variant of a group may be sent; exactly one when `optional` is false.
 */
export type ExclusiveGroups = Record<
  string,
  { optional: boolean; variants: Record<string, string[]> }
>;

export interface ParameterObject {
  $ref?: string;
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  deprecated?: boolean;
  schema?: SchemaObject;
  style?: string;
  explode?: boolean;
}

export interface MediaTypeObject {
  schema?: SchemaObject;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content?: Record<string, MediaTypeObject> };
  responses?: Record<string, ResponseObject>;
  security?: Array<Record<string, string[]>>;
  'x-mutually-exclusive-body-groups'?: ExclusiveGroups;
  'x-mutually-exclusive-parameter-groups'?: ExclusiveGroups;
  'x-sends-email'?: boolean;
  'x-feature-flag'?: string;
}

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type LowerHttpMethod = (typeof HTTP_METHODS)[number];

export type PathItem = Partial<Record<LowerHttpMethod, OperationObject>> & {
  parameters?: ParameterObject[];
};

export interface OpenAPIDocument {
  openapi: string;
  info?: { title?: string; version?: string };
  tags?: Array<{ name: string; description?: string }>;
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, SchemaObject>;
    parameters?: Record<string, ParameterObject>;
    securitySchemes?: Record<string, { description?: string }>;
  };
}

/** The merged document with where it came from, for the generated file headers. */
export interface LoadedSpec {
  document: OpenAPIDocument;
  /** The version of the `@workos/openapi-spec` package the document was read from. */
  specVersion: string;
}

const require = createRequire(import.meta.url);

/** Path of the overlay that adds endpoints the published spec lacks. */
export const OVERLAY_PATH = fileURLToPath(new URL('./overlay.yaml', import.meta.url));

/** Path of the published spec inside the installed `@workos/openapi-spec` package. */
export function publishedSpecPath(): string {
  return require.resolve('@workos/openapi-spec/spec');
}

function readYaml(path: string): unknown {
  // The spec reuses schemas through YAML anchors far more often than the parser's default limit
  // of 100 aliases allows. The file is trusted input from a pinned package, so no limit is set.
  return parse(readFileSync(path, 'utf8'), { maxAliasCount: -1 });
}

/** Reads the published spec and merges the overlay into it. */
export function loadSpec(): LoadedSpec {
  const packageJson = require('@workos/openapi-spec/package.json') as { version: string };
  const document = readYaml(publishedSpecPath()) as OpenAPIDocument;
  const overlay = readYaml(OVERLAY_PATH) as Partial<OpenAPIDocument>;
  mergeOverlay(document, overlay);
  return { document, specVersion: packageJson.version };
}

/**
 * Adds the overlay's tags, path items, schemas and parameters to the document. The overlay may
 * only add: redefining an operation or a component the spec already has throws, so a newer spec
 * that gains an endpoint forces the overlay entry to be removed instead of silently winning.
 */
export function mergeOverlay(document: OpenAPIDocument, overlay: Partial<OpenAPIDocument>): void {
  for (const tag of overlay.tags ?? []) {
    document.tags ??= [];
    if (document.tags.some((existing) => existing.name === tag.name)) {
      throw new Error(`overlay.yaml defines tag ${tag.name}, which the spec already has`);
    }
    document.tags.push(tag);
  }

  for (const [path, item] of Object.entries(overlay.paths ?? {})) {
    const target = (document.paths[path] ??= {});
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      if (target[method]) {
        throw new Error(
          `overlay.yaml defines ${method.toUpperCase()} ${path}, which the spec already has: remove it from the overlay`,
        );
      }
      target[method] = operation;
    }
  }

  const components = overlay.components;
  for (const [name, schema] of Object.entries(components?.schemas ?? {})) {
    if (document.components.schemas[name]) {
      throw new Error(`overlay.yaml defines schema ${name}, which the spec already has`);
    }
    document.components.schemas[name] = schema;
  }
  for (const [name, parameter] of Object.entries(components?.parameters ?? {})) {
    document.components.parameters ??= {};
    if (document.components.parameters[name]) {
      throw new Error(`overlay.yaml defines parameter ${name}, which the spec already has`);
    }
    document.components.parameters[name] = parameter;
  }
}

/** Returns the component name a `#/components/schemas/...` reference points to. */
export function refName(ref: string): string {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) throw new Error(`Unsupported $ref ${ref}: only ${prefix}* is read`);
  return ref.slice(prefix.length);
}

/** Resolves a parameter that may be a `#/components/parameters/...` reference. */
export function resolveParameter(
  document: OpenAPIDocument,
  parameter: ParameterObject,
): ParameterObject {
  if (!parameter.$ref) return parameter;
  const prefix = '#/components/parameters/';
  const name = parameter.$ref.startsWith(prefix) ? parameter.$ref.slice(prefix.length) : undefined;
  const resolved = name === undefined ? undefined : document.components.parameters?.[name];
  if (!resolved) throw new Error(`Unresolvable parameter $ref ${parameter.$ref}`);
  return resolved;
}

/** Every operation of the document, in path then method order as written. */
export function listOperations(
  document: OpenAPIDocument,
): Array<{ path: string; method: LowerHttpMethod; operation: OperationObject }> {
  const operations = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) operations.push({ path, method, operation });
    }
  }
  return operations;
}
