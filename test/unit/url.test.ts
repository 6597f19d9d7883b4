import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '../../src/core/errors.js';
import { SecretString } from '../../src/core/secret.js';
import { buildPath, buildQuery } from '../../src/core/url.js';

describe('buildPath', () => {
  it('fills a template', () => {
    expect(buildPath('/organizations/{id}', { id: 'org_123' })).toBe('/organizations/org_123');
  });

  it('keeps a slash and query inside the segment', () => {
    expect(buildPath('/organizations/{id}', { id: 'a/b?c' })).toBe('/organizations/a%2Fb%3Fc');
  });

  it('encodes a fragment, percent sign and spaces', () => {
    expect(buildPath('/users/{id}', { id: '#x %y z' })).toBe('/users/%23x%20%25y%20z');
  });

  it('encodes non-ASCII as UTF-8', () => {
    expect(buildPath('/roles/{slug}', { slug: 'café' })).toBe('/roles/caf%C3%A9');
  });

  it('fills several parameters in order', () => {
    expect(
      buildPath('/organizations/{organizationId}/roles/{slug}', {
        organizationId: 'org_1',
        slug: 'admin',
      }),
    ).toBe('/organizations/org_1/roles/admin');
  });

  it('sends the value of a SecretString', () => {
    expect(buildPath('/invitations/by_token/{token}', { token: new SecretString('tok/1') })).toBe(
      '/invitations/by_token/tok%2F1',
    );
  });

  it.each([
    ['', '""'],
    ['   ', '"   "'],
    ['.', '"."'],
    ['..', '".."'],
  ])('rejects the segment %j', (value, shown) => {
    expect(() => buildPath('/users/{id}', { id: value })).toThrow(InvalidArgumentError);
    expect(() => buildPath('/users/{id}', { id: value })).toThrow(
      `Path parameter id must be a non-empty identifier (got ${shown}) for /users/{id}`,
    );
  });

  it('rejects a missing parameter', () => {
    expect(() => buildPath('/users/{id}', {})).toThrow(
      'Path parameter id must be a string (got undefined) for /users/{id}',
    );
  });

  it('rejects null', () => {
    expect(() => buildPath('/users/{id}', { id: null })).toThrow(
      'Path parameter id must be a string (got null) for /users/{id}',
    );
  });
});

describe('buildQuery', () => {
  it('returns nothing for no parameters', () => {
    expect(buildQuery(undefined)).toBe('');
    expect(buildQuery({})).toBe('');
    expect(buildQuery({ a: undefined, b: null })).toBe('');
  });

  it('serializes scalars', () => {
    expect(buildQuery({ limit: 10, order: 'desc', include: true })).toBe(
      '?limit=10&order=desc&include=true',
    );
  });

  it('joins arrays with commas', () => {
    expect(buildQuery({ domains: ['a.com', 'b.com'] })).toBe('?domains=a.com%2Cb.com');
  });

  it('writes objects with brackets', () => {
    expect(
      buildQuery({ provider_query_params: { hd: 'example.com', access_type: 'offline' } }),
    ).toBe(
      '?provider_query_params%5Bhd%5D=example.com&provider_query_params%5Baccess_type%5D=offline',
    );
  });

  it('writes dates as ISO 8601', () => {
    expect(buildQuery({ range_start: new Date('2026-01-02T03:04:05Z') })).toBe(
      '?range_start=2026-01-02T03%3A04%3A05.000Z',
    );
  });

  it('sends the value of a SecretString', () => {
    expect(buildQuery({ client_secret: new SecretString('sk_1') })).toBe('?client_secret=sk_1');
  });

  it('encodes reserved characters', () => {
    expect(buildQuery({ email: 'a+b@x.com', q: 'a&b=c' })).toBe('?email=a%2Bb%40x.com&q=a%26b%3Dc');
  });
});
