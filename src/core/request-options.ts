/**
 * How one request may be retried.
 *
 * - `'once'`: send exactly once, whatever the method.
 * - `{ idempotent: key }`: send with this `Idempotency-Key` and retry like a safe request.
 * - `{ retry: { maxAttempts } }`: retry with the client's backoff, at most `maxAttempts` sends in all.
 * - `{ exponentialBackoff: { maxAttempts, jitter } }`: the same with this jitter rule: `'equal'`
 *   (the default) waits between half and all of the computed delay, `'full'` between zero and all
 *   of it, `'none'` exactly the computed delay.
 *
 * Whatever the strategy, a POST, PUT, PATCH or DELETE is retried only when it carries an
 * idempotency key, so the server can recognise a repeat.
 */
export type RetryStrategy =
  | 'once'
  | { idempotent: string }
  | { retry: { maxAttempts: number } }
  | { exponentialBackoff: { maxAttempts: number; jitter?: 'equal' | 'full' | 'none' } };

/** Options accepted as the last argument of every API method. */
export interface RequestOptions {
  /**
   * Sent as the `Idempotency-Key` header. With a key, a POST, PUT, PATCH or DELETE may be retried
   * after a `429`, a `5xx` or a network error, because the server returns the first result for a
   * repeat.
   */
  idempotencyKey?: string;
  /** Extra headers for this request. `Authorization` and `User-Agent` are set by the client. */
  headers?: Record<string, string>;
  /**
   * Milliseconds the whole call may take, every attempt and backoff wait included, before it
   * fails with a `TimeoutError`. Default: the client's (30,000).
   */
  timeout?: number;
  /** Aborts the request, including any backoff sleep between attempts. */
  signal?: AbortSignal;
  /**
   * Retries after the first attempt. Default: the client's (3). `0` turns retries off. A
   * `strategy` that sets `maxAttempts` takes precedence.
   */
  maxRetries?: number;
  /** The retry strategy of this request; see {@link RetryStrategy}. */
  strategy?: RetryStrategy;
}

/** The HTTP methods the WorkOS API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API call as the generated code describes it to the client. Internal to the SDK; exported
 * for custom namespaces built on the same client.
 */
export interface RequestSpec {
  method: HttpMethod;
  /** The path, already built with {@link buildPath}, starting with `/`. */
  path: string;
  /** Query parameters. `undefined` values are left out; arrays are joined with commas. */
  query?: Record<string, unknown> | undefined;
  /** The JSON body. */
  body?: unknown;
  /** Response keys whose string values are wrapped in `SecretString`. */
  secretKeys?: ReadonlySet<string>;
  /** Whether the call sends the API key. Default: true. */
  auth?: boolean;
  /** A bearer token to send in place of the API key, as `/sso/profile` needs. */
  bearerToken?: string;
  /** Request fields filled from the client's configuration when the caller leaves them out. */
  defaults?: {
    /** Fill `client_id` in the query or body with the client's `clientId`. */
    clientId?: 'query' | 'body';
    /** Fill `client_secret` in the query or body with the client's API key. */
    clientSecret?: 'query' | 'body';
  };
}
