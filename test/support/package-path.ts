import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Returns the folder of an installed package, found by walking up from this file through each
 * `node_modules`. Used in place of `import.meta.resolve`, which Vitest's module runner (used for
 * global setup files) rejects, and of `require.resolve`, which fails on packages whose `exports`
 * list no `require` condition or `./package.json`.
 */
export function installedPackageDir(name: string): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(folder, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;

    const parent = dirname(folder);
    if (parent === folder) throw new Error(`Package ${name} is not installed: run npm install`);
    folder = parent;
  }
}
