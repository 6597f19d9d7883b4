import { inspect } from 'node:util';

import { describe, expect, it } from 'vitest';

import { SecretString, stringifyBody, wrapSecrets } from '../../src/core/secret.js';

describe('SecretString', () => {
  const secret = new SecretString('sk_live_very_secret');

  it('redacts toString', () => {
    expect(secret.toString()).toBe('[REDACTED]');
    expect(String(secret)).toBe('[REDACTED]');
  });

  it('redacts template strings', () => {
    expect(`token=${secret}`).toBe('token=[REDACTED]');
  });

  it('redacts JSON.stringify', () => {
    expect(JSON.stringify({ access_token: secret })).toBe('{"access_token":"[REDACTED]"}');
  });

  it('redacts util.inspect', () => {
    expect(inspect(secret)).toBe('SecretString([REDACTED])');
    expect(inspect({ nested: { secret } }, { depth: 5 })).toBe(
      '{ nested: { secret: SecretString([REDACTED]) } }',
    );
  });

  it('redacts string concatenation', () => {
    expect('x' + secret).toBe('x[REDACTED]');
  });

  it('exposes the value on request', () => {
    expect(secret.expose()).toBe('sk_live_very_secret');
  });

  it('compares without exposing', () => {
    expect(secret.equals('sk_live_very_secret')).toBe(true);
    expect(secret.equals(new SecretString('other'))).toBe(false);
  });

  it('rejects a non-string value', () => {
    expect(() => new SecretString(42 as unknown as string)).toThrow(
      'SecretString needs a string value (got number)',
    );
  });
});

describe('wrapSecrets', () => {
  it('wraps named keys at any depth', () => {
    const body = wrapSecrets(
      {
        access_token: 'at',
        user: { id: 'user_1', refresh_token: 'rt' },
        list: [{ secret: 's1' }, { secret: null }],
      },
      new Set(['access_token', 'refresh_token', 'secret']),
    );
    expect(body.access_token).toBeInstanceOf(SecretString);
    expect((body.access_token as unknown as SecretString).expose()).toBe('at');
    expect((body.user.refresh_token as unknown as SecretString).expose()).toBe('rt');
    expect((body.list[0]?.secret as unknown as SecretString).expose()).toBe('s1');
    expect(body.list[1]?.secret).toBeNull();
    expect(body.user.id).toBe('user_1');
  });

  it('leaves free-form maps alone', () => {
    const body = wrapSecrets(
      {
        user: { metadata: { token: 'mine' }, custom_attributes: { secret: 'x' } },
        raw_attributes: { password: 'p' },
        token: 't',
      },
      new Set(['token', 'secret', 'password']),
    );
    expect(body.user.metadata.token).toBe('mine');
    expect(body.user.custom_attributes.secret).toBe('x');
    expect(body.raw_attributes.password).toBe('p');
    expect(body.token).toBeInstanceOf(SecretString);
  });

  it('leaves a body without those keys unchanged', () => {
    const body = { id: 'x', nested: [{ token_type: 'Bearer' }] };
    expect(wrapSecrets(structuredClone(body), new Set(['token']))).toEqual(body);
  });
});

describe('stringifyBody', () => {
  it('sends the real value of secrets', () => {
    expect(stringifyBody({ password: new SecretString('hunter2'), email: 'a@b.c' })).toBe(
      '{"password":"hunter2","email":"a@b.c"}',
    );
  });

  it('sends secrets inside arrays and nested objects', () => {
    expect(
      stringifyBody({ items: [new SecretString('a')], nested: { token: new SecretString('b') } }),
    ).toBe('{"items":["a"],"nested":{"token":"b"}}');
  });
});
