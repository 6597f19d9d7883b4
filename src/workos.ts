import { APIClient } from './core/client.js';
import { resolveConfig, type ClientOptions } from './core/config.js';
import { WorkOSResources } from './generated/resources.js';

/**
 * The WorkOS API client. Every API namespace hangs off it (`workos.organizations`,
 * `workos.userManagement`, `workos.sso`...). One instance serves any number of concurrent calls.
 *
 * Options left out are read from `WORKOS_API_KEY`, `WORKOS_CLIENT_ID` and `WORKOS_BASE_URL` where
 * the runtime has `process.env`.
 *
 * @throws {WorkOSConfigError} when an option is invalid: an API key or user agent with bytes not
 * allowed in an HTTP header, a `baseUrl` that is not an absolute http(s) URL, a bad timeout.
 *
 * @example
 * const workos = new WorkOS({ apiKey: 'sk_test_...', clientId: 'client_...' });
 * const org = await workos.organizations.getOrganization('org_123');
 */
export class WorkOS extends WorkOSResources {
  readonly #options: ClientOptions;
  readonly #client: APIClient;

  constructor(options: ClientOptions | string = {}) {
    const resolvedOptions = typeof options === 'string' ? { apiKey: options } : { ...options };
    const client = new APIClient(resolveConfig(resolvedOptions));
    super(client);
    this.#options = resolvedOptions;
    this.#client = client;
  }

  /** The client ID used by AuthKit and SSO calls, if one is configured. */
  get clientId(): string | undefined {
    return this.#client.clientId;
  }

  /** The base URL requests go to. */
  get baseUrl(): string {
    return this.#client.baseUrl;
  }

  /**
   * Returns a new client with these options over this one's. `headers` are merged; every other
   * option replaces the current value. This client is left unchanged.
   *
   * @example
   * const patient = workos.withOptions({ timeout: 120_000, maxRetries: 5 });
   */
  withOptions(overrides: ClientOptions): WorkOS {
    return new WorkOS({
      ...this.#options,
      ...overrides,
      headers: { ...this.#options.headers, ...overrides.headers },
    });
  }
}
