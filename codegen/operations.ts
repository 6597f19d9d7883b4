import { ComponentSides, equalComponent, referencedComponents, walkSchema } from './components.js';
import { cleanProse } from './docs.js';
import { AUTHENTICATE_VARIANT_OVERRIDES, UNAUTHENTICATED_OPERATIONS } from './overrides.js';
import {
  argumentName,
  methodName,
  namespaceClassName,
  namespaceForTag,
  pascalCase,
  splitWords,
  toPascal,
} from './naming.js';
import { isSecretField, SCOPED_SECRET_FIELDS } from './secrets.js';
import {
  listOperations,
  refName,
  resolveParameter,
  type ExclusiveGroups,
  type LowerHttpMethod,
  type OpenAPIDocument,
  type OperationObject,
  type ParameterObject,
  type SchemaObject,
} from './spec.js';
import type { Member, RenderContext, TypeRenderer } from './types.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The name of a type declared for one operation. Two operations may want the same name, so names
 * are settled only after every operation is planned. Until then, plans refer to this holder.
 */
export class TypeName {
  final: string;

  constructor(
    readonly base: string,
    readonly namespace: string,
  ) {
    this.final = base;
  }

  toString(): string {
    return this.final;
  }
}

/** Locations of the `client_id` and `client_secret` fields that core fills from its configuration. */
export interface Defaults {
  clientId?: 'query' | 'body';
  clientSecret?: 'query' | 'body';
}

export interface PathArgument {
  wireName: string;
  argName: string;
  description: string;
  secret: boolean;
}

/** The one object argument after the path arguments: query parameters, body, or both. */
export interface ParamsArgument {
  argName: 'params' | 'body';
  typeName: TypeName;
  optional: boolean;
  hasQuery: boolean;
  hasBody: boolean;
  /** Wire names of the query parameters, to split them from body fields at run time. */
  queryKeys: string[];
  /** Required constant fields the method sets itself, such as `response_type: 'code'`. */
  constants: Record<string, unknown>;
  constantsIn: 'query' | 'body';
}

export type ResponsePlan =
  | { kind: 'void' }
  | { kind: 'json'; type: TypeName | string; array: boolean; orUndefined: boolean }
  | { kind: 'list'; item: TypeName | string };

export interface MethodPlan {
  namespace: string;
  name: string;
  httpMethod: HttpMethod;
  path: string;
  operation: OperationObject;
  /** Builds a URL instead of sending a request: the browser redirect endpoints. */
  urlBuilder: boolean;
  pathArgs: PathArgument[];
  params: ParamsArgument | undefined;
  /** Takes the caller's access token as the first argument (`GET /sso/profile`). */
  accessToken: boolean;
  auth: boolean;
  defaults: Defaults;
  /** For a union body whose variants need different defaults: defaults by discriminator value. */
  defaultsByVariant?: { property: string; byValue: Record<string, Defaults> };
  response: ResponsePlan;
  secretKeys: string[];
  /** Set on the per-variant methods of a union body: the discriminator they set. */
  variant?: { property: string; value: string; parentName: string };
  idempotencyHeader: boolean;
}

/** A type declaration for models.ts, rendered once every name is final. */
export interface Declaration {
  name: TypeName;
  /** The first line of the type's JSDoc. */
  doc: string;
  render: (renderer: TypeRenderer) => string;
}

/**
 * Plans every generated method: its name, arguments, request spec and result type, and the
 * per-operation types it needs.
 */
export class OperationPlanner {
  readonly #document: OpenAPIDocument;
  readonly #renderer: TypeRenderer;
  readonly #sides: ComponentSides;
  readonly plans: MethodPlan[] = [];
  readonly declarations: Declaration[] = [];

  constructor(document: OpenAPIDocument, renderer: TypeRenderer, sides: ComponentSides) {
    this.#document = document;
    this.#renderer = renderer;
    this.#sides = sides;
  }

