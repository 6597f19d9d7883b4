import type { TestProject } from 'vitest/node';

import { startEmulator } from '../support/emulator.js';

/** What integration tests read with `inject('emulator')`. */
export interface ProvidedEmulator {
  /** Base URL of the emulator, e.g. `http://127.0.0.1:49152`. */
  url: string;
  /** `sk_test_default`. */
  apiKey: string;
  /**
   * Every accepted key, the default first. Each has its own budget of 1,000 requests a minute,
   * so a test file that sends many requests should use a key of its own.
   */
  apiKeys: string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    emulator: ProvidedEmulator;
  }
}

/** Extra API keys for the integration run, so that busy test files can each use their own. */
const EXTRA_API_KEYS = 8;

/**
 * Starts one WorkOS emulator for the whole integration project and closes it after the last
 * test file. Tests share its records, so each test creates what it reads.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startEmulator({ extraApiKeys: EXTRA_API_KEYS });
  project.provide('emulator', {
    url: emulator.url,
    apiKey: emulator.apiKey,
    apiKeys: emulator.apiKeys,
  });
  return () => emulator.close();
}
