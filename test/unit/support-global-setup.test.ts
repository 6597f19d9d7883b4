import { expect, test } from 'vitest';
import type { TestProject } from 'vitest/node';

import setup, { type ProvidedEmulator } from '../integration/global-setup.js';

test('global setup provides, then closes emulator', async () => {
  const provided = new Map<string, unknown>();
  const project = {
    provide: (key: string, value: unknown) => provided.set(key, value),
  } as unknown as TestProject;

  const teardown = await setup(project);
  const emulator = provided.get('emulator') as ProvidedEmulator;

  expect([...provided.keys()]).toEqual(['emulator']);
  expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(emulator.apiKey).toBe('sk_test_default');
  expect(emulator.apiKeys).toEqual([
    'sk_test_default',
    ...Array.from({ length: 8 }, (_, index) => `sk_test_extra_${index + 1}`),
  ]);
  // Values cross into test workers by structured clone, so they must survive one.
  expect(structuredClone(emulator)).toEqual(emulator);

  for (const key of emulator.apiKeys) {
    const response = await fetch(`${emulator.url}/organizations`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(response.status, key).toBe(200);
  }

  await teardown();
  await expect(fetch(`${emulator.url}/health`)).rejects.toThrow(TypeError);
});