  planAll(): void {
    for (const { path, method, operation } of listOperations(this.#document)) {
      this.#plan(path, method, operation);
    }
    this.#checkUniqueMethodNames();
    this.#settleTypeNames();
  }

  #plan(path: string, lowerMethod: LowerHttpMethod, operation: OperationObject): void {
    const httpMethod = lowerMethod.toUpperCase() as HttpMethod;
    const tag = operation.tags?.[0];
    if (!tag) throw new Error(`${httpMethod} ${path} has no tag to choose its namespace`);
    const namespace = namespaceForTag(tag);
    const name = methodName(httpMethod, path, operation, namespace);

    const parameters = (operation.parameters ?? []).map((parameter) =>
      resolveParameter(this.#document, parameter),
    );
    const unknownLocation = parameters.find(
      (parameter) =>
        parameter.in === 'cookie' ||
        (parameter.in === 'header' && parameter.name !== 'idempotency-key'),
    );
    if (unknownLocation) {
      throw new Error(
        `${httpMethod} ${path}: the ${unknownLocation.in} parameter ${unknownLocation.name} is not supported`,
      );
    }

    const security = operation.security;
    const accessToken = security?.some((requirement) => 'access_token' in requirement) ?? false;
    const publicEndpoint = security !== undefined && security.length === 0;
    // A GET that needs no authentication is a page the browser is sent to (sign-in, sign-out),
    // so the SDK builds its URL instead of fetching it.
    const urlBuilder = httpMethod === 'GET' && publicEndpoint;

    const plan: MethodPlan = {
      namespace,
      name,
      httpMethod,
      path,
      operation,
      urlBuilder,
      pathArgs: this.#pathArguments(path, parameters),
      params: undefined,
      accessToken,
      auth:
        !publicEndpoint && !accessToken && !UNAUTHENTICATED_OPERATIONS.has(`${httpMethod} ${path}`),
      defaults: {},
      response: { kind: 'void' },
      secretKeys: [],
      idempotencyHeader: parameters.some((parameter) => parameter.in === 'header'),
    };

    const body = operation.requestBody?.content?.['application/json']?.schema;
    const inlineUnion = body && !body.$ref ? (body.oneOf ?? body.anyOf) : undefined;
    const variantPlans =
      inlineUnion && findGrantType(inlineUnion) ? this.#planGrantTypeUnion(plan, inlineUnion) : [];
    if (variantPlans.length === 0)
      plan.params = this.#paramsArgument(plan, parameters, body, operation);

    if (!urlBuilder) this.#planResponse(plan);
    this.plans.push(plan);
    for (const variantPlan of variantPlans) {
      variantPlan.response = plan.response;
      variantPlan.secretKeys = plan.secretKeys;
      this.plans.push(variantPlan);
    }
  }

  #pathArguments(path: string, parameters: ParameterObject[]): PathArgument[] {
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
    return names.map((wireName) => {
      const parameter = parameters.find(
        (candidate) => candidate.in === 'path' && candidate.name === wireName,
      );
      if (!parameter) throw new Error(`${path} has no path parameter named ${wireName}`);
      return {
        wireName,
        argName: argumentName(wireName),
        description: parameter.description ?? '',
        secret: isSecretField(wireName, undefined),
      };
    });
  }

