import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Runs a snippet in a fresh Node process from the package root, so `workos-ts` resolves through
// package.json "exports" exactly as it would for a user.
function runNode(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim();
}

describe('built package', () => {
  beforeAll(() => {
    execFileSync('npx', ['tsup', '--silent'], { cwd: root, stdio: 'pipe' });
  }, 120_000);

  it('imports as ESM through exports', () => {
    const output = runNode([
      '--input-type=module',
      '-e',
      `import { WorkOS, SecretString, NotFoundError, VERSION } from 'workos-ts';
       const workos = new WorkOS({ apiKey: 'sk_test_esm', baseUrl: 'http://127.0.0.1:9' });
       console.log([typeof workos.organizations.listOrganizations, String(new SecretString('x')), new NotFoundError({ status: 404, headers: new Headers(), body: null, method: 'GET', url: 'http://127.0.0.1:9/x' }).isNotFound(), VERSION].join(' '));`,
    ]);
    expect(output).toBe(`function [REDACTED] true ${packageVersion()}`);
  });

  it('requires as CommonJS through exports', () => {
    const output = runNode([
      '-e',
      `const { WorkOS, SecretString } = require('workos-ts');
       const workos = new WorkOS('sk_test_cjs');
       console.log(workos.constructor.name, typeof workos.userManagement.createUser, JSON.stringify({ s: new SecretString('x') }));`,
    ]);
    expect(output).toBe('WorkOS function {"s":"[REDACTED]"}');
  });

  it('ships type declarations for both formats', () => {
    const esm = readFileSync(`${root}/dist/index.d.ts`, 'utf8');
    const cjs = readFileSync(`${root}/dist/index.d.cts`, 'utf8');
    expect(esm).toContain('declare class WorkOS');
    expect(cjs).toContain('declare class WorkOS');
  });

  it('uses no Node built-ins', () => {
    for (const file of ['dist/index.js', 'dist/index.cjs']) {
      const code = readFileSync(`${root}/${file}`, 'utf8');
      expect(code.match(/from ['"]node:|require\(['"]node:|\bBuffer\./g), file).toBeNull();
    }
  });
});

function packageVersion(): string {
  return (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string }).version;
}
