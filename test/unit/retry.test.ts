import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '../../src/core/errors.js';
import { parseRetryAfterSeconds } from '../../src/core/errors.js';
import type { HttpMethod } from '../../src/core/request-options.js';
import {
  backoffDelay,
  isRetryableStatus,
  planRetries,
  retryAfterDelay,
} from '../../src/core/retry.js';

describe('planRetries', () => {
  const cases: Array<{
    name: string;
    method: HttpMethod;
    options: Parameters<typeof planRetries>[1];
    attempts: number;
    key?: string;
  }> = [
    { name: 'GET gets the default retries', method: 'GET', options: {}, attempts: 4 },
    { name: 'POST without a key is sent once', method: 'POST', options: {}, attempts: 1 },
    { name: 'PUT without a key is sent once', method: 'PUT', options: {}, attempts: 1 },
    { name: 'PATCH without a key is sent once', method: 'PATCH', options: {}, attempts: 1 },
    { name: 'DELETE without a key is sent once', method: 'DELETE', options: {}, attempts: 1 },
    {
      name: 'POST with an idempotency key is retried',
      method: 'POST',
      options: { idempotencyKey: 'k1' },
      attempts: 4,
      key: 'k1',
    },
    {
      name: 'DELETE with an idempotency key is retried',
      method: 'DELETE',
      options: { idempotencyKey: 'k2' },
      attempts: 4,
      key: 'k2',
    },
    {
      name: 'maxRetries 0 turns retries off',
      method: 'GET',
      options: { maxRetries: 0 },
      attempts: 1,
    },
    {
      name: 'maxRetries 5 gives six sends',
      method: 'GET',
      options: { maxRetries: 5 },
      attempts: 6,
    },
    {
      name: "strategy 'once' sends a GET once",
      method: 'GET',
      options: { strategy: 'once' },
      attempts: 1,
    },
    {
      name: "strategy 'once' wins over an idempotency key",
      method: 'POST',
      options: { strategy: 'once', idempotencyKey: 'k3' },
      attempts: 1,
      key: 'k3',
    },
    {
      name: 'strategy idempotent makes a POST retryable',
      method: 'POST',
      options: { strategy: { idempotent: 'k4' } },
      attempts: 4,
      key: 'k4',
    },
    {
      name: 'strategy retry sets the attempts of a GET',
      method: 'GET',
      options: { strategy: { retry: { maxAttempts: 2 } } },
      attempts: 2,
    },
    {
      name: 'strategy retry does not make a bare POST retryable',
      method: 'POST',
      options: { strategy: { retry: { maxAttempts: 5 } } },
      attempts: 1,
    },
    {
      name: 'strategy retry with a key retries a POST',
      method: 'POST',
      options: { strategy: { retry: { maxAttempts: 5 } }, idempotencyKey: 'k5' },
      attempts: 5,
      key: 'k5',
    },
    {
      name: 'strategy exponentialBackoff sets the attempts',
      method: 'GET',
      options: { strategy: { exponentialBackoff: { maxAttempts: 7, jitter: 'full' } } },
      attempts: 7,
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      const plan = planRetries(testCase.method, testCase.options, 3);
      expect(plan.maxAttempts).toBe(testCase.attempts);
      expect(plan.idempotencyKey).toBe(testCase.key);
    });
  }

  it('client maxRetries is the default', () => {
    expect(planRetries('GET', {}, 1).maxAttempts).toBe(2);
  });

  it('exponentialBackoff keeps its jitter', () => {
    const plan = planRetries(
      'GET',
      { strategy: { exponentialBackoff: { maxAttempts: 2, jitter: 'none' } } },
      3,
    );
    expect(plan.jitter).toBe('none');
  });

  it('rejects negative maxRetries', () => {
    expect(() => planRetries('GET', { maxRetries: -1 }, 3)).toThrow(InvalidArgumentError);
    expect(() => planRetries('GET', { maxRetries: -1 }, 3)).toThrow(
      'maxRetries must be an integer of at least 0 (got -1)',
    );
  });

  it('rejects zero maxAttempts', () => {
    expect(() => planRetries('GET', { strategy: { retry: { maxAttempts: 0 } } }, 3)).toThrow(
      'strategy.retry.maxAttempts must be an integer of at least 1 (got 0)',
    );
  });

  it('rejects an empty idempotent key', () => {
    expect(() => planRetries('POST', { strategy: { idempotent: '' } }, 3)).toThrow(
      'strategy.idempotent must be a non-empty idempotency key string',
    );
  });

  it('rejects two different idempotency keys', () => {
    expect(() =>
      planRetries('POST', { idempotencyKey: 'a', strategy: { idempotent: 'b' } }, 3),
    ).toThrow(
      'idempotencyKey and strategy.idempotent name different idempotency keys: pass only one',
    );
  });

  it('accepts the same key twice', () => {
    expect(planRetries('POST', { idempotencyKey: 'a', strategy: { idempotent: 'a' } }, 3)).toEqual({
      maxAttempts: 4,
      jitter: 'equal',
      idempotencyKey: 'a',
    });
  });

  it('shows a string count quoted', () => {
    expect(() => planRetries('GET', { maxRetries: '2' as unknown as number }, 3)).toThrow(
      'maxRetries must be an integer of at least 0 (got "2")',
    );
  });

  it('rejects an unknown strategy', () => {
    const strategy = { fancy: true } as unknown as 'once';
    expect(() => planRetries('GET', { strategy }, 3)).toThrow(
      /Unknown retry strategy \{"fancy":true\}/,
    );
  });
});

