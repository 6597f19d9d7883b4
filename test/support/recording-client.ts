import { APIClient } from '../../src/core/client.js';
import { resolveConfig, type ClientOptions } from '../../src/core/config.js';
import type { HttpTransport, TransportRequest } from '../../src/core/transport.js';
import { WorkOSResources } from '../../src/generated/resources.js';

const EMPTY_LIST_PAGE = JSON.stringify({
  object: 'list',
  data: [],
  list_metadata: { before: null, after: null },
});

/**
 * Builds the generated namespaces on a transport that records each request and answers every
 * one with an empty list page, so tests can check what a method sends without a server.
 * Retries are off and nothing leaves the process.
 */
export function recordingResources(options: Pick<ClientOptions, 'apiKey' | 'clientId'>): {
  resources: WorkOSResources;
  requests: TransportRequest[];
} {
  const requests: TransportRequest[] = [];
  const transport: HttpTransport = {
    send(request) {
      requests.push(request);
      return Promise.resolve(
        new Response(EMPTY_LIST_PAGE, {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      );
    },
  };
  const config = resolveConfig({
    ...options,
    baseUrl: 'http://127.0.0.1:1',
    transport,
    maxRetries: 0,
  });
  return { resources: new WorkOSResources(new APIClient(config)), requests };
}
