/**
 * The root of every error the SDK throws, so one `instanceof WorkOSError` catches them all.
 *
 * `code` is stable and safe to branch on. No message, `inspect` output or JSON form of an error
 * contains the API key. Messages are built from status codes, request ids and the server's own
 * error text, never from request headers.
 */
export class WorkOSError extends Error {
  /** A stable, machine-readable code: `not_found`, `timeout`, `invalid_config`... */
  readonly code: string;

  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }

  /** True for a `401 Unauthorized` response: the API key is missing, wrong or revoked. */
  isUnauthorized(): boolean {
    return this instanceof APIError && this.status === 401;
  }

  /** True for a `404 Not Found` response. */
  isNotFound(): boolean {
    return this instanceof APIError && this.status === 404;
  }

  /** True for a `429 Too Many Requests` response. */
  isRateLimited(): boolean {
    return this instanceof APIError && this.status === 429;
  }

  /** True for any `5xx` response. */
  isServerError(): boolean {
    return this instanceof APIError && this.status >= 500;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/** A client option is missing or invalid. Thrown at construction or before a request is sent. */
export class WorkOSConfigError extends WorkOSError {
  constructor(message: string) {
    super(message, 'invalid_config');
  }
}

/** An argument to a method is invalid, for example an empty path parameter. Nothing was sent. */
export class InvalidArgumentError extends WorkOSError {
  constructor(message: string) {
    super(message, 'invalid_argument');
  }
}

/** One field-level problem reported by the API in a `4xx` body. */
export interface APIFieldError {
  field?: string;
  code?: string;
  message?: string;
  [key: string]: unknown;
}

/** The details of a failed HTTP exchange that an {@link APIError} is built from. */
export interface APIErrorInit {
  status: number;
  headers: Headers;
  body: unknown;
  method: string;
  url: string;
}

/**
 * The API responded with a status outside `2xx`. Subclasses name the status family, so both
 * `err instanceof NotFoundError` and `err.isNotFound()` work.
 */
export class APIError extends WorkOSError {
  /** The HTTP status code. */
  readonly status: number;
  /** The `X-Request-ID` response header: quote it to WorkOS support. */
  readonly requestId: string | undefined;
  /** Seconds to wait before retrying, from the `Retry-After` header, when the server sent one. */
  readonly retryAfter: number | undefined;
  /** The response headers. */
  readonly headers: Headers;
  /** The parsed JSON body, or the body text when it was not JSON. */
  readonly body: unknown;
  /** Field-level errors, when the API listed them (`errors` in a `422` body). */
  readonly errors: readonly APIFieldError[];
  /** The request method, for messages and logs. */
  readonly method: string;
  /** The request URL, for messages and logs, with credential query parameters redacted. */
  readonly url: string;

  constructor(init: APIErrorInit) {
    const details = readErrorBody(init.body);
    const requestId = init.headers.get('x-request-id') ?? undefined;
    const message =
      `${init.method} ${pathOf(init.url)} failed with ${init.status}` +
      (details.message ? `: ${details.message}` : '') +
      (requestId ? ` (request id ${requestId})` : '');
    super(message, details.code ?? defaultCode(init.status));
    this.status = init.status;
    this.requestId = requestId;
    this.retryAfter = parseRetryAfterSeconds(init.headers.get('retry-after'));
    this.headers = init.headers;
    this.body = init.body;
    this.errors = details.errors;
    this.method = init.method;
    this.url = init.url;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      requestId: this.requestId,
      retryAfter: this.retryAfter,
      errors: this.errors,
      method: this.method,
      url: this.url,
    };
  }
}

