import type { HttpMethod, SpecOperation } from './spec-document.js';

/** The operation a request path and method resolved to. */
export interface RouteMatch {
  operation: SpecOperation;
  /** Path parameters by name, percent-decoded. */
  params: Record<string, string>;
}

/** The outcome of {@link SpecRoutes.match} when no operation fits. */
export interface RouteMiss {
  operation: undefined;
  /** Methods the spec lists for the matching path template; empty when no template matches. */
  allowedMethods: HttpMethod[];
}

interface CompiledTemplate {
  pathTemplate: string;
  /** One entry per path segment. A literal segment must match exactly. */
  segments: Array<{ literal: string } | { pattern: RegExp; names: string[] }>;
  operations: Map<HttpMethod, SpecOperation>;
}

/**
 * The path templates of a spec, ordered so that a literal segment beats a `{parameter}` at the
 * same position: `/organizations/external_id/{external_id}` is tried before
 * `/organizations/{id}/audit_logs_retention`.
 */
export class SpecRoutes {
  #templates: CompiledTemplate[];

  constructor(operations: readonly SpecOperation[]) {
    const byTemplate = new Map<string, CompiledTemplate>();
    for (const operation of operations) {
      let compiled = byTemplate.get(operation.pathTemplate);
      if (!compiled) {
        compiled = compileTemplate(operation.pathTemplate);
        byTemplate.set(operation.pathTemplate, compiled);
      }
      compiled.operations.set(operation.method, operation);
    }
    this.#templates = [...byTemplate.values()].sort(compareSpecificity);
  }

  /** Finds the operation for a method and a raw (still percent-encoded) request path. */
  match(method: string, rawPath: string): RouteMatch | RouteMiss {
    const requestSegments = rawPath.split('/').slice(1);
    const allowedMethods: HttpMethod[] = [];

    for (const template of this.#templates) {
      const params = matchSegments(template, requestSegments);
      if (!params) continue;

      const operation = template.operations.get(method.toLowerCase() as HttpMethod);
      if (operation) return { operation, params };
      if (allowedMethods.length === 0) allowedMethods.push(...template.operations.keys());
    }

    return { operation: undefined, allowedMethods };
  }

  /** Finds the operation for a method and a path template exactly as the spec writes it. */
  find(method: string, pathTemplate: string): SpecOperation | undefined {
    const template = this.#templates.find((candidate) => candidate.pathTemplate === pathTemplate);
    return template?.operations.get(method.toLowerCase() as HttpMethod);
  }
}

function compileTemplate(pathTemplate: string): CompiledTemplate {
  const segments = pathTemplate
    .split('/')
    .slice(1)
    .map((segment) => {
      if (!segment.includes('{')) return { literal: segment };

      const names: string[] = [];
      const source = segment
        .split(/(\{[^}]+\})/)
        .map((piece) => {
          const name = /^\{([^}]+)\}$/.exec(piece)?.[1];
          if (name === undefined) return escapeRegExp(piece);
          names.push(name);
          return '(.+?)';
        })
        .join('');
      return { pattern: new RegExp(`^${source}$`), names };
    });

  return { pathTemplate, segments, operations: new Map() };
}

function matchSegments(
  template: CompiledTemplate,
  requestSegments: string[],
): Record<string, string> | undefined {
  if (template.segments.length !== requestSegments.length) return undefined;

  const params: Record<string, string> = {};
  for (const [index, segment] of template.segments.entries()) {
    // A parameter may contain an encoded "/", so segments are split before decoding.
    const decoded = decodeSegment(requestSegments[index] as string);
    if ('literal' in segment) {
      if (decoded !== segment.literal) return undefined;
      continue;
    }

    const found = segment.pattern.exec(decoded);
    if (!found) return undefined;
    segment.names.forEach((name, position) => {
      params[name] = found[position + 1] as string;
    });
  }
  return params;
}

function compareSpecificity(a: CompiledTemplate, b: CompiledTemplate): number {
  const length = Math.min(a.segments.length, b.segments.length);
  for (let index = 0; index < length; index++) {
    const aLiteral = 'literal' in (a.segments[index] as object);
    const bLiteral = 'literal' in (b.segments[index] as object);
    if (aLiteral !== bLiteral) return aLiteral ? -1 : 1;
  }
  return 0;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // Malformed percent-encoding is compared as written, so the request gets a 404.
    return segment;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
