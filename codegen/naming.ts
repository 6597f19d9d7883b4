import { METHOD_NAME_OVERRIDES, SUMMARY_VOCABULARY } from './overrides.js';
import type { OperationObject } from './spec.js';

/**
 * Namespaces of the spec's tags. A tag is looked up whole first, then by its dotted
 * prefixes (`user-management.users.feature-flags`, `user-management.users`, `user-management`);
 * a tag with no entry becomes the camelCase of its first segment (`audit-logs` → `auditLogs`).
 * The table follows the grouping of WorkOS's SDKs: connections live under SSO, the three
 * directory resources under Directory Sync, organization and user API keys under API Keys.
 */
const TAG_NAMESPACES: Record<string, string> = {
  'admin-portal': 'portal',
  application: 'connect',
  applications: 'connect',
  'workos-connect': 'connect',
  permissions: 'authorization',
  connections: 'sso',
  directories: 'directorySync',
  'directory-groups': 'directorySync',
  'directory-users': 'directorySync',
  'multi-factor-auth': 'mfa',
  'organizations.api_keys': 'apiKeys',
  'organizations.feature-flags': 'featureFlags',
  'user-management.users.feature-flags': 'featureFlags',
  'user-management.data-providers': 'pipes',
};

/**
 * Words the API reference repeats in titles although the namespace already names them: `directorySync`
 * names "List Directory Users" `listUsers`, and `connect` names "Get a Connect Application"
 * `getApplication`. The word is dropped only where another noun follows it.
 */
const NAMESPACE_WORDS: Record<string, string> = {
  authorization: 'authorization',
  connect: 'connect',
  directorySync: 'directory',
  groups: 'group',
  portal: 'portal',
  radar: 'radar',
};

const ARTICLES = new Set(['a', 'an', 'the', 'new']);
const PREPOSITIONS = new Set(['for', 'to', 'from']);

/** Class names that are acronyms, as the SDKs write them. */
const NAMESPACE_CLASS_NAMES: Record<string, string> = { sso: 'SSO', mfa: 'MFA' };

/** Returns the class name of a namespace: `userManagement` → `UserManagement`, `sso` → `SSO`. */
export function namespaceClassName(namespace: string): string {
  return NAMESPACE_CLASS_NAMES[namespace] ?? toPascal(namespace);
}

/** Returns the file name of a namespace under src/generated, without extension: `user-management`. */
export function namespaceFileName(namespace: string): string {
  return splitWords(namespace).join('-');
}

/** Returns the namespace of an operation, from its first tag. */
export function namespaceForTag(tag: string): string {
  const segments = tag.split('.');
  for (let length = segments.length; length > 0; length--) {
    const mapped = TAG_NAMESPACES[segments.slice(0, length).join('.')];
    if (mapped) return mapped;
  }
  return camelCase(splitWords(segments[0] ?? tag));
}

/**
 * Returns the method name of an operation.
 *
 * The rule reads the operation's summary, which is the title WorkOS's API reference shows:
 * "Get an Organization by External ID" becomes `getOrganizationByExternalId`.
 *
 * - Articles are dropped.
 * - A trailing "for/to/from X" moves in front of its noun: "List API keys for an organization"
 *   becomes `listOrganizationApiKeys`.
 * - A namespace word is dropped where the namespace names it already.
 * - Acronyms are cased as words (`Url`, `Jwks`).
 *
 * Operations without a summary fall back to their operationId's action.
 * {@link METHOD_NAME_OVERRIDES} contains the published names that no rule derives.
 */
export function methodName(
  method: string,
  path: string,
  operation: OperationObject,
  namespace: string,
): string {
  const override = METHOD_NAME_OVERRIDES[`${method.toUpperCase()} ${path}`];
  if (override) return override;

  if (!operation.summary) {
    const id = operation.operationId;
    if (!id)
      throw new Error(
        `${method.toUpperCase()} ${path} has neither a summary nor an operationId to name it`,
      );
    return camelCase(splitWords(id.slice(id.lastIndexOf('_') + 1)));
  }

  let text = ` ${operation.summary.toLowerCase()} `;
  for (const [phrase, replacement] of SUMMARY_VOCABULARY) {
    // The phrase matches in the singular and the plural: "custom role", "custom roles".
    text = text.replace(new RegExp(` ${phrase}(s?) `, 'g'), ` ${replacement}$1 `);
  }
  let words = text
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(' ')
    .filter((word) => word !== '' && !ARTICLES.has(word));

  words = movePrepositionalObject(words);
  words = dropNamespaceWord(words, namespace);
  return camelCase(words);
}

// "list api keys for organization" → "list organization api keys", but only when the phrase after
// the preposition ends the title, so "...for a membership on a resource" stays as written.
function movePrepositionalObject(words: string[]): string[] {
  const index = words.findIndex((word, position) => position > 1 && PREPOSITIONS.has(word));
  if (index < 0) return words;
  const tail = words.slice(index + 1);
  if (
    tail.length === 0 ||
    tail.some((word) => PREPOSITIONS.has(word) || word === 'on' || word === 'by')
  ) {
    return words;
  }
  return [words[0] ?? '', ...tail, ...words.slice(1, index)];
}

function dropNamespaceWord(words: string[], namespace: string): string[] {
  const word = NAMESPACE_WORDS[namespace];
  if (word === undefined || words.length < 3) return words;
  const second = words[1] ?? '';
  if (second !== word && singular(second) !== word) return words;
  return [words[0] ?? '', ...words.slice(2)];
}

/** Splits `snake_case`, `kebab-case`, `camelCase` and `PascalCase` into lowercase words. */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/** Joins words as `camelCase`; every word after the first is capitalized, acronyms included. */
export function camelCase(words: string[]): string {
  return words.map((word, index) => (index === 0 ? word.toLowerCase() : capitalize(word))).join('');
}

/** Joins words as `PascalCase`. */
export function pascalCase(words: string[]): string {
  return words.map(capitalize).join('');
}

/** `PascalCase` of any identifier-like text: `connection_type` → `ConnectionType`. */
export function toPascal(text: string): string {
  return pascalCase(splitWords(text));
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/**
 * Returns an English singular good enough for the nouns of this API: `identities` → `identity`,
 * `statuses` → `status`, `scopes` → `scope`. Words that are not plural come back unchanged.
 */
export function singular(word: string): string {
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|us|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^su]s$/.test(word)) return word.slice(0, -1);
  return word;
}

const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends ' +
    'false finally for function if import in instanceof new null return super switch this throw ' +
    'true try typeof var void while with yield let static implements interface package private ' +
    'protected public await'
  ).split(' '),
);

/** Returns a camelCase argument name for a wire name, never a reserved word. */
export function argumentName(wireName: string): string {
  const name = camelCase(splitWords(wireName));
  return RESERVED_WORDS.has(name) ? `${name}Value` : name;
}

/** Writes a property key as TypeScript needs it: bare when it is an identifier, else quoted. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}
