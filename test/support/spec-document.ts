import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

import { installedPackageDir } from './package-path.js';

/**
 * The parts of an OpenAPI 3.x document that the spec server reads. Everything else in the
 * document is kept but not typed.
 */
export interface OpenApiDocument {
  openapi?: string;
  paths?: Record<string, PathItem>;
  components?: {
    schemas?: Record<string, Schema>;
    responses?: Record<string, ResponseObject>;
    securitySchemes?: Record<string, unknown>;
    [section: string]: unknown;
  };
  security?: SecurityRequirement[];
  [field: string]: unknown;
}

export type PathItem = Partial<Record<HttpMethod, Operation>> & { [field: string]: unknown };

export interface Operation {
  operationId?: string;
  security?: SecurityRequirement[];
  responses?: Record<string, ResponseObject>;
  [field: string]: unknown;
}

export interface ResponseObject {
  $ref?: string;
  description?: string;
  content?: Record<string, MediaType>;
}

export interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value?: unknown; $ref?: string }>;
}

/** A JSON Schema node as OpenAPI 3.0 and 3.1 write it. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  minimum?: number;
  [keyword: string]: unknown;
}

/** Scheme names mapped to scopes. An operation is allowed when any one requirement is met. */
export type SecurityRequirement = Record<string, string[]>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One operation of a merged spec, with the security that applies to it. */
export interface SpecOperation {
  method: HttpMethod;
  /** The path template as the spec writes it, e.g. `/organizations/{id}`. */
  pathTemplate: string;
  operation: Operation;
  /**
   * The operation's own `security`, else the top-level `security` of the overlay it came from,
   * else that of the base spec, else none.
   */
  security: SecurityRequirement[];
}

/** A spec and its overlays merged: every operation plus the combined components. */
export interface MergedSpec {
  operations: SpecOperation[];
  /** The merged document that `$ref`s resolve against. */
  document: OpenApiDocument;
}

let publishedSpec: OpenApiDocument | undefined;

/**
 * Reads and parses the WorkOS OpenAPI spec from the `@workos/openapi-spec` devDependency.
 * The parsed document is cached, so callers must not modify it.
 */
export function loadPublishedSpec(): OpenApiDocument {
  if (!publishedSpec) {
    const file = join(installedPackageDir('@workos/openapi-spec'), 'open-api-spec.yaml');
    publishedSpec = parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  }
  return publishedSpec;
}

/**
 * Merges `overlays` into `spec`, in order. An overlay operation replaces the operation with the
 * same path and method, and an overlay component replaces the component with the same name.
 * An overlay operation without `security` of its own takes its overlay's top-level `security`,
 * or else the base spec's, as if it had been written into the spec. The inputs are not modified.
 */
export function mergeSpecs(
  spec: OpenApiDocument,
  overlays: readonly OpenApiDocument[] = [],
): MergedSpec {
  const byKey = new Map<string, SpecOperation>();
  const components: Record<string, Record<string, unknown>> = {};

  for (const document of [spec, ...overlays]) {
    for (const [pathTemplate, pathItem] of Object.entries(document.paths ?? {})) {
      for (const method of HTTP_METHODS) {
        const operation = pathItem[method];
        if (!operation) continue;
        const security = operation.security ?? document.security ?? spec.security ?? [];
        byKey.set(`${method} ${pathTemplate}`, { method, pathTemplate, operation, security });
      }
    }

    for (const [section, entries] of Object.entries(document.components ?? {})) {
      if (!entries || typeof entries !== 'object') continue;
      components[section] = { ...components[section], ...(entries as Record<string, unknown>) };
    }
  }

  const operations = [...byKey.values()];
  const paths: Record<string, PathItem> = {};
  for (const { method, pathTemplate, operation } of operations) {
    paths[pathTemplate] = { ...paths[pathTemplate], [method]: operation };
  }

  return { operations, document: { ...spec, paths, components } };
}

/**
 * Finds the target of a local `$ref` such as `#/components/schemas/Organization`.
 *
 * @throws {Error} when the reference is not local or points at nothing.
 */
export function resolveRef(document: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) {
    throw new Error(`Only local $ref values are supported (got ${JSON.stringify(ref)})`);
  }

  let node: unknown = document;
  for (const rawKey of ref.slice(2).split('/')) {
    // JSON Pointer escapes: "~1" is "/" and "~0" is "~".
    const key = decodeURIComponent(rawKey).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!node || typeof node !== 'object' || !(key in node)) {
      throw new Error(`$ref ${JSON.stringify(ref)} points at nothing in the spec`);
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
