import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { operations } from '../../src/generated/operations.js';

const integrationDir = fileURLToPath(new URL('../integration', import.meta.url));

// Every generated method must be called by name from an integration test, written as
// `<namespace>.<method>(`, against the emulator or the spec server.
describe('integration coverage', () => {
  it('calls every generated method', () => {
    const sources = readdirSync(integrationDir)
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => readFileSync(`${integrationDir}/${file}`, 'utf8'))
      .join('\n');

    const missing = operations
      .filter((operation) => !sources.includes(`${operation.namespace}.${operation.name}(`))
      .map(
        (operation) =>
          `${operation.namespace}.${operation.name} (${operation.method} ${operation.path})`,
      );

    expect(missing, `methods no integration test calls:\n${missing.join('\n')}`).toEqual([]);
  });
});
