const REDACTED = '[REDACTED]';

/**
 * A credential that must not reach logs: an access token, a refresh token, a client secret, an
 * API key value.
 *
 * `String(secret)`, template strings, `JSON.stringify`, Node's `util.inspect` and Deno's
 * inspector all give `"[REDACTED]"`. Call {@link SecretString.expose} to read the value. The SDK
 * sends the real value when a `SecretString` is passed back to it as a request parameter.
 *
 * @example
 * const { access_token } = await workos.userManagement.authenticateWithPassword({ ... });
 * console.log(access_token); // [REDACTED]
 * await fetch(url, { headers: { Authorization: `Bearer ${access_token.expose()}` } });
 */
export class SecretString {
  readonly #value: string;

  constructor(value: string) {
    if (typeof value !== 'string') {
      throw new TypeError(`SecretString needs a string value (got ${typeof value})`);
    }
    this.#value = value;
  }

  /** Returns the secret value itself. Keep the result out of logs. */
  expose(): string {
    return this.#value;
  }

  /** Compares two secrets without exposing either in a stack trace or a log. */
  equals(other: SecretString | string): boolean {
    const otherValue = other instanceof SecretString ? other.expose() : other;
    return otherValue === this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `SecretString(${REDACTED})`;
  }

  [Symbol.for('Deno.customInspect')](): string {
    return `SecretString(${REDACTED})`;
  }
}

/** A parameter that carries a secret: a plain string or a {@link SecretString}. */
export type SecretInput = string | SecretString;

/** Returns the plain value of a secret parameter. */
export function exposeSecret(value: SecretInput): string {
  return value instanceof SecretString ? value.expose() : value;
}

// Free-form maps whose keys are the user's own: a metadata entry named `token` is data, not a
// credential, so nothing inside these is wrapped.
const FREE_FORM_KEYS: ReadonlySet<string> = new Set([
  'metadata',
  'custom_attributes',
  'raw_attributes',
]);

/**
 * Replaces the string values found under `keys`, at any depth of a parsed JSON body, with
 * {@link SecretString}s. Values inside `metadata`, `custom_attributes` and `raw_attributes` are
 * left alone. The body is changed in place and returned.
 */
export function wrapSecrets<T>(body: T, keys: ReadonlySet<string>): T {
  if (keys.size === 0) return body;
  wrapIn(body, keys);
  return body;
}

function wrapIn(value: unknown, keys: ReadonlySet<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) wrapIn(item, keys);
    return;
  }
  if (value === null || typeof value !== 'object') return;

  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (keys.has(key) && typeof field === 'string') {
      record[key] = new SecretString(field);
    } else if (!FREE_FORM_KEYS.has(key)) {
      wrapIn(field, keys);
    }
  }
}

/** Serializes a request body to JSON, sending the real value of every {@link SecretString}. */
export function stringifyBody(body: unknown): string {
  return JSON.stringify(body, function replacer(this: Record<string, unknown>, key, value) {
    // JSON.stringify has already called toJSON(), which redacts, so read the holder's raw field.
    const raw: unknown = key === '' ? value : this[key];
    return raw instanceof SecretString ? raw.expose() : value;
  });
}
