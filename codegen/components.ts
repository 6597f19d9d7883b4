import { isSecretField } from './secrets.js';
import {
  listOperations,
  refName,
  resolveParameter,
  type OpenAPIDocument,
  type SchemaObject,
} from './spec.js';
import type { Side } from './types.js';

/**
 * The sides of the wire each component schema is used on. A component holding a credential is
 * typed differently in requests (`SecretInput`) and responses (`SecretString`), so one used on
 * both sides is emitted twice: `Name` for responses and `NameInput` for requests.
 */
export class ComponentSides {
  readonly #document: OpenAPIDocument;
  readonly #sides = new Map<string, Set<Side>>();
  readonly #split = new Set<string>();

  constructor(document: OpenAPIDocument) {
    this.#document = document;

    for (const { operation } of listOperations(document)) {
      for (const parameter of operation.parameters ?? []) {
        this.#mark(resolveParameter(document, parameter).schema, 'request');
      }
      this.#mark(operation.requestBody?.content?.['application/json']?.schema, 'request');
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (status.startsWith('2'))
          this.#mark(response.content?.['application/json']?.schema, 'response');
      }
    }

    for (const [name, sides] of this.#sides) {
      if (sides.size === 2 && this.#holdsSecret(name, new Set())) this.#split.add(name);
    }
  }

  /** Returns the type name of a component as seen from one side of the wire. */
  typeName(name: string, side: Side): string {
    if (!this.#document.components.schemas[name])
      throw new Error(`Unknown component schema ${name}`);
    return side === 'request' && this.#split.has(name) ? `${name}Input` : name;
  }

  /** Returns the sides to declare a component for: both when it is split, else the side it is used on. */
  declaredSides(name: string): Side[] {
    if (this.#split.has(name)) return ['response', 'request'];
    const sides = this.#sides.get(name);
    // A component no operation uses is declared as received data.
    return sides?.has('response') || !sides ? ['response'] : ['request'];
  }

  #mark(schema: SchemaObject | undefined, side: Side): void {
    for (const name of referencedComponents(this.#document, schema)) {
      const sides = this.#sides.get(name) ?? new Set<Side>();
      sides.add(side);
      this.#sides.set(name, sides);
    }
  }

  #holdsSecret(name: string, visited: Set<string>): boolean {
    if (visited.has(name)) return false;
    visited.add(name);
    const schema = this.#document.components.schemas[name];
    let found = false;
    walkSchema(schema, (node, depth) => {
      for (const property of Object.keys(node.properties ?? {})) {
        if (isSecretField(property, depth === 0 ? name : undefined)) found = true;
      }
      if (node.$ref && this.#holdsSecret(refName(node.$ref), visited)) found = true;
    });
    return found;
  }
}

/** Collects every component a schema reaches through `$ref`s, itself included when it is a reference. */
export function referencedComponents(
  document: OpenAPIDocument,
  schema: SchemaObject | undefined,
): Set<string> {
  const found = new Set<string>();
  const visit = (node: SchemaObject | undefined) => {
    walkSchema(node, (child) => {
      if (!child.$ref) return;
      const name = refName(child.$ref);
      if (found.has(name)) return;
      found.add(name);
      visit(document.components.schemas[name]);
    });
  };
  visit(schema);
  return found;
}

/**
 * Calls `visit` on a schema and every schema nested in it, without following `$ref`s. The
 * second argument counts the object levels above the node: 0 for the schema's own properties,
 * through any allOf/oneOf/anyOf wrapping.
 */
export function walkSchema(
  schema: SchemaObject | undefined,
  visit: (node: SchemaObject, depth: number) => void,
  depth = 0,
): void {
  if (!schema || typeof schema !== 'object') return;
  visit(schema, depth);
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    walkSchema(part, visit, depth);
  }
  for (const property of Object.values(schema.properties ?? {}))
    walkSchema(property, visit, depth + 1);
  walkSchema(schema.items, visit, depth + 1);
  if (typeof schema.additionalProperties === 'object')
    walkSchema(schema.additionalProperties, visit, depth + 1);
  for (const pattern of Object.values(schema.patternProperties ?? {}))
    walkSchema(pattern, visit, depth + 1);
}

/**
 * Serializes a schema without its documentation, so two schemas that differ only in prose
 * compare equal. The spec inlines copies of components with reworded descriptions
 * (`x-inline-with-overrides`); such a copy is typed as the component.
 */
export function structuralKey(schema: SchemaObject): string {
  return JSON.stringify(schema, (key, value: unknown) =>
    key === 'description' || key === 'example' || key === 'title' || key.startsWith('x-')
      ? undefined
      : value,
  );
}

/** Finds the component a schema is a prose-only copy of, if any. */
export function equalComponent(
  document: OpenAPIDocument,
  schema: SchemaObject,
): string | undefined {
  if (Object.keys(schema.properties ?? {}).length === 0) return undefined;
  const key = structuralKey(schema);
  const names = Object.keys(document.components.schemas).sort();
  return names.find((name) => {
    const component = document.components.schemas[name];
    return component !== undefined && structuralKey(component) === key;
  });
}
