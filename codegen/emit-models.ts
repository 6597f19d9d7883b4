import { cleanProse, jsDoc } from './docs.js';
import type { EmitInput } from './emit.js';
import { namespaceClassName } from './naming.js';
import { MODEL_ALIASES } from './overrides.js';
import type { SchemaObject } from './spec.js';
import type { Side, TypeRenderer } from './types.js';

/**
 * Renders models.ts: every component schema, the model aliases, the per-operation types and,
 * last, the enums found in all of them.
 */
export function renderModels(input: EmitInput, namespaces: string[]): string {
  const { document, renderer, sides } = input;
  const componentNames = Object.keys(document.components.schemas).sort();

  // index.ts re-exports the models next to the namespace classes, so the names must not meet.
  const declared = new Set<string>([...namespaces.map(namespaceClassName), 'WorkOSResources']);
  const declare = (name: string) => {
    if (declared.has(name)) throw new Error(`Two exports of src/generated would be named ${name}`);
    declared.add(name);
  };

  let components = '';
  for (const name of componentNames) {
    const schema = document.components.schemas[name];
    if (!schema) continue;
    for (const side of sides.declaredSides(name)) {
      const typeName = sides.typeName(name, side);
      declare(typeName);
      components += renderComponent(renderer, name, typeName, schema, side);
    }
  }

  let aliases = '';
  for (const [alias, target] of Object.entries(MODEL_ALIASES).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (!document.components.schemas[target])
      throw new Error(`MODEL_ALIASES: no schema ${target} for ${alias}`);
    declare(alias);
    aliases += `${jsDoc([`{@link ${target}}, under the name WorkOS's SDKs use.`])}export type ${alias} = ${target};\n\n`;
  }

  let operationTypes = '';
  for (const declaration of input.declarations) {
    declare(declaration.name.final);
    operationTypes += `${jsDoc([declaration.doc])}${declaration.render(renderer)}\n`;
  }

  // Enum names are chosen last: they must not collide with any type declared above.
  renderer.assignEnumNames(declared);
  let enums = '';
  for (const { name, values, fields } of renderer.namedEnums()) {
    const [first, ...others] = fields;
    const where =
      others.length === 0 ? `\`${first}\`` : `\`${first}\` and ${others.length} other fields`;
    enums += jsDoc([
      `Known values of ${where}. Other strings, such as values added to the API later, pass through unchanged.`,
    ]);
    enums += `export type ${name} = ${values.map((value) => JSON.stringify(value)).join(' | ')} | (string & {});\n\n`;
    enums += jsDoc([`Every known value of {@link ${name}}.`]);
    enums += `export const ${name}Values = [${values.map((value) => JSON.stringify(value)).join(', ')}] as const;\n\n`;
  }

  const body =
    '// Component schemas of the spec, in name order.\n\n' +
    components +
    '\n// Shorter names for some of the schemas above.\n\n' +
    aliases +
    '\n// Parameters, bodies and responses of single operations.\n\n' +
    operationTypes +
    '\n// Enums. Each `X` type has an `XValues` constant with the same values.\n\n' +
    enums;
  const secretTypes = ['SecretInput', 'SecretString'].filter((type) =>
    new RegExp(`\\b${type}\\b`).test(body),
  );
  const imports =
    secretTypes.length > 0
      ? `import type { ${secretTypes.join(', ')} } from '../core/secret.js';\n\n`
      : '';
  return `${input.header}${imports}${body}`;
}

function renderComponent(
  renderer: TypeRenderer,
  name: string,
  typeName: string,
  schema: SchemaObject,
  side: Side,
): string {
  const context = { side, owner: name, namePath: [name], inComponent: true };
  const lines = [cleanProse(schema.description)];
  if (typeName !== name)
    lines.push(`The request form of {@link ${name}}: credentials may be plain strings.`);
  if (schema.deprecated) lines.push('@deprecated');
  const doc = jsDoc(lines);

  if (isInterfaceShape(schema)) {
    const members = renderer.collectMembers(schema, name);
    return `${doc}export interface ${typeName} {\n${renderer.renderMembers(members, context)}}\n\n`;
  }
  return `${doc}export type ${typeName} = ${renderer.render(schema, context)};\n\n`;
}

function isInterfaceShape(schema: SchemaObject): boolean {
  return (
    schema.type === 'object' &&
    Object.keys(schema.properties ?? {}).length > 0 &&
    !schema.allOf &&
    !schema.oneOf &&
    !schema.anyOf &&
    !schema.not &&
    schema.additionalProperties === undefined &&
    schema.patternProperties === undefined &&
    !schema['x-mutually-exclusive-body-groups']
  );
}
