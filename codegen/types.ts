import { jsDoc, schemaDocLines } from './docs.js';
import { ENUM_NAME_OVERRIDES } from './overrides.js';
import { propertyKey, singular, toPascal } from './naming.js';
import { isSecretField } from './secrets.js';
import { refName, type ExclusiveGroups, type OpenAPIDocument, type SchemaObject } from './spec.js';

/** Whether a type describes data sent to the API or data received from it. */
export type Side = 'request' | 'response';

/** The position of the schema being rendered, and what it is rendered for. */
export interface RenderContext {
  side: Side;
  /** The component schema whose own properties are being rendered, for scoped secret fields. */
  owner: string | undefined;
  /** Name segments of the current position, used to name the enums found there. */
  namePath: string[];
  /** True while rendering the schema of a credential field: its strings become secrets. */
  secret?: boolean;
  /** True below a component schema; enums found there win names over those of operations. */
  inComponent?: boolean;
  /** The wire path of the current position, such as `Connection.connection_type`, for docs. */
  fieldPath?: string;
}

/** One property of an object type, or one query parameter. */
export interface Member {
  name: string;
  schema: SchemaObject;
  required: boolean;
  /** Documentation for the member; the schema's own description when absent. */
  description?: string;
  /** The component schema that declares the member, for scoped secret fields. */
  owner?: string;
  /** Renders `name?: never`: the member must be absent. */
  never?: boolean;
}

interface EnumOccurrence {
  candidate: string;
  /** Lower ranks win the name: component owners first, then shallow positions, then short names. */
  rank: [number, number, number, string];
  where: string;
}

interface EnumGroup {
  values: string[];
  occurrences: EnumOccurrence[];
  index: number;
  name?: string;
}

const ENUM_MARK = '\u0000enum:';
const ENUM_END = '\u0000';

/**
 * Renders OpenAPI schemas as TypeScript type expressions.
 *
 * Enums are collected while rendering and written as placeholders; {@link assignEnumNames} then
 * names each distinct set of values once and {@link resolveEnums} swaps the names in, so a set
 * of values that recurs under many owners becomes one exported type.
 */
export class TypeRenderer {
  readonly #document: OpenAPIDocument;
  readonly #enums = new Map<string, EnumGroup>();
  readonly #enumKeys: string[] = [];
  readonly #componentNames: (name: string, side: Side) => string;

  constructor(document: OpenAPIDocument, componentNames: (name: string, side: Side) => string) {
    this.#document = document;
    this.#componentNames = componentNames;
  }

