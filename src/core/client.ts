import { APIPromise, type WithResponse } from './api-promise.js';
import { timeoutProblem, type ResolvedConfig } from './config.js';
import {
  AbortError,
  ConnectionError,
  createAPIError,
  DecodeError,
  InvalidArgumentError,
  TimeoutError,
  WorkOSConfigError,
  WorkOSError,
  type APIError,
} from './errors.js';
import { callHook, type RequestEvent } from './hooks.js';
import { Page, PagePromise, type ListResponse, type PageDirection } from './pagination.js';
import type { RequestOptions, RequestSpec } from './request-options.js';
import {
  backoffDelay,
  isRetryableStatus,
  planRetries,
  retryAfterDelay,
  type RetryPlan,
} from './retry.js';
import { exposeSecret, stringifyBody, wrapSecrets } from './secret.js';
import { buildQuery } from './url.js';

/**
 * Sends API calls: authentication, retries, timeouts, errors and pagination for every generated
 * method. One client serves any number of concurrent calls; it keeps no per-call state.
 */
export class APIClient {
  readonly #config: ResolvedConfig;

  constructor(config: ResolvedConfig) {
    this.#config = config;
  }

  /** The client ID this client fills into AuthKit and SSO calls, if any. */
  get clientId(): string | undefined {
    return this.#config.clientId;
  }

  /** The base URL requests go to, without a trailing slash. */
  get baseUrl(): string {
    return this.#config.baseUrl;
  }

  /** Sends one API call and resolves with its parsed JSON body (`undefined` for `204`). */
  request<T>(spec: RequestSpec, options?: RequestOptions): APIPromise<T> {
    return new APIPromise<T>(this.#send<T>(spec, options ?? {}));
  }

  /** Sends a list call and resolves with its first {@link Page}; iterate it to walk every page. */
  list<T>(spec: RequestSpec, options?: RequestOptions): PagePromise<T> {
    const query = spec.query ?? {};
    // A walk started with only a `before` cursor goes backward; every other walk goes forward.
    const direction: PageDirection =
      query.before != null && query.after == null ? 'before' : 'after';

    const fetchPage = async (
      overrides: Record<string, unknown>,
    ): Promise<WithResponse<Page<T>>> => {
      const result = await this.#send<ListResponse<T>>(
        { ...spec, query: { ...query, ...overrides } },
        options ?? {},
      );
      const next = (cursor: string) =>
        fetchPage({ after: undefined, before: undefined, [direction]: cursor }).then(
          (page) => page.data,
        );
      return { ...result, data: new Page<T>(result.data, next, direction) };
    };
    return new PagePromise<T>(fetchPage({}));
  }

  /**
   * Builds the full URL of a browser redirect endpoint. Sends nothing and needs no API key.
   *
   * @throws {WorkOSConfigError} when `client_id` is needed and neither passed nor configured.
   */
  buildUrl(spec: Pick<RequestSpec, 'path' | 'query' | 'defaults'>): string {
    const { query } = this.#applyDefaults({ method: 'GET', ...spec });
    return this.#config.baseUrl + spec.path + buildQuery(query);
  }

  async #send<T>(spec: RequestSpec, options: RequestOptions): Promise<WithResponse<T>> {
    const config = this.#config;
    const timeoutError =
      options.timeout === undefined ? undefined : timeoutProblem('timeout', options.timeout);
    if (timeoutError) throw new InvalidArgumentError(timeoutError);
    const plan = planRetries(spec.method, options, config.maxRetries);
    const { query, body } = this.#applyDefaults(spec);

    const url = config.baseUrl + spec.path + buildQuery(query);
    const serializedBody = body === undefined ? undefined : stringifyBody(body);
    const headers = this.#headers(spec, options, plan, serializedBody !== undefined);
    const deadline = new Deadline(
      options.timeout ?? config.timeout,
      options.signal,
      `${spec.method} ${spec.path}`,
    );
    const event: RequestEvent = {
      method: spec.method,
      url: redactUrl(url),
      attempt: 1,
      idempotencyKey: plan.idempotencyKey,
    };

