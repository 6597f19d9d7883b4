import { afterEach, describe, expect, it, vi } from 'vitest';

import { resolveConfig } from '../../src/core/config.js';
import { WorkOSConfigError } from '../../src/core/errors.js';
import { VERSION } from '../../src/core/version.js';
import packageJson from '../../package.json' with { type: 'json' };

const KEY = 'sk_test_abcdefghijklmnop';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('resolveConfig', () => {
  it('applies defaults', () => {
    vi.stubEnv('WORKOS_API_KEY', '');
    vi.stubEnv('WORKOS_CLIENT_ID', '');
    vi.stubEnv('WORKOS_BASE_URL', '');
    const config = resolveConfig({});
    expect(config.apiKey).toBeUndefined();
    expect(config.clientId).toBeUndefined();
    expect(config.baseUrl).toBe('https://api.workos.com');
    expect(config.timeout).toBe(30_000);
    expect(config.maxRetries).toBe(3);
    expect(config.userAgent).toBe(`workos-ts/${VERSION}`);
  });

  it('reads the environment for missing options', () => {
    vi.stubEnv('WORKOS_API_KEY', 'sk_from_env');
    vi.stubEnv('WORKOS_CLIENT_ID', 'client_from_env');
    vi.stubEnv('WORKOS_BASE_URL', 'http://127.0.0.1:9999/');
    const config = resolveConfig({});
    expect(config.apiKey).toBe('sk_from_env');
    expect(config.clientId).toBe('client_from_env');
    expect(config.baseUrl).toBe('http://127.0.0.1:9999');
  });

  it('prefers options over the environment', () => {
    vi.stubEnv('WORKOS_API_KEY', 'sk_from_env');
    expect(resolveConfig({ apiKey: KEY }).apiKey).toBe(KEY);
  });

  it('appends the user agent', () => {
    expect(resolveConfig({ userAgent: 'my-app/1.2' }).userAgent).toBe(
      `workos-ts/${VERSION} my-app/1.2`,
    );
  });

  it('keeps a base URL path prefix', () => {
    expect(resolveConfig({ baseUrl: 'https://proxy.example/workos///' }).baseUrl).toBe(
      'https://proxy.example/workos',
    );
  });

  it('version matches package.json', () => {
    expect(VERSION).toBe(packageJson.version);
  });
});

describe('resolveConfig rejects', () => {
  it('an API key with a line break, without echoing it', () => {
    const attempt = () => resolveConfig({ apiKey: `${KEY}\n` });
    expect(attempt).toThrow(WorkOSConfigError);
    expect(attempt).toThrow(
      'apiKey contains a character not allowed in an HTTP header (U+000A at position 24): remove spaces, line breaks and quotes copied with the key',
    );
    try {
      attempt();
    } catch (error) {
      expect(String(error)).not.toContain(KEY);
      expect(JSON.stringify(error)).not.toContain(KEY);
    }
  });

  it('an API key with a space', () => {
    expect(() => resolveConfig({ apiKey: 'sk_test 1' })).toThrow('(U+0020 at position 7)');
  });

  it('an API key with non-ASCII', () => {
    expect(() => resolveConfig({ apiKey: 'sk_tést' })).toThrow('(U+00E9 at position 4)');
  });

  it('an empty API key', () => {
    expect(() => resolveConfig({ apiKey: '' })).toThrow('apiKey must be a non-empty string');
  });

  it('a user agent with a line break', () => {
    expect(() => resolveConfig({ userAgent: 'app\r\nX-Evil: 1' })).toThrow(
      'userAgent "app\\r\\nX-Evil: 1" contains a character not allowed in an HTTP header: use printable ASCII without line breaks',
    );
  });

  it('names the environment variable a bad value came from', () => {
    vi.stubEnv('WORKOS_BASE_URL', 'not a url');
    vi.stubEnv('WORKOS_API_KEY', 'sk test');
    expect(() => resolveConfig({ apiKey: KEY })).toThrow(
      'WORKOS_BASE_URL "not a url" is not an absolute URL: use a value such as https://api.workos.com',
    );
    expect(() => resolveConfig({ baseUrl: 'https://api.workos.com' })).toThrow(
      'WORKOS_API_KEY contains a character not allowed in an HTTP header (U+0020 at position 2)',
    );
  });

  it('shows a string timeout quoted', () => {
    expect(() => resolveConfig({ timeout: '1000' as unknown as number })).toThrow(
      'timeout must be a positive number of milliseconds (got "1000")',
    );
  });

  it('a relative base URL', () => {
    expect(() => resolveConfig({ baseUrl: 'api.workos.com' })).toThrow(
      'baseUrl "api.workos.com" is not an absolute URL: use a value such as https://api.workos.com',
    );
  });

  it('a base URL with another scheme', () => {
    expect(() => resolveConfig({ baseUrl: 'ftp://api.workos.com' })).toThrow(
      'baseUrl "ftp://api.workos.com" must use http or https (got ftp:)',
    );
  });

  it('a base URL with credentials, without echoing them', () => {
    const attempt = () => resolveConfig({ baseUrl: 'https://user:pass@api.workos.com/' });
    expect(attempt).toThrow(
      'baseUrl "https://api.workos.com/" must not carry credentials, a query or a fragment',
    );
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('timeout %s', (timeout) => {
    expect(() => resolveConfig({ timeout })).toThrow(
      `timeout must be a positive number of milliseconds (got ${String(timeout)})`,
    );
  });

  it('fractional maxRetries', () => {
    expect(() => resolveConfig({ maxRetries: 1.5 })).toThrow(
      'maxRetries must be an integer of at least 0 (got 1.5)',
    );
  });
});
