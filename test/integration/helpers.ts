import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, beforeEach, inject } from 'vitest';

import { WorkOS, type ClientOptions } from '../../src/index.js';
import type { SentRequest } from '../support/spec-assertions.js';
import {
  startSpecServer,
  type RecordedRequest,
  type SpecServer,
  type StartSpecServerOptions,
} from '../support/spec-server.js';

/**
 * Returns the emulator API key at `index` of the keys global setup provides. Busy test files use
 * a key of their own, because the emulator limits each key to 1,000 requests a minute.
 */
export function emulatorApiKey(index: number): string {
  const apiKey = inject('emulator').apiKeys[index];
  if (apiKey === undefined) {
    throw new Error(`global setup provided fewer than ${index + 1} API keys`);
  }
  return apiKey;
}

/** Creates a client for the shared emulator that sends the API key at `index`. */
export function emulatorClient(index: number, options: ClientOptions = {}): WorkOS {
  return new WorkOS({ apiKey: emulatorApiKey(index), baseUrl: inject('emulator').url, ...options });
}

/** Returns a random suffix that keeps names, slugs and ids unique in the shared emulator. */
export function unique(): string {
  return randomUUID().slice(0, 8);
}

/** Returns an email address, starting with `label`, that no other test uses. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID()}@example.com`;
}

/** Resolves with what the promise rejects with, and fails the test when the promise fulfils. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it fulfilled');
}

/** Returns the last request the spec server recorded, and throws when it recorded none. */
export function lastRequest(server: SpecServer): RecordedRequest {
  const request = server.requests.at(-1);
  if (request === undefined) throw new Error('The spec server received no request');
  return request;
}

/** Returns the method, encoded path, query and JSON body of the last recorded request. */
export function lastSent(server: SpecServer): SentRequest {
  const { method, path, query, body } = lastRequest(server);
  return { method, path, query, body };
}

/** A spec server and a client that sends its requests there. */
export interface SpecClient {
  server: SpecServer;
  workos: WorkOS;
}

export interface UseSpecServerOptions {
  /**
   * The API key the client sends. When set, the server accepts only this key. Default: the
   * server's default key, `sk_test_default`.
   */
  apiKey?: string;
  /** The client ID the client sends. */
  clientId?: string;
  /** Overlays the server applies to the spec. */
  overlays?: StartSpecServerOptions['overlays'];
  /** Whether to empty the server's recorded requests before each test. Default: `false`. */
  clearRequests?: boolean;
}

/**
 * Starts a spec server before the tests of the enclosing `describe` (or file) and closes it after
 * them. The returned object is filled in by `beforeAll`, so read its fields inside tests only.
 */
export function useSpecServer(options: UseSpecServerOptions = {}): SpecClient {
  const spec = {} as SpecClient;

  beforeAll(async () => {
    const serverOptions: StartSpecServerOptions = {};
    if (options.apiKey !== undefined) serverOptions.apiKeys = [options.apiKey];
    if (options.overlays !== undefined) serverOptions.overlays = options.overlays;
    spec.server = await startSpecServer(serverOptions);

    const clientOptions: ClientOptions = {
      apiKey: options.apiKey ?? 'sk_test_default',
      baseUrl: spec.server.url,
    };
    if (options.clientId !== undefined) clientOptions.clientId = options.clientId;
    spec.workos = new WorkOS(clientOptions);
  });

  afterAll(() => spec.server.close());

  if (options.clearRequests === true) {
    beforeEach(() => {
      spec.server.requests.length = 0;
    });
  }

  return spec;
}