/** `400 Bad Request`. */
export class BadRequestError extends APIError {}
/** `401 Unauthorized`: the API key is missing, wrong or revoked. */
export class AuthenticationError extends APIError {}
/** `403 Forbidden`. */
export class PermissionDeniedError extends APIError {}
/** `404 Not Found`. */
export class NotFoundError extends APIError {}
/** `409 Conflict`. */
export class ConflictError extends APIError {}
/** `422 Unprocessable Entity`: see `errors` for the fields at fault. */
export class UnprocessableEntityError extends APIError {}
/** `429 Too Many Requests`: see `retryAfter`. */
export class RateLimitError extends APIError {}
/** Any `5xx`. */
export class InternalServerError extends APIError {}

/** Builds the {@link APIError} subclass that matches a status code. */
export function createAPIError(init: APIErrorInit): APIError {
  const { status } = init;
  if (status === 400) return new BadRequestError(init);
  if (status === 401) return new AuthenticationError(init);
  if (status === 403) return new PermissionDeniedError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 409) return new ConflictError(init);
  if (status === 422) return new UnprocessableEntityError(init);
  if (status === 429) return new RateLimitError(init);
  if (status >= 500) return new InternalServerError(init);
  return new APIError(init);
}

/** The request never got a response: DNS, refused connection, reset, TLS failure. */
export class ConnectionError extends WorkOSError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'connection_error', options);
  }
}

/** No response arrived within the request's `timeout`. */
export class TimeoutError extends WorkOSError {
  /** The timeout that elapsed, in milliseconds. */
  readonly timeout: number;

  constructor(message: string, timeout: number) {
    super(message, 'timeout');
    this.timeout = timeout;
  }
}

/** The caller's `AbortSignal` aborted the request. */
export class AbortError extends WorkOSError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'aborted', options);
  }
}

/** A `2xx` response whose body is not the JSON the API promises. */
export class DecodeError extends WorkOSError {
  /** The HTTP status code of the response. */
  readonly status: number;
  /** The first 200 characters of the body. */
  readonly bodySnippet: string;
  /** The `X-Request-ID` response header, when present. */
  readonly requestId: string | undefined;

  constructor(init: { status: number; text: string; requestId: string | undefined; url: string }) {
    const bodySnippet = init.text.slice(0, 200);
    super(
      `The response to ${pathOf(init.url)} (status ${init.status}) is not valid JSON: ${JSON.stringify(bodySnippet)}` +
        (init.requestId ? ` (request id ${init.requestId})` : ''),
      'decode_error',
    );
    this.status = init.status;
    this.bodySnippet = bodySnippet;
    this.requestId = init.requestId;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, requestId: this.requestId };
  }
}

interface ErrorBodyDetails {
  message: string | undefined;
  code: string | undefined;
  errors: APIFieldError[];
}

// WorkOS error bodies come in a few shapes: `{ message, code }`, `{ error, error_description }`
// (OAuth endpoints) and `{ message, code, errors: [...] }` (validation failures).
function readErrorBody(body: unknown): ErrorBodyDetails {
  if (typeof body === 'string') {
    return { message: body.slice(0, 200) || undefined, code: undefined, errors: [] };
  }
  if (body === null || typeof body !== 'object') {
    return { message: undefined, code: undefined, errors: [] };
  }

  const record = body as Record<string, unknown>;
  const message = firstString(record.message, record.error_description, record.error);
  const code = firstString(record.code, record.error);
  const errors = Array.isArray(record.errors)
    ? record.errors.filter(
        (item): item is APIFieldError => item !== null && typeof item === 'object',
      )
    : [];
  return { message, code, errors };
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value !== '');
}

function defaultCode(status: number): string {
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 422) return 'unprocessable_entity';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return `http_${status}`;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * Parses a `Retry-After` header, either delay seconds or an HTTP date, into seconds from `now`.
 * Returns `undefined` for a missing or unreadable header. A date in the past gives `0`.
 */
export function parseRetryAfterSeconds(
  header: string | null,
  now: number = Date.now(),
): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (trimmed === '') return undefined;

  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);

  // Every HTTP date format starts with the day name ("Fri, 04 Dec 2026 12:00:00 GMT").
  if (!/^[A-Za-z]{3}/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, (date - now) / 1000);
}
