import { readEnv } from './env.js';
import { WorkOSConfigError } from './errors.js';
import type { Hooks } from './hooks.js';
import { fetchTransport, type FetchLike, type HttpTransport } from './transport.js';
import { VERSION } from './version.js';

/** The WorkOS API's address. */
export const DEFAULT_BASE_URL = 'https://api.workos.com';
/** Milliseconds a call may take, retries and backoff included, by default. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Retries after the first attempt, by default. */
export const DEFAULT_MAX_RETRIES = 3;

/** Options for `new WorkOS(options)`. Every one is optional. */
export interface ClientOptions {
  /** Your secret API key (`sk_...`). Default: the `WORKOS_API_KEY` environment variable. */
  apiKey?: string;
  /** Your client ID (`client_...`), used by AuthKit and SSO calls. Default: `WORKOS_CLIENT_ID`. */
  clientId?: string;
  /** The API's base URL. Default: `WORKOS_BASE_URL`, else `https://api.workos.com`. */
  baseUrl?: string;
  /** Milliseconds a call may take, retries and backoff included. Default: 30,000. */
  timeout?: number;
  /** Retries after a failed first attempt, for calls that may be retried. Default: 3. `0` turns retries off. */
  maxRetries?: number;
  /** Appended to the `User-Agent` header after `workos-ts/<version>`, e.g. `my-app/1.2`. */
  userAgent?: string;
  /** A `fetch` to send requests with, in place of the global one. */
  fetch?: FetchLike;
  /** A transport to send requests with; takes precedence over `fetch`. */
  transport?: HttpTransport;
  /** Callbacks for logging and tracing; see {@link Hooks}. */
  hooks?: Hooks;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/** The validated configuration a client runs with. */
export interface ResolvedConfig {
  apiKey: string | undefined;
  clientId: string | undefined;
  baseUrl: string;
  timeout: number;
  maxRetries: number;
  userAgent: string;
  transport: HttpTransport;
  hooks: Hooks;
  headers: Record<string, string>;
}

// Header values may hold visible ASCII; a token may not hold spaces either.
const TOKEN_BYTES = /^[\x21-\x7e]+$/;
const HEADER_TEXT_BYTES = /^[\x20-\x7e]*$/;

/**
 * Merges options with the environment and validates them.
 *
 * @throws {WorkOSConfigError} naming the option at fault. Messages never contain the API key.
 */
export function resolveConfig(options: ClientOptions): ResolvedConfig {
  const apiKey = options.apiKey ?? readEnv('WORKOS_API_KEY');
  const clientId = options.clientId ?? readEnv('WORKOS_CLIENT_ID');
  const baseUrl = options.baseUrl ?? readEnv('WORKOS_BASE_URL') ?? DEFAULT_BASE_URL;

  // A bad value read from the environment is reported under the variable's name.
  if (apiKey !== undefined) {
    checkToken(options.apiKey !== undefined ? 'apiKey' : 'WORKOS_API_KEY', apiKey, false);
  }
  if (clientId !== undefined) {
    checkToken(options.clientId !== undefined ? 'clientId' : 'WORKOS_CLIENT_ID', clientId, true);
  }
  if (options.userAgent !== undefined && !HEADER_TEXT_BYTES.test(options.userAgent)) {
    throw new WorkOSConfigError(
      `userAgent ${JSON.stringify(options.userAgent)} contains a character not allowed in an HTTP header: use printable ASCII without line breaks`,
    );
  }

  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  const problem = timeoutProblem('timeout', timeout);
  if (problem) throw new WorkOSConfigError(problem);
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new WorkOSConfigError(
      `maxRetries must be an integer of at least 0 (got ${describeValue(maxRetries)})`,
    );
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new WorkOSConfigError(`fetch must be a function (got ${typeof options.fetch})`);
  }
  if (options.transport !== undefined && typeof options.transport?.send !== 'function') {
    throw new WorkOSConfigError('transport must be an object with a send(request) method');
  }

  return {
    apiKey,
    clientId,
    baseUrl: normaliseBaseUrl(
      baseUrl,
      options.baseUrl === undefined && baseUrl !== DEFAULT_BASE_URL ? 'WORKOS_BASE_URL' : 'baseUrl',
    ),
    timeout,
    maxRetries,
    userAgent: `workos-ts/${VERSION}` + (options.userAgent ? ` ${options.userAgent}` : ''),
    transport: options.transport ?? fetchTransport(options.fetch),
    hooks: options.hooks ?? {},
    headers: { ...options.headers },
  };
}

/**
 * Returns the error message for a `timeout` that is not a positive, finite number of
 * milliseconds, or `undefined` when it is valid.
 */
export function timeoutProblem(name: string, timeout: unknown): string | undefined {
  if (typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0) return undefined;
  return `${name} must be a positive number of milliseconds (got ${describeValue(timeout)})`;
}

/** Shows a value in a message so that its type is visible: strings quoted, others as written. */
export function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function checkToken(name: string, value: string, showValue: boolean): void {
  if (typeof value !== 'string' || value === '') {
    throw new WorkOSConfigError(`${name} must be a non-empty string`);
  }
  if (TOKEN_BYTES.test(value)) return;

  const position = [...value].findIndex((char) => !TOKEN_BYTES.test(char));
  const code = value.codePointAt(position) ?? 0;
  throw new WorkOSConfigError(
    `${name} ${showValue ? JSON.stringify(value) + ' ' : ''}contains a character not allowed in an HTTP header ` +
      `(U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${position}): ` +
      'remove spaces, line breaks and quotes copied with the key',
  );
}

function normaliseBaseUrl(baseUrl: string, name: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new WorkOSConfigError(
      `${name} ${JSON.stringify(baseUrl)} is not an absolute URL: use a value such as https://api.workos.com`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new WorkOSConfigError(
      `${name} ${JSON.stringify(baseUrl)} must use http or https (got ${url.protocol})`,
    );
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new WorkOSConfigError(
      `${name} ${JSON.stringify(url.origin + url.pathname)} must not carry credentials, a query or a fragment`,
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}
