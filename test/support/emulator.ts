import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { getRequestListener } from '@hono/node-server';
import type { EmulatorSeedConfig } from 'workos/emulate';

import { listenOnLoopback } from './loopback.js';
import { installedPackageDir } from './package-path.js';

/** The API key the WorkOS emulator accepts when its seed names none. */
export const DEFAULT_API_KEY = 'sk_test_default';

/** Seed data for the emulator, in the format of `createEmulator` from `workos/emulate`. */
export type EmulatorSeed = Omit<EmulatorSeedConfig, 'apiKeys'>;

/** Options for {@link startEmulator}. */
export interface StartEmulatorOptions {
  /**
   * API keys accepted besides {@link DEFAULT_API_KEY}: either a count, which names them
   * `sk_test_extra_1`, `sk_test_extra_2` and so on, or the names themselves (each must start
   * with `sk_`). The emulator allows each key 1,000 requests a minute and then responds `429`,
   * so tests that send more spread their requests over several keys. Default: none.
   */
  extraApiKeys?: number | readonly string[];
  /** Users, organizations, connections, roles and other records to create at start and on `reset()`. */
  seed?: EmulatorSeed;
}

/** A WorkOS emulator listening on 127.0.0.1. */
export interface RunningEmulator {
  /** Base URL with no trailing slash, e.g. `http://127.0.0.1:49152`. Also the issuer of its JWTs. */
  url: string;
  port: number;
  /** {@link DEFAULT_API_KEY}. */
  apiKey: string;
  /** Every accepted API key: the default key first, then the extra keys in order. */
  apiKeys: string[];
  /** Deletes every record and seeds again. Rate-limit counters are kept. */
  reset(): void;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/**
 * Starts the official WorkOS emulator (`workos` 0.14.0) on 127.0.0.1 and a free port.
 *
 * `createEmulator` from `workos/emulate` cannot be used as it is: it listens on the wildcard
 * address (every interface) and, given `port: 0`, builds invitation and logout URLs with port 0.
 * So this function builds the same server from the emulator's own parts and binds it to
 * loopback first, so that every URL the emulator writes carries the real port.
 *
 * @throws {Error} when an extra API key does not start with `sk_` or is listed twice.
 * @example
 * const emulator = await startEmulator({ extraApiKeys: 4 });
 * const response = await fetch(`${emulator.url}/organizations`, {
 *   headers: { Authorization: `Bearer ${emulator.apiKeys[1]}` },
 * });
 * await emulator.close();
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const apiKeys = [DEFAULT_API_KEY, ...extraKeyNames(options.extraApiKeys)];
  const parts = await loadEmulatorParts();

  // No request listener yet: the emulator needs its own URL, which exists only once bound.
  const httpServer = createHttpServer();
  const listener = await listenOnLoopback(httpServer);

  const apiKeyMap = Object.fromEntries(apiKeys.map((key) => [key, { environment: 'test' }]));
  const { app, store } = parts.createServer(parts.workosPlugin, {
    port: listener.port,
    baseUrl: listener.url,
    apiKeys: apiKeyMap,
  });
  app.get('/health', (context) => context.json({ status: 'ok' }));

  const seed = (): void => {
    parts.workosPlugin.seed?.(store, listener.url);
    if (options.seed) parts.seedFromConfig(store, listener.url, options.seed);
  };
  seed();

  // Leaving the global Request and Response alone keeps the caller's fetch untouched.
  httpServer.on('request', getRequestListener(app.fetch, { overrideGlobalObjects: false }));

  return {
    url: listener.url,
    port: listener.port,
    apiKey: DEFAULT_API_KEY,
    apiKeys,
    reset() {
      store.reset();
      seed();
    },
    close: listener.close,
  };
}

function extraKeyNames(extra: number | readonly string[] | undefined): string[] {
  if (extra === undefined) return [];

  if (typeof extra === 'number') {
    if (!Number.isInteger(extra) || extra < 0) {
      throw new Error(`extraApiKeys must be a whole number of keys, 0 or more (got ${extra})`);
    }
    return Array.from({ length: extra }, (_, index) => `sk_test_extra_${index + 1}`);
  }

  const seen = new Set<string>([DEFAULT_API_KEY]);
  for (const key of extra) {
    // The emulator's auth middleware rejects any bearer token without this prefix.
    if (!key.startsWith('sk_')) {
      throw new Error(`extraApiKeys entry ${JSON.stringify(key)} must start with "sk_"`);
    }
    if (seen.has(key)) {
      throw new Error(`extraApiKeys lists ${JSON.stringify(key)} twice or repeats the default key`);
    }
    seen.add(key);
  }
  return [...extra];
}

// The parts of `workos/emulate` used here. The package exports only `createEmulator`, so these
// are typed by hand from its 0.14.0 declaration files.
interface EmulatorStore {
  reset(): void;
}
interface EmulatorPlugin {
  seed?(store: EmulatorStore, baseUrl: string): void;
}
interface EmulatorApp {
  fetch(request: Request): Response | Promise<Response>;
  get(path: string, handler: (context: { json(body: unknown): Response }) => Response): unknown;
}
interface EmulatorParts {
  createServer(
    plugin: EmulatorPlugin,
    options: { port: number; baseUrl: string; apiKeys: Record<string, { environment: string }> },
  ): { app: EmulatorApp; store: EmulatorStore };
  workosPlugin: EmulatorPlugin;
  seedFromConfig(store: EmulatorStore, baseUrl: string, seed: EmulatorSeed): void;
}

/**
 * Imports the emulator's server factory and WorkOS plugin from their files next to the
 * `workos/emulate` entry point.
 */
async function loadEmulatorParts(): Promise<EmulatorParts> {
  // NOTE: these module paths are internal to `workos` 0.14.0 (the devDependency is pinned to
  // it); a new version of the package may move them.
  const entry = pathToFileURL(
    join(installedPackageDir('workos'), 'dist', 'emulate', 'index.js'),
  ).href;
  const core = (await import(new URL('./core/index.js', entry).href)) as Pick<
    EmulatorParts,
    'createServer'
  >;
  const plugin = (await import(new URL('./workos/index.js', entry).href)) as Pick<
    EmulatorParts,
    'workosPlugin' | 'seedFromConfig'
  >;

  return {
    createServer: core.createServer,
    workosPlugin: plugin.workosPlugin,
    seedFromConfig: plugin.seedFromConfig,
  };
}
