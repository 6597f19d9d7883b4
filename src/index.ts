export { WorkOS } from './workos.js';

export { APIClient } from './core/client.js';
export { APIPromise, type WithResponse } from './core/api-promise.js';
export {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type ClientOptions,
  type ResolvedConfig,
} from './core/config.js';
export {
  AbortError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  DecodeError,
  InternalServerError,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
  WorkOSConfigError,
  WorkOSError,
  type APIFieldError,
} from './core/errors.js';
export type { ErrorEvent, Hooks, RequestEvent, ResponseEvent, RetryEvent } from './core/hooks.js';
export {
  autoPaginate,
  Page,
  PagePromise,
  type ListMetadata,
  type ListResponse,
} from './core/pagination.js';
export type {
  HttpMethod,
  RequestOptions,
  RequestSpec,
  RetryStrategy,
} from './core/request-options.js';
export { SecretString, type SecretInput } from './core/secret.js';
export {
  fetchTransport,
  type FetchLike,
  type HttpTransport,
  type TransportRequest,
} from './core/transport.js';
export { buildPath } from './core/url.js';
export { VERSION } from './core/version.js';

export * from './generated/index.js';
