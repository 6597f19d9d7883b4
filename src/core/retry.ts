import { describeValue } from './config.js';
import { InvalidArgumentError } from './errors.js';
import type { HttpMethod, RequestOptions } from './request-options.js';

/** The first backoff delay, in milliseconds. Each later attempt doubles it. */
export const INITIAL_RETRY_DELAY_MS = 500;
/** The longest computed backoff delay, in milliseconds. */
export const MAX_RETRY_DELAY_MS = 8_000;
/**
 * The maximum `Retry-After` the client waits for, in milliseconds. A server that requests a
 * longer wait gets no retry. The call fails at once with the error, and its `retryAfter` gives
 * the wait in seconds.
 */
export const MAX_RETRY_AFTER_MS = 60_000;

/** The retry plan of one call, merged from the client defaults and the request options. */
export interface RetryPlan {
  /** Sends in all, the first one included. `1` means no retry. */
  maxAttempts: number;
  jitter: 'equal' | 'full' | 'none';
  /** Sent as `Idempotency-Key` on every attempt. */
  idempotencyKey: string | undefined;
}

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Decides how many times a call may be sent. A POST, PUT, PATCH or DELETE without an idempotency
 * key is sent once whatever the options are, because a repeat could apply it twice.
 *
 * @throws {InvalidArgumentError} for a negative or fractional `maxRetries` or `maxAttempts`.
 */
export function planRetries(
  method: HttpMethod,
  options: RequestOptions,
  clientMaxRetries: number,
): RetryPlan {
  const { strategy } = options;
  let idempotencyKey = options.idempotencyKey;
  let maxAttempts = 1 + checkCount('maxRetries', options.maxRetries ?? clientMaxRetries, 0);
  let jitter: RetryPlan['jitter'] = 'equal';

  if (strategy === 'once') {
    maxAttempts = 1;
  } else if (strategy !== undefined && 'idempotent' in strategy) {
    if (typeof strategy.idempotent !== 'string' || strategy.idempotent === '') {
      throw new InvalidArgumentError(
        'strategy.idempotent must be a non-empty idempotency key string',
      );
    }
    if (idempotencyKey !== undefined && idempotencyKey !== strategy.idempotent) {
      throw new InvalidArgumentError(
        'idempotencyKey and strategy.idempotent name different idempotency keys: pass only one',
      );
    }
    idempotencyKey = strategy.idempotent;
  } else if (strategy !== undefined && 'retry' in strategy) {
    maxAttempts = checkCount('strategy.retry.maxAttempts', strategy.retry.maxAttempts, 1);
  } else if (strategy !== undefined && 'exponentialBackoff' in strategy) {
    maxAttempts = checkCount(
      'strategy.exponentialBackoff.maxAttempts',
      strategy.exponentialBackoff.maxAttempts,
      1,
    );
    jitter = strategy.exponentialBackoff.jitter ?? 'equal';
  } else if (strategy !== undefined) {
    throw new InvalidArgumentError(
      `Unknown retry strategy ${JSON.stringify(strategy)}: use 'once', { idempotent }, { retry } or { exponentialBackoff }`,
    );
  }

  if (idempotencyKey === undefined && !SAFE_METHODS.has(method)) maxAttempts = 1;
  return { maxAttempts, jitter, idempotencyKey };
}

function checkCount(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidArgumentError(
      `${name} must be an integer of at least ${min} (got ${describeValue(value)})`,
    );
  }
  return value;
}

/** True for the statuses worth retrying: `429` and every `5xx`. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * Computes the backoff before retry number `retry` (1 for the first retry), in milliseconds: 500 ms
 * doubled each time, at most 8 s, then jittered. Equal jitter keeps half the delay and randomises
 * the other half, so clients that failed together do not retry together.
 */
export function backoffDelay(
  retry: number,
  jitter: RetryPlan['jitter'],
  random: () => number = Math.random,
): number {
  const exponential = Math.min(MAX_RETRY_DELAY_MS, INITIAL_RETRY_DELAY_MS * 2 ** (retry - 1));
  if (jitter === 'none') return exponential;
  if (jitter === 'full') return Math.round(random() * exponential);
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/**
 * Converts a `Retry-After` value in seconds to the delay it requests, in milliseconds, or `'too_long'` when it
 * passes {@link MAX_RETRY_AFTER_MS}. Returns `undefined` when the server sent no usable header.
 */
export function retryAfterDelay(
  retryAfterSeconds: number | undefined,
): number | 'too_long' | undefined {
  if (
    retryAfterSeconds === undefined ||
    !Number.isFinite(retryAfterSeconds) ||
    retryAfterSeconds < 0
  ) {
    return undefined;
  }
  const delay = Math.round(retryAfterSeconds * 1000);
  return delay > MAX_RETRY_AFTER_MS ? 'too_long' : delay;
}