  /** Renders a schema as a type expression. */
  render(schema: SchemaObject | undefined, context: RenderContext): string {
    if (!schema || Object.keys(schema).length === 0) return 'unknown';
    if (schema.$ref) return this.#componentNames(refName(schema.$ref), context.side);

    if (schema['x-mutually-exclusive-body-groups']) {
      return this.renderExclusive(
        this.collectMembersDeep(schema, context.owner),
        schema['x-mutually-exclusive-body-groups'],
        context,
      );
    }

    const types = typeList(schema);
    if (types.length === 1 && types[0] === 'null') return 'null';
    const nullable = types.includes('null');
    const base = this.#renderNonNull(
      schema,
      context,
      types.filter((type) => type !== 'null'),
    );
    if (!nullable || base === 'null') return base;
    return `${parenthesizeUnion(base)} | null`;
  }

  #renderNonNull(schema: SchemaObject, context: RenderContext, types: string[]): string {
    if (schema.const !== undefined) return literal(schema.const);
    if (schema.enum) return this.#renderEnum(schema, context);

    const composed = schema.allOf ?? schema.oneOf ?? schema.anyOf;
    if (composed) return this.#renderComposition(schema, context);

    if (types.length > 1) {
      return types.map((type) => this.#renderNonNull(schema, context, [type])).join(' | ');
    }

    const type =
      types[0] ??
      (schema.properties || schema.additionalProperties !== undefined ? 'object' : undefined);
    switch (type) {
      case 'string':
        if (context.secret) return context.side === 'response' ? 'SecretString' : 'SecretInput';
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'null':
        return 'null';
      case 'array': {
        const item = this.render(schema.items, {
          ...context,
          namePath: renameLast(context.namePath, singular),
          fieldPath: `${context.fieldPath ?? ''}[]`,
        });
        return `${parenthesizeForArray(item)}[]`;
      }
      case 'object':
        return this.#renderObject(schema, context);
      default:
        return schema.not ? this.#renderObject(schema, context) : 'unknown';
    }
  }

  #renderComposition(schema: SchemaObject, context: RenderContext): string {
    const parts: string[] = [];

    // An object schema with its own properties next to allOf/oneOf is the intersection of both.
    if (schema.properties || schema.not) {
      parts.push(
        this.#renderObject(
          { ...schema, allOf: undefined, oneOf: undefined, anyOf: undefined },
          context,
        ),
      );
    }

    if (schema.allOf) {
      const plain = schema.allOf.filter(isPlainObject);
      if (plain.length > 1 && !hasOverlappingProperties(plain)) {
        parts.push(this.#renderObject(mergeObjects(plain), context));
        for (const part of schema.allOf.filter((part) => !isPlainObject(part))) {
          parts.push(this.render(part, context));
        }
      } else {
        for (const part of schema.allOf) parts.push(this.render(part, context));
      }
    }

    const union = schema.oneOf ?? schema.anyOf;
    if (union) parts.push(this.#renderUnion(union, context));

    return parts.map((part) => (parts.length > 1 ? parenthesizeUnion(part) : part)).join(' & ');
  }

  #renderUnion(variants: SchemaObject[], context: RenderContext): string {
    const discriminator = findDiscriminator(variants);
    const rendered = variants.map((variant) => {
      const tag =
        discriminator === undefined ? undefined : variant.properties?.[discriminator]?.const;
      const namePath =
        typeof tag === 'string' ? [...context.namePath, toPascal(tag)] : context.namePath;
      return this.render(variant, { ...context, namePath });
    });
    const unique = [...new Set(rendered)];
    // `unknown | null` is just `unknown`, and a union with `unknown` is `unknown`.
    if (unique.includes('unknown')) return 'unknown';
    return unique.join(' | ');
  }

  #renderObject(schema: SchemaObject, context: RenderContext): string {
    const members = this.collectMembers(schema, context.owner);
    const extra = this.#additionalProperties(schema, context);

    if (members.length === 0) return extra ?? 'Record<string, unknown>';
    const body = this.renderMembers(members, context);
    if (extra === undefined) return `{\n${body}}`;
    // Declared properties next to free-form ones: the index signature must admit them all.
    return `{\n${body}[key: string]: unknown;\n}`;
  }

  #additionalProperties(schema: SchemaObject, context: RenderContext): string | undefined {
    const additional = schema.additionalProperties;
    const patterns = Object.values(schema.patternProperties ?? {});
    const valueContext = { ...context, secret: false, namePath: [...context.namePath, 'Value'] };

    if (patterns.length > 0) {
      const values = [...new Set(patterns.map((pattern) => this.render(pattern, valueContext)))];
      return `Record<string, ${values.join(' | ')}>`;
    }
    if (additional === undefined || additional === false) {
      return schema.properties || schema.not ? undefined : 'Record<string, unknown>';
    }
    if (additional === true) return 'Record<string, unknown>';
    return `Record<string, ${this.render(additional, valueContext)}>`;
  }

  /**
   * Collects the members of an object schema: its properties, plus `?: never` for each field its `not`
   * clause forbids (`not: { anyOf: [{ required: [x] }] }`, the spec's way to say "x must be
   * absent").
   */
  collectMembers(schema: SchemaObject, owner: string | undefined): Member[] {
    const required = new Set(schema.required ?? []);
    const members: Member[] = Object.entries(schema.properties ?? {}).map(([name, property]) => ({
      name,
      schema: property,
      required: required.has(name),
      owner,
    }));

    for (const name of forbiddenFields(schema)) {
      if (!members.some((member) => member.name === name)) {
        members.push({ name, schema: {}, required: false, never: true });
      }
    }
    return members;
  }

  /** Object members with their JSDoc, one per line, each ending in `;`. */
  renderMembers(members: Member[], context: RenderContext): string {
    let out = '';
    for (const member of members) {
      const key = propertyKey(member.name);
      if (member.never) {
        out += `${key}?: never;\n`;
        continue;
      }
      const description = member.description ?? member.schema.description;
      const type = this.render(member.schema, {
        ...context,
        owner: undefined,
        namePath: [...context.namePath, toPascal(member.name)].reduce(collapseName, [] as string[]),
        fieldPath: `${context.fieldPath ?? context.namePath[0] ?? ''}.${member.name}`,
        secret: isSecretField(member.name, member.owner),
      });
      out += jsDoc(schemaDocLines(description, member.schema));
      out += `${key}${member.required ? '' : '?'}: ${type};\n`;
    }
    return out;
  }

  /**
   * Renders fields of which at most one variant per group may be sent, as the spec's
   * `x-mutually-exclusive-*-groups` extensions declare: the common members intersected with, per
   * group, a union of one object per variant. Each variant object gives the other variants' fields
   * the type `never`, so sending two variants is a type error. When the group is not optional, no
   * variant is free of fields, so sending none is a type error too.
   */
  renderExclusive(members: Member[], groups: ExclusiveGroups, context: RenderContext): string {
    const byName = new Map(members.map((member) => [member.name, member]));
    const grouped = new Set(
      Object.values(groups).flatMap((group) => Object.values(group.variants).flat()),
    );
    const common = members.filter((member) => !grouped.has(member.name) && !member.never);

    const parts: string[] = [];
    if (common.length > 0) parts.push(`{\n${this.renderMembers(common, context)}}`);

    for (const [groupName, group] of Object.entries(groups)) {
      const fields = Object.values(group.variants).flat();
      const variants = Object.entries(group.variants).map(([variantName, variantFields]) => {
        const variantMembers = fields.map((field): Member => {
          if (!variantFields.includes(field))
            return { name: field, schema: {}, required: false, never: true };
          const member = byName.get(field);
          if (!member) {
            throw new Error(
              `Field ${field} of exclusive group ${groupName}.${variantName} is not in the schema`,
            );
          }
          // A variant's fields are sent together, so each is required once the variant is chosen.
          return { ...member, required: true };
        });
        return `{\n${this.renderMembers(variantMembers, context)}}`;
      });
      if (group.optional) {
        const none = fields.map((field): Member => ({
          name: field,
          schema: {},
          required: false,
          never: true,
        }));
        variants.push(`{\n${this.renderMembers(none, context)}}`);
      }
      parts.push(`(${variants.join(' | ')})`);
    }
    return parts.join(' & ');
  }

  /**
   * Collects every property an object schema may carry, wherever in its allOf and oneOf tree it
   * is declared, with the requiredness of the part that declares it. Used to rebuild the schema
   * from its `x-mutually-exclusive-body-groups` extension.
   */
  collectMembersDeep(schema: SchemaObject, owner: string | undefined): Member[] {
    const found = new Map<string, Member>();
    const visit = (part: SchemaObject) => {
      const resolved = part.$ref ? this.#document.components.schemas[refName(part.$ref)] : part;
      if (!resolved) throw new Error(`Unresolvable $ref ${part.$ref}`);
      for (const member of this.collectMembers(resolved, owner)) {
        if (!member.never && !found.has(member.name)) found.set(member.name, member);
      }
      for (const child of [
        ...(resolved.allOf ?? []),
        ...(resolved.oneOf ?? []),
        ...(resolved.anyOf ?? []),
      ]) {
        visit(child);
      }
    };
    visit(schema);
    return [...found.values()];
  }

  #renderEnum(schema: SchemaObject, context: RenderContext): string {
    const values = (schema.enum ?? []).filter((value) => value !== null);
    if (!values.every((value): value is string => typeof value === 'string')) {
      return values.map(literal).join(' | ');
    }

    const key = [...values].sort().join('|');
    let group = this.#enums.get(key);
    if (!group) {
      group = { values, occurrences: [], index: this.#enumKeys.length };
      this.#enums.set(key, group);
      this.#enumKeys.push(key);
    }
    const candidate = context.namePath.join('');
    group.occurrences.push({
      candidate,
      rank: [context.inComponent ? 0 : 1, context.namePath.length, candidate.length, candidate],
      where: context.fieldPath ?? candidate,
    });
    // The placeholder contains an index, not the values, so it has no `|` that could be
    // mistaken for a union when the expression around it is parenthesized.
    return `${ENUM_MARK}${group.index}${ENUM_END}`;
  }

  /**
   * Names every enum collected so far: the override for its values if there is one, else the
   * best-ranked place it occurs. Throws when two different value sets would share a name.
   */
  assignEnumNames(reserved: ReadonlySet<string>): void {
    const claimed = new Map<string, string>();
    const keys = [...this.#enums.keys()].sort();
    for (const key of keys) {
      const group = this.#enums.get(key);
      if (!group) continue;
      const ranked = [...group.occurrences].sort((a, b) => compareRank(a.rank, b.rank));
      const choices = [
        ENUM_NAME_OVERRIDES[key],
        ...ranked.map((occurrence) => occurrence.candidate),
      ].filter((name): name is string => name !== undefined && name !== '');
      const name = choices.find((choice) => !claimed.has(choice) && !reserved.has(choice));
      if (name === undefined) {
        throw new Error(
          `No free name for the enum ${key}: its candidates ${choices.join(', ')} are taken. Add it to ENUM_NAME_OVERRIDES.`,
        );
      }
      claimed.set(name, key);
      group.name = name;
    }
  }

  /** Replaces enum placeholders in rendered text with the assigned names. */
  resolveEnums(text: string): string {
    return text.replace(
      new RegExp(`${ENUM_MARK}(\\d+)${ENUM_END}`, 'g'),
      (_match, index: string) => {
        const key = this.#enumKeys[Number(index)];
        const name = key === undefined ? undefined : this.#enums.get(key)?.name;
        if (!name) throw new Error(`Enum ${key ?? index} was rendered but never named`);
        return name;
      },
    );
  }

  /** Lists every named enum, sorted by name, with the fields that use it (best-ranked first). */
  namedEnums(): Array<{ name: string; values: string[]; fields: string[] }> {
    return [...this.#enums.values()]
      .map((group) => {
        const ranked = [...group.occurrences].sort((a, b) => compareRank(a.rank, b.rank));
        return {
          name: group.name ?? '',
          values: group.values,
          fields: [...new Set(ranked.map((o) => o.where))],
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}

function typeList(schema: SchemaObject): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (typeof schema.type === 'string') return [schema.type];
  return [];
}

function literal(value: unknown): string {
  return JSON.stringify(value);
}

function compareRank(a: EnumOccurrence['rank'], b: EnumOccurrence['rank']): number {
  for (let index = 0; index < 3; index++) {
    const difference = (a[index] as number) - (b[index] as number);
    if (difference !== 0) return difference;
  }
  return a[3].localeCompare(b[3]);
}

/** Appends a name segment, dropping the previous one when the new segment starts with it. */
function collapseName(segments: string[], segment: string): string[] {
  const previous = segments[segments.length - 1];
  if (previous !== undefined && segment.startsWith(previous) && segment !== previous) {
    return [...segments.slice(0, -1), segment];
  }
  return [...segments, segment];
}

function renameLast(segments: string[], rename: (word: string) => string): string[] {
  const last = segments[segments.length - 1];
  if (last === undefined) return segments;
  return [...segments.slice(0, -1), rename(last)];
}

function isPlainObject(schema: SchemaObject): boolean {
  return (
    !schema.$ref &&
    !schema.oneOf &&
    !schema.anyOf &&
    !schema.allOf &&
    !schema.not &&
    schema.additionalProperties === undefined &&
    (schema.type === 'object' || (schema.type === undefined && schema.properties !== undefined))
  );
}

function hasOverlappingProperties(schemas: SchemaObject[]): boolean {
  const seen = new Set<string>();
  for (const schema of schemas) {
    for (const name of Object.keys(schema.properties ?? {})) {
      if (seen.has(name)) return true;
      seen.add(name);
    }
  }
  return false;
}

function mergeObjects(schemas: SchemaObject[]): SchemaObject {
  return {
    type: 'object',
    properties: Object.assign({}, ...schemas.map((schema) => schema.properties ?? {})),
    required: [...new Set(schemas.flatMap((schema) => schema.required ?? []))],
  };
}

/** Finds the property whose `const` differs in every variant of a union, if there is one. */
function findDiscriminator(variants: SchemaObject[]): string | undefined {
  const first = variants[0]?.properties;
  if (!first || variants.length < 2) return undefined;
  for (const name of Object.keys(first)) {
    const values = variants.map((variant) => variant.properties?.[name]?.const);
    if (
      values.every((value) => typeof value === 'string') &&
      new Set(values).size === values.length
    ) {
      return name;
    }
  }
  return undefined;
}

function forbiddenFields(schema: SchemaObject): string[] {
  const not = schema.not;
  if (!not) return [];
  const alternatives = not.anyOf ?? [not];
  return alternatives.flatMap((alternative) => alternative.required ?? []);
}

function parenthesizeUnion(type: string): string {
  return hasTopLevel(type, '|') ? `(${type})` : type;
}

function parenthesizeForArray(type: string): string {
  return hasTopLevel(type, '|') || hasTopLevel(type, '&') ? `(${type})` : type;
}

// Whether an operator appears outside brackets, braces and parentheses.
function hasTopLevel(type: string, operator: string): boolean {
  let depth = 0;
  for (const char of type) {
    if (char === '(' || char === '{' || char === '<' || char === '[') depth++;
    else if (char === ')' || char === '}' || char === '>' || char === ']') depth--;
    else if (char === operator && depth === 0) return true;
  }
  return false;
}
