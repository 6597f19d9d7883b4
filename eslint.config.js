import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// src/ must run on every runtime with fetch and WebCrypto, so it may not touch Node built-ins.
const nodeOnlyRules = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['node:*'],
          message: 'src/ runs on edge runtimes and browsers: use web APIs, not Node built-ins.',
        },
      ],
      paths: [
        'fs',
        'path',
        'http',
        'https',
        'crypto',
        'util',
        'os',
        'stream',
        'buffer',
        'events',
        'url',
        'net',
        'tls',
        'zlib',
        'child_process',
      ].map((name) => ({
        name,
        message: 'src/ runs on edge runtimes and browsers: use web APIs, not Node built-ins.',
      })),
    },
  ],
  'no-restricted-properties': [
    'error',
    {
      object: 'globalThis',
      property: 'process',
      message: 'Read environment variables through readEnv() in src/core/env.ts.',
    },
    { object: 'globalThis', property: 'Buffer', message: 'Buffer exists only on Node.' },
  ],
  'no-restricted-globals': [
    'error',
    {
      name: 'Buffer',
      message: 'Use Uint8Array, TextEncoder and btoa/atob: Buffer exists only on Node.',
    },
    {
      name: 'process',
      message: 'Read environment variables through readEnv() in src/core/env.ts.',
    },
    { name: 'require', message: 'src/ is ESM.' },
    { name: '__dirname', message: 'src/ is ESM and runtime-neutral.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    rules: {
      ...nodeOnlyRules,
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The one guarded read of environment variables.
    files: ['src/core/env.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
);
