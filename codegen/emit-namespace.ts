import { cleanProse, jsDoc } from './docs.js';
import type { EmitInput } from './emit.js';
import { argumentName, namespaceClassName, propertyKey, splitWords } from './naming.js';
import type { Defaults, MethodPlan, ResponsePlan, TypeName } from './operations.js';
import { MODEL_ALIASES } from './overrides.js';
import type { OpenAPIDocument } from './spec.js';

interface ImportSet {
  core: Set<string>;
  models: Set<string>;
}

/** Renders the file of one namespace: its secret key sets and its class. */
export function renderNamespace(input: EmitInput, namespace: string): string {
  const plans = input.plans.filter((plan) => plan.namespace === namespace);
  const imports: ImportSet = { core: new Set(), models: new Set() };
  imports.core.add('APIClient');

  const secretSets = secretKeySets(plans);
  let constants = '';
  for (const [key, name] of secretSets) {
    constants += `const ${name}: ReadonlySet<string> = new Set([${key
      .split(',')
      .map((field) => `'${field}'`)
      .join(', ')}]);\n`;
  }
  if (constants) {
    constants =
      '// Response keys whose values the client wraps in `SecretString`, one set per distinct list.\n' +
      constants;
  }

  let methods = '';
  for (const plan of plans) {
    if (plan.defaultsByVariant) {
      imports.core.add('RequestSpec');
      constants += renderVariantDefaults(plan);
    }
    methods += renderMethod(input, plan, imports, secretSets);
  }

  const className = namespaceClassName(namespace);
  const classDoc = jsDoc([namespaceSummary(input.document, plans), '', namespaceTagsLine(plans)]);
  const classText =
    `${classDoc}export class ${className} {\n` +
    '  readonly #client: APIClient;\n\n' +
    '  constructor(client: APIClient) {\n    this.#client = client;\n  }\n\n' +
    methods +
    '}\n';

  return `${input.header}${renderImports(imports)}\n${constants ? `${constants}\n` : ''}${classText}`;
}

const CORE_MODULES: Record<string, { module: string; value: boolean }> = {
  APIClient: { module: 'client', value: false },
  APIPromise: { module: 'api-promise', value: false },
  PagePromise: { module: 'pagination', value: false },
  RequestOptions: { module: 'request-options', value: false },
  RequestSpec: { module: 'request-options', value: false },
  SecretInput: { module: 'secret', value: false },
  exposeSecret: { module: 'secret', value: true },
  buildPath: { module: 'url', value: true },
};

function renderImports(imports: ImportSet): string {
  const byModule = new Map<string, string[]>();
  for (const name of [...imports.core].sort()) {
    const entry = CORE_MODULES[name];
    if (!entry) throw new Error(`No core module known for ${name}`);
    byModule.set(entry.module, [...(byModule.get(entry.module) ?? []), name]);
  }

  let out = '';
  for (const module of [...byModule.keys()].sort()) {
    const names = byModule.get(module) ?? [];
    const values = names.filter((name) => CORE_MODULES[name]?.value);
    const types = names.filter((name) => !CORE_MODULES[name]?.value);
    if (values.length === 0) {
      out += `import type { ${types.join(', ')} } from '../core/${module}.js';\n`;
    } else {
      const list = [...values, ...types.map((type) => `type ${type}`)];
      out += `import { ${list.join(', ')} } from '../core/${module}.js';\n`;
    }
  }
  if (imports.models.size > 0) {
    out += `import type { ${[...imports.models].sort().join(', ')} } from './models.js';\n`;
  }
  return out;
}

/** Names a constant for each distinct secret key list of a namespace. */
function secretKeySets(plans: MethodPlan[]): Map<string, string> {
  const sets = new Map<string, string>();
  const keys = [
    ...new Set(
      plans.filter((plan) => plan.secretKeys.length > 0).map((plan) => plan.secretKeys.join(',')),
    ),
  ];
  for (const key of keys.sort()) {
    sets.set(key, `SECRET_KEYS_${key.split(',').flatMap(splitWords).join('_').toUpperCase()}`);
  }
  return sets;
}

function renderVariantDefaults(plan: MethodPlan): string {
  const variants = plan.defaultsByVariant;
  if (!variants) return '';
  const entries = Object.entries(variants.byValue)
    .map(([value, defaults]) => `  ${JSON.stringify(value)}: ${renderDefaults(defaults) ?? '{}'},`)
    .join('\n');
  return (
    `\n// The client fields ${plan.name}() fills depend on the ${variants.property}: some grants take no client secret.\n` +
    `const ${plan.name}Defaults: Record<string, RequestSpec['defaults']> = {\n${entries}\n};\n`
  );
}

