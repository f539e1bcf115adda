import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { logRequests } from './request-logging';

async function serverWithLines(
  level: string,
): Promise<{ app: FastifyInstance; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const root = pino({ level }, {
    write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
  } as never);
  const app = Fastify({ genReqId: () => 'req-1' });
  logRequests(app, root);
  app.get('/v1/things', () => ({ ok: true }));
  app.get('/v1/broken', () => {
    throw new Error('boom');
  });
  app.get('/health', () => ({ status: 'ok' }));
  await app.ready();
  return { app, lines };
}

describe('one log line per request', () => {
  it('names the request (id, method, path without the query) and its answer, and echoes the id', async () => {
    const { app, lines } = await serverWithLines('info');
    const response = await app.inject({ method: 'GET', url: '/v1/things?secret=x' });
    expect(response.headers['x-request-id']).toBe('req-1');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        req: { id: 'req-1', method: 'GET', url: '/v1/things' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
    ]);
  });

  it('logs a failed request as an error even when info lines are off, and never /health', async () => {
    const { app, lines } = await serverWithLines('warn');
    await app.inject({ method: 'GET', url: '/v1/things' });
    await app.inject({ method: 'GET', url: '/health' });
    await app.inject({ method: 'GET', url: '/v1/broken' });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'request errored',
        req: { id: 'req-1', method: 'GET', url: '/v1/broken' },
        res: { statusCode: 500 },
      }),
    ]);
  });
});
