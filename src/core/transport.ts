import { WorkOSConfigError } from './errors.js';

/** One HTTP request as the client hands it to a transport. */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Headers;
  /** The serialized JSON body, or `undefined` for none. */
  body: string | undefined;
  /** Aborted on timeout or when the caller's signal aborts. */
  signal: AbortSignal;
}

/**
 * Sends HTTP requests for the client. Replace the default (global `fetch`) to route through a
 * proxy, record traffic in tests, or run on a runtime with its own HTTP stack.
 *
 * A transport resolves with any response, whatever the status, and rejects only when no response
 * arrived. It must honour `signal`.
 */
export interface HttpTransport {
  send(request: TransportRequest): Promise<Response>;
}

/** A `fetch`-compatible function. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Builds an {@link HttpTransport} on a `fetch` function; the global `fetch` by default. */
export function fetchTransport(fetchImpl?: FetchLike): HttpTransport {
  return {
    send(request) {
      // Read the global at call time, so a fetch installed after the client was built is used.
      const send: FetchLike | undefined = fetchImpl ?? (globalThis.fetch as FetchLike | undefined);
      if (!send) {
        throw new WorkOSConfigError(
          'This runtime has no global fetch: pass the fetch option to new WorkOS()',
        );
      }
      return send(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: request.signal,
      });
    },
  };
}
