import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Runs `work` with the app's request handler listening on a loopback port of its own (`work` gets its base URL),
 * closed afterwards. The server asks itself questions this way (the warm-up before it listens, answers worked out
 * again after a change) without depending on the address it listens on, or on its listening at all.
 */
export async function onLoopback<T>(handler: RequestListener, work: (baseUrl: string) => Promise<T>): Promise<T> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await work(`http://127.0.0.1:${port}`);
  } finally {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
}
