import type { ComponentSides } from './components.js';
import { jsDoc } from './docs.js';
import { renderModels } from './emit-models.js';
import { namespaceSummary, renderNamespace } from './emit-namespace.js';
import { namespaceClassName, namespaceFileName } from './naming.js';
import type { Declaration, MethodPlan } from './operations.js';
import type { OpenAPIDocument } from './spec.js';
import type { TypeRenderer } from './types.js';

/** Everything the emitters read. */
export interface EmitInput {
  document: OpenAPIDocument;
  renderer: TypeRenderer;
  sides: ComponentSides;
  plans: MethodPlan[];
  declarations: Declaration[];
  header: string;
}

/** One generated file: its path under src/generated and its unformatted text. */
export interface GeneratedFile {
  fileName: string;
  text: string;
}

/**
 * Renders every generated file, in a fixed order. Enum names are settled here, after every type
 * is rendered.
 */
export function emitAll(input: EmitInput): GeneratedFile[] {
  const namespaces = namespacesInOrder(input.plans);
  const models = renderModels(input, namespaces);

  const files: GeneratedFile[] = [{ fileName: 'models.ts', text: models }];
  for (const namespace of namespaces) {
    files.push({
      fileName: `${namespaceFileName(namespace)}.ts`,
      text: renderNamespace(input, namespace),
    });
  }
  files.push({ fileName: 'resources.ts', text: renderResources(input, namespaces) });
  files.push({ fileName: 'operations.ts', text: renderOperationList(input) });
  files.push({ fileName: 'index.ts', text: renderIndex(input, namespaces) });

  return files.map((file) => ({ ...file, text: input.renderer.resolveEnums(file.text) }));
}

function namespacesInOrder(plans: MethodPlan[]): string[] {
  return [...new Set(plans.map((plan) => plan.namespace))].sort();
}

// ---------------------------------------------------------------------------------------------
// resources.ts, operations.ts, index.ts

function renderResources(input: EmitInput, namespaces: string[]): string {
  const imports = namespaces
    .map(
      (namespace) =>
        `import { ${namespaceClassName(namespace)} } from './${namespaceFileName(namespace)}.js';`,
    )
    .join('\n');
  const fields = namespaces
    .map((namespace) => {
      const plans = input.plans.filter((plan) => plan.namespace === namespace);
      return `${jsDoc([namespaceSummary(input.document, plans)])}readonly ${namespace}: ${namespaceClassName(namespace)};`;
    })
    .join('\n\n');
  const assignments = namespaces
    .map((namespace) => `this.${namespace} = new ${namespaceClassName(namespace)}(client);`)
    .join('\n');
  return (
    `${input.header}import type { APIClient } from '../core/client.js';\n${imports}\n\n` +
    '/** Every namespace of the WorkOS API, each sending its calls through the one client. */\n' +
    `export class WorkOSResources {\n${fields}\n\nconstructor(client: APIClient) {\n${assignments}\n}\n}\n`
  );
}

function renderOperationList(input: EmitInput): string {
  const entries = input.plans
    .map(
      (plan) =>
        `{ method: '${plan.httpMethod}', path: '${plan.path}', namespace: '${plan.namespace}', name: '${plan.name}' },`,
    )
    .join('\n');
  return (
    input.header +
    '/** One generated method and the HTTP operation it stands for. */\n' +
    'export interface GeneratedOperation {\n' +
    "  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';\n" +
    '  /** The path template, as in the spec. */\n  path: string;\n' +
    '  /** The property of `WorkOSResources` that holds the method. */\n  namespace: string;\n' +
    '  name: string;\n}\n\n' +
    '/**\n * Every generated method, in spec order. URL builders are included, and so is each\n' +
    ' * per-grant-type method, which shares its operation with the general method.\n */\n' +
    `export const operations: readonly GeneratedOperation[] = [\n${entries}\n];\n`
  );
}

function renderIndex(input: EmitInput, namespaces: string[]): string {
  const classes = namespaces
    .map(
      (namespace) =>
        `export { ${namespaceClassName(namespace)} } from './${namespaceFileName(namespace)}.js';`,
    )
    .join('\n');
  return `${input.header}export * from './models.js';\n${classes}\nexport { WorkOSResources } from './resources.js';\n`;
}
