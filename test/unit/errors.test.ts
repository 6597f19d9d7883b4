import { inspect } from 'node:util';

import { describe, expect, it } from 'vitest';

import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createAPIError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  WorkOSError,
} from '../../src/core/errors.js';

function errorFor(status: number, body: unknown = { message: 'Nope', code: 'nope' }, headers = {}) {
  return createAPIError({
    status,
    headers: new Headers({ 'x-request-id': 'req_123', ...headers }),
    body,
    method: 'GET',
    url: 'https://api.workos.com/organizations/org_1?limit=1',
  });
}

describe('createAPIError', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
  ])('maps %i to %o', (status, errorClass) => {
    const error = errorFor(status);
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(WorkOSError);
    expect(error.name).toBe(errorClass.name);
    expect(error.status).toBe(status);
  });

  it('keeps an unlisted status as a plain APIError', () => {
    const error = errorFor(418);
    expect(error.constructor).toBe(APIError);
    expect(error.code).toBe('nope');
  });

  it('builds the message from method, path, server text and request id', () => {
    expect(errorFor(404).message).toBe(
      'GET /organizations/org_1 failed with 404: Nope (request id req_123)',
    );
  });

  it('reads the fields of the body', () => {
    const error = errorFor(
      422,
      {
        message: 'Validation failed',
        code: 'invalid_request_parameters',
        errors: [{ field: 'email', code: 'email_invalid', message: 'Email is invalid' }],
      },
      { 'retry-after': '3' },
    );
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.requestId).toBe('req_123');
    expect(error.retryAfter).toBe(3);
    expect(error.errors).toEqual([
      { field: 'email', code: 'email_invalid', message: 'Email is invalid' },
    ]);
    expect(error.body).toEqual({
      message: 'Validation failed',
      code: 'invalid_request_parameters',
      errors: [{ field: 'email', code: 'email_invalid', message: 'Email is invalid' }],
    });
    expect(error.headers.get('retry-after')).toBe('3');
  });

  it('reads OAuth error bodies', () => {
    const error = errorFor(400, {
      error: 'invalid_grant',
      error_description: 'The code has expired.',
    });
    expect(error.code).toBe('invalid_grant');
    expect(error.message).toBe(
      'GET /organizations/org_1 failed with 400: The code has expired. (request id req_123)',
    );
  });

  it('falls back to a code for the status', () => {
    expect(errorFor(401, null).code).toBe('unauthorized');
    expect(errorFor(429, '').code).toBe('rate_limited');
    expect(errorFor(503, 'upstream down').message).toBe(
      'GET /organizations/org_1 failed with 503: upstream down (request id req_123)',
    );
  });
});

describe('predicates', () => {
  it.each([
    [401, [true, false, false, false]],
    [404, [false, true, false, false]],
    [429, [false, false, true, false]],
    [500, [false, false, false, true]],
    [400, [false, false, false, false]],
  ])('status %i', (status, expected) => {
    const error = errorFor(status);
    expect([
      error.isUnauthorized(),
      error.isNotFound(),
      error.isRateLimited(),
      error.isServerError(),
    ]).toEqual(expected);
  });

  it('are false on errors without a status', () => {
    const error = new WorkOSError('x', 'y');
    expect([
      error.isUnauthorized(),
      error.isNotFound(),
      error.isRateLimited(),
      error.isServerError(),
    ]).toEqual([false, false, false, false]);
  });
});

describe('serialized forms', () => {
  it('JSON holds the fields a log needs', () => {
    expect(JSON.parse(JSON.stringify(errorFor(404)))).toEqual({
      name: 'NotFoundError',
      code: 'nope',
      message: 'GET /organizations/org_1 failed with 404: Nope (request id req_123)',
      status: 404,
      requestId: 'req_123',
      errors: [],
      method: 'GET',
      url: 'https://api.workos.com/organizations/org_1?limit=1',
    });
  });

  it('inspect shows the class and message', () => {
    expect(inspect(errorFor(404))).toContain(
      'NotFoundError: GET /organizations/org_1 failed with 404',
    );
  });
});