  #paramsArgument(
    plan: MethodPlan,
    parameters: ParameterObject[],
    body: SchemaObject | undefined,
    operation: OperationObject,
  ): ParamsArgument | undefined {
    const bodyMembers = body ? this.#bodyMembers(body) : [];
    const bodyNames = new Set(bodyMembers.map((member) => member.name));

    // The spec lists POST /sso/token's fields both as query parameters and as body fields. The
    // API reads the body, so a parameter that is also a body field is sent in the body only.
    const queryMembers: Member[] = parameters
      .filter((parameter) => parameter.in === 'query' && !bodyNames.has(parameter.name))
      .map((parameter) => ({
        name: parameter.name,
        schema: parameter.deprecated
          ? { ...parameter.schema, deprecated: true }
          : (parameter.schema ?? {}),
        required: parameter.required ?? false,
        description: parameter.description,
      }));

    if (!body && queryMembers.length === 0) return undefined;

    const hasQuery = queryMembers.length > 0;
    const constants: Record<string, unknown> = {};
    const query = this.#applyDefaultsAndConstants(plan, queryMembers, 'query', constants);
    const queryGroups = operation['x-mutually-exclusive-parameter-groups'];

    const baseName = pascalCase(splitWords(plan.name)) + (hasQuery ? 'Params' : 'Body');
    const typeName = new TypeName(baseName, plan.namespace);
    const context = (): RenderContext => ({
      side: 'request',
      owner: undefined,
      namePath: [typeName.final],
    });

    if (!body) {
      this.declarations.push({
        name: typeName,
        doc: `Query parameters of \`${plan.namespace}.${plan.name}()\`.`,
        render: (renderer) =>
          queryGroups
            ? `export type ${typeName.final} = ${renderer.renderExclusive(query, queryGroups, context())};\n`
            : // A type literal, not an interface: core takes the query as Record<string, unknown>,
              // which an interface does not satisfy.
              `export type ${typeName.final} = {\n${renderer.renderMembers(query, context())}};\n`,
      });
      return {
        argName: 'params',
        typeName,
        optional: !hasRequired(query, queryGroups),
        hasQuery: true,
        hasBody: false,
        queryKeys: query.map((member) => member.name),
        constants,
        constantsIn: 'query',
      };
    }

    // Fields are filled or merged only in a plain object body; a union body is passed as given.
    const bodyConstants: Record<string, unknown> = {};
    const flattened = isFlatObject(this.#resolve(body))
      ? this.#applyDefaultsAndConstants(plan, bodyMembers, 'body', bodyConstants)
      : bodyMembers;
    const needsFlattening =
      hasQuery ||
      Object.keys(bodyConstants).length > 0 ||
      plan.defaults.clientId === 'body' ||
      plan.defaults.clientSecret === 'body';
    if (hasQuery && Object.keys(bodyConstants).length > 0 && Object.keys(constants).length > 0) {
      throw new Error(
        `${plan.httpMethod} ${plan.path}: constants in both query and body are not supported`,
      );
    }
    Object.assign(constants, bodyConstants);

    if (needsFlattening) {
      if (!isFlatObject(this.#resolve(body))) {
        throw new Error(
          `${plan.httpMethod} ${plan.path}: its body must be a plain object to merge or fill fields`,
        );
      }
      const members = [...flattened, ...query];
      this.declarations.push({
        name: typeName,
        doc: hasQuery
          ? `Query parameters and body fields of \`${plan.namespace}.${plan.name}()\`.`
          : `Request body of \`${plan.namespace}.${plan.name}()\`.`,
        render: (renderer) =>
          hasQuery
            ? `export type ${typeName.final} = {\n${renderer.renderMembers(members, context())}};\n`
            : `export interface ${typeName.final} {\n${renderer.renderMembers(members, context())}}\n`,
      });
      return {
        argName: hasQuery ? 'params' : 'body',
        typeName,
        optional: !hasRequired(members, undefined),
        hasQuery,
        hasBody: true,
        queryKeys: query.map((member) => member.name),
        constants,
        constantsIn: Object.keys(bodyConstants).length > 0 ? 'body' : 'query',
      };
    }

    this.declarations.push({
      name: typeName,
      doc: `Request body of \`${plan.namespace}.${plan.name}()\`.`,
      render: (renderer) =>
        `export type ${typeName.final} = ${renderer.render(body, context())};\n`,
    });
    const required = operation.requestBody?.required ?? false;
    return {
      argName: 'body',
      typeName,
      optional: !required || !this.#schemaHasRequired(body),
      hasQuery: false,
      hasBody: true,
      queryKeys: [],
      constants,
      constantsIn: 'body',
    };
  }

  /**
   * Makes `client_id` and `client_secret` optional (core fills them from the client's
   * configuration) and takes required constants out of the caller's hands.
   */
  #applyDefaultsAndConstants(
    plan: MethodPlan,
    members: Member[],
    location: 'query' | 'body',
    constants: Record<string, unknown>,
  ): Member[] {
    const result: Member[] = [];
    for (const member of members) {
      if (member.name === 'client_id') {
        plan.defaults.clientId = location;
        result.push({ ...member, required: false });
      } else if (member.name === 'client_secret') {
        plan.defaults.clientSecret = location;
        result.push({ ...member, required: false });
      } else if (member.required && member.schema.const !== undefined) {
        constants[member.name] = member.schema.const;
      } else {
        result.push(member);
      }
    }
    return result;
  }

  /** Top-level fields of a body: a plain object's properties, or every field of a union. */
  #bodyMembers(body: SchemaObject): Member[] {
    const resolved = this.#resolve(body);
    const owner = body.$ref ? refName(body.$ref) : undefined;
    if (isFlatObject(resolved)) return this.#renderer.collectMembers(resolved, owner);
    return this.#renderer.collectMembersDeep(resolved, owner);
  }

  /**
   * Plans a body that is a union of objects distinguished by `grant_type` (the OAuth token
   * endpoint): the general method plus one method per variant, which sets `grant_type` itself.
   */
  #planGrantTypeUnion(plan: MethodPlan, variants: SchemaObject[]): MethodPlan[] {
    const variantPlans: MethodPlan[] = [];
    const variantBodies: TypeName[] = [];
    const byValue: Record<string, Defaults> = {};

    for (const variant of variants) {
      const value = variant.properties?.grant_type?.const;
      if (typeof value !== 'string')
        throw new Error(`${plan.path}: a variant has no grant_type constant`);
      const name =
        AUTHENTICATE_VARIANT_OVERRIDES[value] ?? `${plan.name}With${grantTypeWords(value)}`;

      const variantPlan: MethodPlan = {
        ...plan,
        name,
        defaults: {},
        variant: { property: 'grant_type', value, parentName: plan.name },
      };
      const members = this.#applyDefaultsAndConstants(
        variantPlan,
        this.#renderer
          .collectMembers(variant, undefined)
          .filter((member) => member.name !== 'grant_type'),
        'body',
        {},
      );
      byValue[value] = variantPlan.defaults;

      const paramsName = new TypeName(`${toPascal(name)}Params`, plan.namespace);
      const bodyName = new TypeName(`${toPascal(name)}Body`, plan.namespace);
      const context = (): RenderContext => ({
        side: 'request',
        owner: undefined,
        namePath: [paramsName.final],
      });
      this.declarations.push({
        name: paramsName,
        doc: `Fields of \`${plan.namespace}.${name}()\`: the request body without \`grant_type\`, which the method sets.`,
        render: (renderer) =>
          `export interface ${paramsName.final} {\n${renderer.renderMembers(members, context())}}\n`,
      });
      this.declarations.push({
        name: bodyName,
        doc: `Request body of \`${plan.namespace}.${plan.name}()\` for the \`${value}\` grant.`,
        render: () =>
          `export type ${bodyName.final} = ${paramsName.final} & { grant_type: ${JSON.stringify(value)} };\n`,
      });
      variantBodies.push(bodyName);

      variantPlan.params = {
        argName: 'params',
        typeName: paramsName,
        optional: !hasRequired(members, undefined),
        hasQuery: false,
        hasBody: true,
        queryKeys: [],
        constants: { grant_type: value },
        constantsIn: 'body',
      };
      variantPlans.push(variantPlan);
    }

    const unionName = new TypeName(`${toPascal(plan.name)}Body`, plan.namespace);
    this.declarations.push({
      name: unionName,
      doc: `Request body of \`${plan.namespace}.${plan.name}()\`, one variant per \`grant_type\`.`,
      render: () =>
        `export type ${unionName.final} = ${variantBodies.map((name) => name.final).join(' | ')};\n`,
    });
    plan.params = {
      argName: 'body',
      typeName: unionName,
      optional: false,
      hasQuery: false,
      hasBody: true,
      queryKeys: [],
      constants: {},
      constantsIn: 'body',
    };

    const distinct = new Set(Object.values(byValue).map((defaults) => JSON.stringify(defaults)));
    if (distinct.size === 1) {
      plan.defaults = Object.values(byValue)[0] ?? {};
    } else {
      plan.defaultsByVariant = { property: 'grant_type', byValue };
    }
    return variantPlans;
  }

  #planResponse(plan: MethodPlan): void {
    const responses = Object.entries(plan.operation.responses ?? {})
      .filter(([status]) => status.startsWith('2'))
      .sort(([a], [b]) => a.localeCompare(b));
    const withContent = responses.filter(([, response]) => {
      const schema = response.content?.['application/json']?.schema;
      return schema !== undefined && Object.keys(schema).length > 0;
    });
    // NestJS documents a content-less `201` next to every POST handler's real `200`, so that one
    // is ignored. Any other content-less success (a `204`, say) means the body may be empty.
    const has200 = withContent.some(([status]) => status === '200');
    const mayBeEmpty = responses.some(
      ([status]) =>
        !withContent.some(([other]) => other === status) && !(status === '201' && has200),
    );

    const schemas = [
      ...new Map(
        withContent.map(([, response]) => {
          const schema = response.content?.['application/json']?.schema ?? {};
          return [JSON.stringify(schema), schema] as const;
        }),
      ).values(),
    ];
    if (schemas.length > 1) {
      throw new Error(
        `${plan.httpMethod} ${plan.path} returns ${schemas.length} different response bodies, which the generator does not support`,
      );
    }
    const schema = schemas[0];
    if (!schema) return;

    plan.secretKeys = this.#secretKeys(schema, plan);
    const base = pascalCase(splitWords(plan.name));

    const resolved = this.#resolve(schema);
    const fields = new Map(
      this.#renderer.collectMembersDeep(resolved, undefined).map((member) => [member.name, member]),
    );
    const data = fields.get('data');
    const paginated =
      data !== undefined &&
      fields.has('list_metadata') &&
      this.#resolve(data.schema).type === 'array' &&
      (plan.params?.queryKeys.includes('after') ?? false);
    if (paginated && data) {
      const items = this.#resolve(data.schema).items ?? {};
      const doc = `One item of the pages \`${plan.namespace}.${plan.name}()\` lists.`;
      plan.response = {
        kind: 'list',
        item: this.#responseTypeName(items, `${base}Item`, plan, doc),
      };
      return;
    }

    if (resolved.type === 'array' && !schema.$ref) {
      const doc = `One item of the array \`${plan.namespace}.${plan.name}()\` resolves to.`;
      const item = this.#responseTypeName(resolved.items ?? {}, `${base}Item`, plan, doc);
      plan.response = { kind: 'json', type: item, array: true, orUndefined: mayBeEmpty };
      return;
    }
    plan.response = {
      kind: 'json',
      type: this.#responseTypeName(
        schema,
        `${base}Response`,
        plan,
        `Response of \`${plan.namespace}.${plan.name}()\`.`,
      ),
      array: false,
      orUndefined: mayBeEmpty,
    };
  }

  /** The type of a response schema: its component, the component it copies, or a new named type. */
  #responseTypeName(
    schema: SchemaObject,
    baseName: string,
    plan: MethodPlan,
    doc: string,
  ): TypeName | string {
    if (schema.$ref) return this.#sides.typeName(refName(schema.$ref), 'response');
    const copied = equalComponent(this.#document, schema);
    if (copied) return this.#sides.typeName(copied, 'response');

    const typeName = new TypeName(baseName, plan.namespace);
    const context = (): RenderContext => ({
      side: 'response',
      owner: undefined,
      namePath: [typeName.final],
    });
    this.declarations.push({
      name: typeName,
      doc: [doc, cleanProse(schema.description)].filter((line) => line !== '').join('\n\n'),
      render: (renderer) =>
        `export type ${typeName.final} = ${renderer.render(schema, context())};\n`,
    });
    return typeName;
  }

  /**
   * The response keys core must wrap in `SecretString`: every credential field reachable in the
   * response schema. Core wraps a key at any depth, so a scoped name such as `value` may only be
   * listed when every `value` in the response is a secret.
   *
   * Core never looks inside the free-form maps `metadata`, `custom_attributes` and
   * `raw_attributes`, whose keys are the user's own, so they stay plain `Record<string, ...>`.
   */
  #secretKeys(schema: SchemaObject, plan: MethodPlan): string[] {
    const keys = new Set<string>();
    const plainScoped = new Set<string>();
    const collect = (node: SchemaObject | undefined, owner: string | undefined) =>
      walkSchema(node, (child, depth) => {
        for (const property of Object.keys(child.properties ?? {})) {
          const componentOwner = depth === 0 ? owner : undefined;
          if (isSecretField(property, componentOwner)) keys.add(property);
          else if (SCOPED_SECRET_FIELDS[property]) plainScoped.add(property);
        }
      });

    collect(schema.$ref ? undefined : schema, undefined);
    for (const name of referencedComponents(this.#document, schema)) {
      collect(this.#document.components.schemas[name], name);
    }
    const clash = [...keys].find((key) => plainScoped.has(key));
    if (clash) {
      throw new Error(
        `${plan.httpMethod} ${plan.path}: its response has both secret and plain \`${clash}\` fields, which core cannot tell apart`,
      );
    }
    return [...keys].sort();
  }

  #resolve(schema: SchemaObject): SchemaObject {
    if (!schema.$ref) return schema;
    const resolved = this.#document.components.schemas[refName(schema.$ref)];
    if (!resolved) throw new Error(`Unresolvable $ref ${schema.$ref}`);
    return resolved;
  }

  // Fields of exclusive groups are required only within their variant, so they do not count.
  #schemaHasRequired(schema: SchemaObject): boolean {
    const resolved = this.#resolve(schema);
    const groups = resolved['x-mutually-exclusive-body-groups'] ?? {};
    const grouped = new Set(
      Object.values(groups).flatMap((group) => Object.values(group.variants).flat()),
    );
    const members = this.#renderer
      .collectMembersDeep(resolved, undefined)
      .filter((member) => !grouped.has(member.name));
    return hasRequired(members, groups);
  }

  #checkUniqueMethodNames(): void {
    const seen = new Map<string, MethodPlan>();
    for (const plan of this.plans) {
      const key = `${plan.namespace}.${plan.name}`;
      const earlier = seen.get(key);
      if (earlier) {
        throw new Error(
          `${key} would name both ${earlier.httpMethod} ${earlier.path} and ${plan.httpMethod} ${plan.path}: add an override`,
        );
      }
      seen.set(key, plan);
    }
  }

  /**
   * Gives every per-operation type a unique name. A base name wanted by two operations, or
   * already a component's name, is prefixed with each owner's namespace:
   * `DirectorySyncListUsersParams` and `UserManagementListUsersParams`.
   */
  #settleTypeNames(): void {
    const byBase = new Map<string, TypeName[]>();
    for (const { name } of this.declarations) {
      byBase.set(name.base, [...(byBase.get(name.base) ?? []), name]);
    }
    for (const [base, names] of byBase) {
      if (names.length > 1 || this.#document.components.schemas[base]) {
        for (const name of names) name.final = `${namespaceClassName(name.namespace)}${base}`;
      }
    }
    const finals = new Set<string>();
    for (const { name } of this.declarations) {
      if (finals.has(name.final) || this.#document.components.schemas[name.final]) {
        throw new Error(`Two types would be named ${name.final}`);
      }
      finals.add(name.final);
    }
  }
}

function findGrantType(variants: SchemaObject[]): boolean {
  return (
    variants.length > 1 &&
    variants.every((variant) => typeof variant.properties?.grant_type?.const === 'string')
  );
}

/** `urn:workos:oauth:grant-type:magic-auth:code` → `MagicAuth`; `refresh_token` → `RefreshToken`. */
function grantTypeWords(value: string): string {
  const marker = 'grant-type:';
  const tail = value.includes(marker)
    ? value.slice(value.lastIndexOf(marker) + marker.length)
    : value;
  return toPascal(tail.replace(/:code$/, ''));
}

function isFlatObject(schema: SchemaObject): boolean {
  return (
    (schema.type === 'object' || schema.properties !== undefined) &&
    !schema.allOf &&
    !schema.oneOf &&
    !schema.anyOf &&
    !schema['x-mutually-exclusive-body-groups']
  );
}

function hasRequired(members: Member[], groups: ExclusiveGroups | undefined): boolean {
  if (members.some((member) => member.required && !member.never)) return true;
  return Object.values(groups ?? {}).some((group) => !group.optional);
}