function renderMethod(
  input: EmitInput,
  plan: MethodPlan,
  imports: ImportSet,
  secretSets: Map<string, string>,
): string {
  const args: string[] = [];
  if (plan.accessToken) {
    imports.core.add('SecretInput');
    imports.core.add('exposeSecret');
    args.push('accessToken: SecretInput');
  }
  for (const pathArg of plan.pathArgs) {
    if (pathArg.secret) imports.core.add('SecretInput');
    args.push(`${pathArg.argName}: ${pathArg.secret ? 'SecretInput' : 'string'}`);
  }
  const params = plan.params;
  if (params) {
    imports.models.add(params.typeName.final);
    args.push(`${params.argName}: ${params.typeName.final}${params.optional ? ' = {}' : ''}`);
  }
  if (!plan.urlBuilder) {
    imports.core.add('RequestOptions');
    args.push('options?: RequestOptions');
  }

  const doc = methodDoc(input.document, plan);
  if (plan.urlBuilder) {
    const spec = requestSpecFields(plan, imports, secretSets).filter(
      (field) =>
        field.startsWith('path:') || field.startsWith('query:') || field.startsWith('defaults:'),
    );
    return (
      `${doc}${plan.name}(${args.join(', ')}): string {\n` +
      `return this.#client.buildUrl({ ${spec.join(', ')} });\n}\n\n`
    );
  }

  const returnType = responseType(plan.response, imports);
  const call = plan.response.kind === 'list' ? 'list' : 'request';
  const prelude = splitPrelude(plan);
  const spec = requestSpecFields(plan, imports, secretSets);
  return (
    `${doc}${plan.name}(${args.join(', ')}): ${returnType} {\n` +
    prelude +
    `return this.#client.${call}({ ${spec.join(', ')} }, options);\n}\n\n`
  );
}

function responseType(response: ResponsePlan, imports: ImportSet): string {
  if (response.kind === 'list') {
    imports.core.add('PagePromise');
    return `PagePromise<${addModel(imports, response.item)}>`;
  }
  imports.core.add('APIPromise');
  if (response.kind === 'void') return 'APIPromise<void>';
  const base = `${addModel(imports, response.type)}${response.array ? '[]' : ''}`;
  return `APIPromise<${base}${response.orUndefined ? ' | undefined' : ''}>`;
}

// Method signatures use the SDK names of MODEL_ALIASES (`User`, not `UserlandUser`): the two
// are the same type, and the short name is the one users know.
const ALIAS_OF = new Map(Object.entries(MODEL_ALIASES).map(([alias, target]) => [target, alias]));

function modelName(type: TypeName | string): string {
  const name = String(type);
  return ALIAS_OF.get(name) ?? name;
}

function addModel(imports: ImportSet, type: TypeName | string): string {
  const name = modelName(type);
  imports.models.add(name);
  return name;
}

/** Destructures the query parameters out of an argument that mixes them with body fields. */
function splitPrelude(plan: MethodPlan): string {
  const params = plan.params;
  if (!params || !(params.hasQuery && params.hasBody)) return '';
  const picks = params.queryKeys.map((key) => `${propertyKey(key)}: ${queryLocal(key)}`);
  return `const { ${picks.join(', ')}, ...body } = params;\n`;
}

function queryLocal(key: string): string {
  return `${argumentName(key)}Query`;
}

function requestSpecFields(
  plan: MethodPlan,
  imports: ImportSet,
  secretSets: Map<string, string>,
): string[] {
  const fields: string[] = [];
  if (!plan.urlBuilder) fields.push(`method: '${plan.httpMethod}'`);

  if (plan.pathArgs.length > 0) {
    imports.core.add('buildPath');
    const values = plan.pathArgs.map((arg) =>
      arg.argName === arg.wireName ? arg.argName : `${propertyKey(arg.wireName)}: ${arg.argName}`,
    );
    fields.push(`path: buildPath('${plan.path}', { ${values.join(', ')} })`);
  } else {
    fields.push(`path: '${plan.path}'`);
  }

  const params = plan.params;
  if (params) {
    const constants = Object.entries(params.constants).map(
      ([key, value]) => `${propertyKey(key)}: ${JSON.stringify(value)}`,
    );
    const withConstants = (source: string, where: 'query' | 'body') =>
      constants.length > 0 && params.constantsIn === where
        ? `{ ...${source}, ${constants.join(', ')} }`
        : source;

    if (params.hasQuery && params.hasBody) {
      const picks = params.queryKeys.map((key) => `${propertyKey(key)}: ${queryLocal(key)}`);
      fields.push(`query: ${withConstants(`{ ${picks.join(', ')} }`, 'query')}`);
      fields.push(`body: ${withConstants('body', 'body')}`);
    } else if (params.hasQuery) {
      fields.push(`query: ${withConstants(params.argName, 'query')}`);
    } else {
      const value = withConstants(params.argName, 'body');
      fields.push(value === 'body' ? 'body' : `body: ${value}`);
    }
  }

  if (plan.secretKeys.length > 0) {
    const name = secretSets.get(plan.secretKeys.join(','));
    if (!name) throw new Error(`No secret key set for ${plan.name}`);
    fields.push(`secretKeys: ${name}`);
  }
  if (!plan.auth && !plan.urlBuilder) fields.push('auth: false');
  if (plan.accessToken) fields.push('bearerToken: exposeSecret(accessToken)');

  if (plan.defaultsByVariant) {
    fields.push(
      `defaults: ${plan.name}Defaults[${params?.argName ?? 'body'}.${plan.defaultsByVariant.property}]`,
    );
  } else {
    const defaults = renderDefaults(plan.defaults);
    if (defaults) fields.push(`defaults: ${defaults}`);
  }
  return fields;
}