    try {
      return await this.#attemptLoop<T>(spec, plan, deadline, event, url, headers, serializedBody);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      const apiError =
        failure instanceof WorkOSError && 'status' in failure ? (failure as APIError) : undefined;
      callHook(config.hooks.onError, () => ({
        ...event,
        error: failure,
        status: apiError?.status,
        requestId: apiError?.requestId,
      }));
      throw failure;
    } finally {
      deadline.dispose();
    }
  }

  async #attemptLoop<T>(
    spec: RequestSpec,
    plan: RetryPlan,
    deadline: Deadline,
    event: RequestEvent,
    url: string,
    headers: Headers,
    body: string | undefined,
  ): Promise<WithResponse<T>> {
    const { hooks, transport } = this.#config;

    for (let attempt = 1; ; attempt++) {
      event.attempt = attempt;
      callHook(hooks.onRequest, () => ({ ...event }));

      const started = Date.now();
      let response: Response;
      try {
        response = await transport.send({
          method: spec.method,
          url,
          headers,
          body,
          signal: deadline.signal,
        });
      } catch (cause) {
        const failure = deadline.explain(cause);
        if (failure instanceof ConnectionError && attempt < plan.maxAttempts) {
          await this.#sleepBeforeRetry(plan, deadline, event, attempt, failure, undefined);
          continue;
        }
        throw failure;
      }

      const requestId = response.headers.get('x-request-id') ?? undefined;
      callHook(hooks.onResponse, () => ({
        ...event,
        status: response.status,
        requestId,
        durationMs: Date.now() - started,
      }));

      if (response.ok) {
        const data = await this.#readBody<T>(response, spec, url, deadline, requestId);
        return { data, response, requestId };
      }

      const error = createAPIError({
        status: response.status,
        headers: response.headers,
        body: await this.#readErrorBody(response, deadline),
        method: spec.method,
        url: redactUrl(url),
      });
      if (!isRetryableStatus(response.status) || attempt >= plan.maxAttempts) throw error;
      await this.#sleepBeforeRetry(plan, deadline, event, attempt, error, error);
    }
  }

  async #sleepBeforeRetry(
    plan: RetryPlan,
    deadline: Deadline,
    event: RequestEvent,
    attempt: number,
    failure: Error,
    apiError: APIError | undefined,
  ): Promise<void> {
    const requested = retryAfterDelay(apiError?.retryAfter);
    if (requested === 'too_long') throw failure;

    const delayMs = requested ?? backoffDelay(attempt, plan.jitter);
    // Sleeping past the deadline would only end in a timeout, so report the real failure now.
    if (delayMs >= deadline.remaining()) throw failure;

    callHook(this.#config.hooks.onRetry, () => ({
      ...event,
      status: apiError?.status,
      requestId: apiError?.requestId,
      delayMs,
      reason: retryReason(failure, apiError),
    }));
    await deadline.sleep(delayMs, failure);
  }

  async #readBody<T>(
    response: Response,
    spec: RequestSpec,
    url: string,
    deadline: Deadline,
    requestId: string | undefined,
  ): Promise<T> {
    const text = await this.#readText(response, deadline);
    if (response.status === 204 || isBlank(text)) return undefined as T;

    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new DecodeError({ status: response.status, text, requestId, url });
    }
    return (spec.secretKeys ? wrapSecrets(parsed, spec.secretKeys) : parsed) as T;
  }

  async #readErrorBody(response: Response, deadline: Deadline): Promise<unknown> {
    const text = await this.#readText(response, deadline);
    if (isBlank(text)) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  async #readText(response: Response, deadline: Deadline): Promise<string> {
    try {
      return await response.text();
    } catch (cause) {
      throw deadline.explain(cause);
    }
  }

  #applyDefaults(spec: RequestSpec): Pick<RequestSpec, 'query' | 'body'> {
    const { defaults } = spec;
    let { query, body } = spec;
    if (!defaults) return { query, body };

    if (defaults.clientId) {
      const target = defaults.clientId === 'query' ? query : asRecord(body);
      if (target?.client_id == null) {
        const clientId = this.#config.clientId;
        if (clientId === undefined) {
          throw new WorkOSConfigError(
            `${spec.path} needs a client ID: pass clientId to new WorkOS() or set WORKOS_CLIENT_ID`,
          );
        }
        if (defaults.clientId === 'query') query = { ...query, client_id: clientId };
        else body = { ...asRecord(body), client_id: clientId };
      }
    }

    if (defaults.clientSecret) {
      const target = defaults.clientSecret === 'query' ? query : asRecord(body);
      if (target?.client_secret == null) {
        const secret = this.#requireApiKey(spec.path);
        if (defaults.clientSecret === 'query') query = { ...query, client_secret: secret };
        else body = { ...asRecord(body), client_secret: secret };
      }
    }
    return { query, body };
  }

  #headers(spec: RequestSpec, options: RequestOptions, plan: RetryPlan, hasBody: boolean): Headers {
    const headers = new Headers(this.#config.headers);
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      try {
        headers.set(name, value);
      } catch {
        throw new InvalidArgumentError(
          `Header ${JSON.stringify(name)} has a name or value not allowed in HTTP`,
        );
      }
    }

    headers.set('Accept', 'application/json');
    headers.set('User-Agent', this.#config.userAgent);
    if (hasBody) headers.set('Content-Type', 'application/json');
    if (plan.idempotencyKey !== undefined) {
      try {
        headers.set('Idempotency-Key', plan.idempotencyKey);
      } catch {
        throw new InvalidArgumentError(
          'idempotencyKey contains a character not allowed in an HTTP header',
        );
      }
    }

    if (spec.bearerToken !== undefined) {
      headers.set('Authorization', `Bearer ${exposeSecret(spec.bearerToken)}`);
    } else if (spec.auth !== false) {
      headers.set('Authorization', `Bearer ${this.#requireApiKey(spec.path)}`);
    }
    return headers;
  }

  #requireApiKey(path: string): string {
    const { apiKey } = this.#config;
    if (apiKey === undefined) {
      throw new WorkOSConfigError(
        `${path} needs an API key: pass apiKey to new WorkOS() or set the WORKOS_API_KEY environment variable`,
      );
    }
    return apiKey;
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)
    : undefined;
}