describe('isRetryableStatus', () => {
  it('retries 429 and every 5xx', () => {
    expect([429, 500, 502, 503, 504, 599].map(isRetryableStatus)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('does not retry 4xx other than 429', () => {
    expect([400, 401, 403, 404, 409, 422, 499].map(isRetryableStatus)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('backoffDelay', () => {
  it('equal jitter stays within half and all of the delay', () => {
    expect(backoffDelay(1, 'equal', () => 0)).toBe(250);
    expect(backoffDelay(1, 'equal', () => 1)).toBe(500);
    expect(backoffDelay(3, 'equal', () => 0)).toBe(1000);
    expect(backoffDelay(3, 'equal', () => 1)).toBe(2000);
  });

  it('doubles and caps at 8 seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((retry) => backoffDelay(retry, 'none'))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('full jitter ranges from zero to the delay', () => {
    expect(backoffDelay(2, 'full', () => 0)).toBe(0);
    expect(backoffDelay(2, 'full', () => 0.5)).toBe(500);
    expect(backoffDelay(2, 'full', () => 1)).toBe(1000);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-12-04T12:00:00Z');

  it('parses delay seconds', () => {
    expect(parseRetryAfterSeconds('2', now)).toBe(2);
    expect(parseRetryAfterSeconds(' 0 ', now)).toBe(0);
    expect(parseRetryAfterSeconds('1.5', now)).toBe(1.5);
  });

  it('parses an HTTP date', () => {
    expect(parseRetryAfterSeconds('Fri, 04 Dec 2026 12:00:07 GMT', now)).toBe(7);
  });

  it('treats a past date as zero', () => {
    expect(parseRetryAfterSeconds('Fri, 04 Dec 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores missing and unreadable values', () => {
    expect(parseRetryAfterSeconds(null, now)).toBeUndefined();
    expect(parseRetryAfterSeconds('', now)).toBeUndefined();
    expect(parseRetryAfterSeconds('soon', now)).toBeUndefined();
    expect(parseRetryAfterSeconds('-3', now)).toBeUndefined();
  });

  it('converts to milliseconds and caps at 60 seconds', () => {
    expect(retryAfterDelay(2)).toBe(2000);
    expect(retryAfterDelay(60)).toBe(60_000);
    expect(retryAfterDelay(61)).toBe('too_long');
    expect(retryAfterDelay(undefined)).toBeUndefined();
  });
});
