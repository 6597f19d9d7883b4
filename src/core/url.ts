import { InvalidArgumentError } from './errors.js';
import { SecretString } from './secret.js';

/**
 * Fills a path template such as `/organizations/{id}` with percent-encoded values.
 *
 * Each value is encoded with `encodeURIComponent`, so `/`, `?` and `#` stay inside their segment.
 * An empty or blank value, `.` or `..` is rejected with an {@link InvalidArgumentError}, because each would
 * make the request reach another route.
 */
export function buildPath(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const raw = params[name];
    const value = raw instanceof SecretString ? raw.expose() : raw;
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new InvalidArgumentError(
        `Path parameter ${name} must be a string (got ${value === null ? 'null' : typeof value}) for ${template}`,
      );
    }

    const text = String(value);
    if (text.trim() === '' || text === '.' || text === '..') {
      throw new InvalidArgumentError(
        `Path parameter ${name} must be a non-empty identifier (got ${JSON.stringify(text)}) for ${template}`,
      );
    }
    return encodeURIComponent(text);
  });
}

/**
 * Serializes query parameters the way the WorkOS API reads them.
 *
 * `undefined` and `null` are left out; arrays are joined with commas (`style: form, explode:
 * false`); objects become `name[key]=value`; dates are ISO 8601; a {@link SecretString} sends its
 * value; everything else is `String(value)`.
 */
export function buildQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();

  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;

    if (Array.isArray(value)) {
      search.append(name, value.map(formatScalar).join(','));
    } else if (
      typeof value === 'object' &&
      !(value instanceof Date) &&
      !(value instanceof SecretString)
    ) {
      for (const [key, nested] of Object.entries(value as Record<string, unknown>)) {
        if (nested === undefined || nested === null) continue;
        search.append(`${name}[${key}]`, formatScalar(nested));
      }
    } else {
      search.append(name, formatScalar(value));
    }
  }

  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

function formatScalar(value: unknown): string {
  if (value instanceof SecretString) return value.expose();
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
