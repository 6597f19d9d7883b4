import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The loopback address every test server listens on; never a wildcard address. */
export const LOOPBACK_HOST = '127.0.0.1';

/** A server started by {@link listenOnLoopback}. */
export interface LoopbackListener {
  /** Base URL with no trailing slash, e.g. `http://127.0.0.1:49152`. */
  url: string;
  port: number;
  /**
   * Stops accepting connections, destroys open ones (idle, busy or hanging) and waits until the
   * server has closed. Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

/**
 * Starts `server` on 127.0.0.1 and a free port chosen by the operating system.
 *
 * Binding the IPv4 loopback address explicitly matters: Node's default host is the wildcard
 * address, which would accept connections from other machines.
 */
export async function listenOnLoopback(server: Server): Promise<LoopbackListener> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${LOOPBACK_HOST}:${port}`,
    port,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}

const LOOPBACK_HOSTNAMES = new Set(['localhost', '[::1]']);

/** Checks whether a URL points at this machine's loopback interface (127.0.0.0/8, `::1` or `localhost`). */
export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTNAMES.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}