function retryReason(
  failure: Error,
  apiError: APIError | undefined,
): 'rate_limited' | 'server_error' | 'connection_error' | 'timeout' {
  if (apiError) return apiError.status === 429 ? 'rate_limited' : 'server_error';
  return failure instanceof TimeoutError ? 'timeout' : 'connection_error';
}

// Looks for the first non-space character instead of trimming, which would copy a large body.
function isBlank(text: string): boolean {
  return !/\S/.test(text);
}

const SECRET_QUERY_PARAMS = new Set([
  'client_secret',
  'code',
  'code_verifier',
  'refresh_token',
  'token',
  'password',
]);
const SECRET_QUERY_PATTERN = new RegExp(`[?&](${[...SECRET_QUERY_PARAMS].join('|')})=`);

/** Replaces the values of credential query parameters, so URLs can go to hooks and errors. */
export function redactUrl(url: string): string {
  if (!SECRET_QUERY_PATTERN.test(url)) return url;
  const parsed = new URL(url);
  let changed = false;
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_QUERY_PARAMS.has(name)) {
      parsed.searchParams.set(name, '[REDACTED]');
      changed = true;
    }
  }
  return changed ? parsed.toString() : url;
}

/**
 * The time budget of one call: its timeout and the caller's signal together. Every attempt and
 * every backoff sleep of the call runs under it.
 */
class Deadline {
  readonly #controller = new AbortController();
  readonly #timeout: number;
  readonly #endsAt: number;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #request: string;
  readonly #onCallerAbort = () =>
    this.#controller.abort(
      new AbortError(`${this.#request} was aborted by its signal`, {
        cause: this.#callerSignal?.reason,
      }),
    );
  #timedOut = false;

  /** `request` is the method and path, for messages. */
  constructor(timeout: number, callerSignal: AbortSignal | undefined, request: string) {
    this.#request = request;
    this.#timeout = timeout;
    this.#endsAt = Date.now() + timeout;
    this.#callerSignal = callerSignal;
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#controller.abort(
        new TimeoutError(`The request timed out after ${timeout} ms`, timeout),
      );
    }, timeout);

    if (callerSignal?.aborted) this.#onCallerAbort();
    else callerSignal?.addEventListener('abort', this.#onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  remaining(): number {
    return this.#endsAt - Date.now();
  }

  /** Turns what a transport threw into a timeout, an abort or a connection error. */
  explain(cause: unknown): WorkOSError {
    const request = this.#request;
    if (this.#timedOut)
      return new TimeoutError(`${request} timed out after ${this.#timeout} ms`, this.#timeout);
    if (this.#callerSignal?.aborted)
      return new AbortError(`${request} was aborted by its signal`, {
        cause: this.#callerSignal.reason,
      });
    if (cause instanceof WorkOSError) return cause;
    const detail = cause instanceof Error ? describeNetworkError(cause) : String(cause);
    return new ConnectionError(`${request} failed before a response arrived: ${detail}`, { cause });
  }

  /** Waits `ms`, or rejects at once when the deadline passes or the caller aborts. */
  sleep(ms: number, lastFailure: Error): Promise<void> {
    const signal = this.#controller.signal;
    return new Promise((resolve, reject) => {
      const stop = () => {
        clearTimeout(timer);
        reject(this.#timedOut ? lastFailureOrTimeout(lastFailure, this.#timeout) : signal.reason);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', stop);
        resolve();
      }, ms);
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
    });
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#callerSignal?.removeEventListener('abort', this.#onCallerAbort);
  }
}

function lastFailureOrTimeout(lastFailure: Error, timeout: number): Error {
  return new TimeoutError(
    `The request timed out after ${timeout} ms while waiting to retry; the last attempt failed with: ${lastFailure.message}`,
    timeout,
  );
}

// Node's fetch hides the socket error (ECONNREFUSED, ECONNRESET...) in `cause`.
function describeNetworkError(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} (${cause.message})` : cause.message;
  }
  return error.message;
}
