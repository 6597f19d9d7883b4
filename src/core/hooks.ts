/**
 * The details of one attempt of a request passed to a hook. They never contain the API key, a bearer token
 * or a request or response body.
 */
export interface RequestEvent {
  /** HTTP method: `GET`, `POST`... */
  method: string;
  /** The full request URL, query included. */
  url: string;
  /** The attempt number, 1 for the first send. */
  attempt: number;
  /** The `Idempotency-Key` sent, when there is one. */
  idempotencyKey: string | undefined;
}

/** A response received for one attempt, whatever its status. */
export interface ResponseEvent extends RequestEvent {
  status: number;
  /** The `X-Request-ID` response header, when present. */
  requestId: string | undefined;
  /** Milliseconds from sending the attempt to receiving the response headers. */
  durationMs: number;
}

/** A retry about to happen, after the backoff delay. */
export interface RetryEvent extends RequestEvent {
  /** The status that caused the retry, or `undefined` after a network error or a timeout. */
  status: number | undefined;
  /** The `X-Request-ID` of the failed attempt, when it had a response. */
  requestId: string | undefined;
  /** Milliseconds the client waits before the next attempt. */
  delayMs: number;
  /** Why the attempt failed: `rate_limited`, `server_error`, `connection_error` or `timeout`. */
  reason: 'rate_limited' | 'server_error' | 'connection_error' | 'timeout';
}

/** A request that failed for good, after any retries. */
export interface ErrorEvent extends RequestEvent {
  /** The error the call rejects with. */
  error: Error;
  status: number | undefined;
  requestId: string | undefined;
}

/**
 * Callbacks for logging and tracing. The SDK logs nothing by itself. A hook that throws is
 * ignored, so a logging bug cannot fail an API call.
 *
 * @example
 * new WorkOS({ apiKey, hooks: { onRetry: (e) => log.warn('retrying', e.url, e.status, e.delayMs) } });
 */
export interface Hooks {
  /** Called before each attempt is sent. */
  onRequest?: (event: RequestEvent) => void;
  /** Called when an attempt gets a response, before its body is read. */
  onResponse?: (event: ResponseEvent) => void;
  /** Called before the client sleeps and sends the request again. */
  onRetry?: (event: RetryEvent) => void;
  /** Called once when a call fails for good. */
  onError?: (event: ErrorEvent) => void;
}

/**
 * Calls a hook with the event that `buildEvent` makes, and swallows what the hook throws. The
 * event is built only when the hook is set, so calls without hooks pay nothing for them.
 */
export function callHook<E>(hook: ((event: E) => void) | undefined, buildEvent: () => E): void {
  if (!hook) return;
  try {
    hook(buildEvent());
  } catch {
    // A failing logger must not change the outcome of an API call.
  }
}
