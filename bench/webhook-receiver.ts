/**
 * The merchant's webhook receiver for the webhooks benchmark, in a child process of its own (so
 * it does not share the load generator's event loop): answers every POST with 204 at once and
 * counts the distinct webhook-ids. Over IPC: { type: 'listening', port } once listening; the
 * message 'count' is answered with { type: 'count', count }; a lost parent ends it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const seen = new Set<string>();
const server = createServer((req, res) => {
  const id = req.headers['webhook-id'];
  req.resume();
  req.on('end', () => {
    if (typeof id === 'string') {
      seen.add(id);
    }
    res.writeHead(204).end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'listening', port: (server.address() as AddressInfo).port });
});
process.on('message', (message) => {
  if (message === 'count') {
    process.send?.({ type: 'count', count: seen.size });
  }
});
process.on('disconnect', () => process.exit(0));
