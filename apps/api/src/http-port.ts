import { createServer } from 'node:net';
import { ConfigError } from '@vafa/platform';

/** A port someone else listens on (or that we may not use), as one sentence, not a stack. */
export function portProblem(error: unknown, port: number): ConfigError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return new ConfigError([
      `port ${port} is already in use (another Vafa server or another program listens on it); stop that or set PORT to a free port`,
    ]);
  }
  if (code === 'EACCES') {
    return new ConfigError([`this user may not listen on port ${port}; set PORT to 1024 or above`]);
  }
  return undefined;
}

/**
 * Fails with a sentence when the HTTP port cannot be listened on, before anything (such as the
 * embedded database) is started for nothing. Listens the way the server will: on every address.
 */
export async function ensurePortFree(port: number): Promise<void> {
  if (port === 0) {
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(portProblem(error, port) ?? error));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/**
 * Listens on every address, as Node does for a server given no host: IPv6 and IPv4 on `::`,
 * or IPv4 alone where the machine has no IPv6. (Fastify's own default is localhost only.)
 */
export async function listenEverywhere(
  app: { listen: (port: number, host: string) => Promise<unknown> },
  port: number,
): Promise<void> {
  try {
    await app.listen(port, '::');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code !== 'EAFNOSUPPORT' && code !== 'EADDRNOTAVAIL') {
      throw error;
    }
    await app.listen(port, '0.0.0.0');
  }
}
