import { SecretString } from '../../src/core/secret.js';
import type { RecordedRequest, SpecServer } from './spec-server.js';

/** The parts of a recorded request that show what the SDK sent. */
export type SentRequest = Pick<RecordedRequest, 'method' | 'path' | 'query' | 'body'>;

/**
 * Returns every request the spec server has recorded, reduced to method, percent-encoded path,
 * query and JSON body, so that a test can compare them with one `toEqual`.
 */
export function sentRequests(server: SpecServer): SentRequest[] {
  return server.requests.map(({ method, path, query, body }) => ({ method, path, query, body }));
}

/**
 * Returns a copy of a parsed response with every {@link SecretString} replaced by its value, so
 * that it can be compared with the plain example the spec server sent.
 *
 * `toEqual` cannot compare two `SecretString`s, because their value is a private field, so any
 * two of them look equal to it.
 */
export function exposeSecrets(value: unknown): unknown {
  if (value instanceof SecretString) return value.expose();
  if (Array.isArray(value)) return value.map(exposeSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, exposeSecrets(field)]),
  );
}
