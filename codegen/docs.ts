import type { SchemaObject } from './spec.js';

/**
 * Turns spec prose into JSDoc-safe text. Markdown links become their text: most point to paths
 * on WorkOS's documentation site that mean nothing in an editor, and the generated docs link to
 * nothing outside the repository. `*\/` is escaped so a description cannot end the comment.
 */
export function cleanProse(text: string | undefined): string {
  if (!text) return '';
  return text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replaceAll('*/', '*\\/')
    .replaceAll('\r\n', '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Characters of prose per comment line; with indentation the lines stay near 100 columns. */
const WRAP_WIDTH = 90;

/** Renders lines as a JSDoc block, wrapping long prose, or nothing when every line is empty. */
export function jsDoc(lines: string[]): string {
  const content = trimBlankEdges(
    lines.flatMap((line) => line.split('\n')).flatMap((line) => wrap(line)),
  );
  if (content.length === 0) return '';
  if (content.length === 1 && content[0] !== undefined && !content[0].startsWith('@')) {
    return `/** ${content[0]} */\n`;
  }
  return `/**\n${content.map((line) => (line === '' ? ' *' : ` * ${line}`)).join('\n')}\n */\n`;
}

/**
 * Breaks a line at spaces so no piece is longer than {@link WRAP_WIDTH}, unless a single word
 * is. Continuation lines of a Markdown list item are indented to stay in the item.
 */
function wrap(line: string): string[] {
  if (line.length <= WRAP_WIDTH) return [line];
  const indent = /^(\s*)([-*]|\d+\.) /.exec(line)?.[0].replace(/\S/g, ' ') ?? '';
  // A code span counts as one word, so `grant_type: 'password'` is never split across lines.
  const words = line.match(/`[^`]*`\S*|\S+/g) ?? [];
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    if (current !== '' && current.length + 1 + word.length > WRAP_WIDTH) {
      out.push(current);
      current = indent + word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.trim() === '') start++;
  while (end > start && lines[end - 1]?.trim() === '') end--;
  // Collapse runs of blank lines left by joining sections.
  return lines.slice(start, end).filter((line, index, all) => line !== '' || all[index - 1] !== '');
}

/** Builds the documentation lines of one property or parameter: prose, limits, default, deprecation. */
export function schemaDocLines(
  description: string | undefined,
  schema: SchemaObject | undefined,
): string[] {
  const lines = [cleanProse(description)];
  if (schema) {
    const limits = describeLimits(schema);
    if (limits) lines.push(limits);
    if (schema.default !== undefined) lines.push(`@default ${JSON.stringify(schema.default)}`);
    if (schema.deprecated) lines.push('@deprecated');
  }
  return lines;
}

/** States the spec's size limits as one sentence, or returns an empty string when there are none. */
export function describeLimits(schema: SchemaObject): string {
  const parts: string[] = [];
  if (schema.minLength !== undefined && schema.minLength > 0) {
    parts.push(`at least ${schema.minLength} characters`);
  }
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.minimum !== undefined) parts.push(`minimum ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`maximum ${schema.maximum}`);
  if (schema.minItems !== undefined && schema.minItems > 0)
    parts.push(`at least ${schema.minItems} items`);
  if (schema.maxItems !== undefined) parts.push(`at most ${schema.maxItems} items`);
  if (schema.maxProperties !== undefined) parts.push(`at most ${schema.maxProperties} entries`);
  if (parts.length === 0) return '';
  const sentence = parts.join(', ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