function renderDefaults(defaults: Defaults): string | undefined {
  const entries = Object.entries(defaults).map(([key, value]) => `${key}: '${value}'`);
  return entries.length > 0 ? `{ ${entries.join(', ')} }` : undefined;
}

// ---------------------------------------------------------------------------------------------
// Documentation of methods and classes.

function methodDoc(document: OpenAPIDocument, plan: MethodPlan): string {
  const { operation } = plan;
  const summary = sentence(cleanProse(operation.summary));
  const description = cleanProse(operation.description);
  const lines: string[] = [];

  if (plan.variant) {
    lines.push(`${summary.replace(/\.$/, '')} with the \`${plan.variant.value}\` grant type.`);
    lines.push(
      '',
      `Sends the same request as \`${plan.variant.parentName}()\`, with \`${plan.variant.property}\` set by the method.`,
    );
  } else {
    lines.push(summary);
    if (description && description !== summary && description !== summary.replace(/\.$/, '')) {
      lines.push('', description);
    }
  }

  const notes: string[] = [];
  if (plan.urlBuilder) {
    notes.push('Builds the URL to send the browser to; nothing is sent from here.');
  }
  if (operation['x-sends-email']) notes.push('The API sends an email.');
  if (operation['x-feature-flag']) {
    notes.push(
      `Available when the \`${operation['x-feature-flag']}\` feature is enabled for the environment.`,
    );
  }
  if (plan.idempotencyHeader) {
    notes.push(
      'Pass `options.idempotencyKey` to send an `Idempotency-Key` header, so a retry cannot record the call twice.',
    );
  }
  if (plan.response.kind === 'list') {
    notes.push(
      'Resolves to the first page; iterate the result with `for await` to walk every item, page by page.',
    );
  }
  if (notes.length > 0) lines.push('', ...notes);

  for (const arg of plan.pathArgs) {
    lines.push(
      `@param ${arg.argName} - ${sentence(cleanProse(arg.description)) || 'Path parameter.'}`,
    );
  }
  if (plan.accessToken) {
    const scheme = sentence(
      cleanProse(document.components.securitySchemes?.access_token?.description),
    );
    lines.push(
      `@param accessToken - ${scheme} It is sent as the bearer token in place of the API key.`,
    );
  }
  if (plan.params) lines.push(`@param ${plan.params.argName} - ${paramsDoc(plan)}`);
  if (!plan.urlBuilder)
    lines.push(
      '@param options - Per-request options: idempotency key, headers, timeout, retries, signal.',
    );
  if (plan.urlBuilder) lines.push('@returns The absolute URL, with the query string.');
  if (operation.deprecated) lines.push('@deprecated');
  return jsDoc(lines);
}

function paramsDoc(plan: MethodPlan): string {
  const params = plan.params;
  if (!params) return '';
  const parts = [
    params.hasQuery && params.hasBody
      ? 'Query parameters and body fields.'
      : params.hasQuery
        ? 'Query parameters.'
        : plan.variant
          ? `The request body without \`${plan.variant.property}\`.`
          : 'The request body.',
  ];
  const variantDefaults = Object.values(plan.defaultsByVariant?.byValue ?? {});
  if (plan.defaults.clientId || variantDefaults.some((defaults) => defaults.clientId)) {
    parts.push("`client_id` defaults to the client's `clientId`.");
  }
  if (plan.defaults.clientSecret) parts.push("`client_secret` defaults to the client's API key.");
  if (variantDefaults.some((defaults) => defaults.clientSecret)) {
    parts.push(
      "`client_secret` defaults to the client's API key for the grant types that take one.",
    );
  }
  const constants = plan.variant ? [] : Object.entries(params.constants);
  if (constants.length > 0) {
    parts.push(
      `The method sends ${constants.map(([key, value]) => `\`${key}: ${singleQuoted(value)}\``).join(' and ')}.`,
    );
  }
  return parts.join(' ');
}

/** Describes a namespace with the description of the tag most of its operations carry. */
export function namespaceSummary(document: OpenAPIDocument, plans: MethodPlan[]): string {
  const counts = new Map<string, number>();
  for (const plan of plans) {
    const tag = plan.operation.tags?.[0] ?? '';
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const [mainTag] = [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  )[0] ?? [''];
  const description = document.tags?.find((tag) => tag.name === mainTag)?.description;
  return sentence(cleanProse(description)) || `Operations tagged ${mainTag}.`;
}

function namespaceTagsLine(plans: MethodPlan[]): string {
  const tags = [...new Set(plans.map((plan) => plan.operation.tags?.[0] ?? ''))].sort();
  return `Generated from the operations tagged ${tags.map((tag) => `\`${tag}\``).join(', ')}.`;
}

function singleQuoted(value: unknown): string {
  return typeof value === 'string' ? `'${value.replaceAll("'", "\\'")}'` : JSON.stringify(value);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  return /[.!?:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
