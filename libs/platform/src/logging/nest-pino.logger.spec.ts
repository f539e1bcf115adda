import { Writable } from 'node:stream';
import pino from 'pino';
import { NestPinoLogger } from './nest-pino.logger';

function loggerWithLines(): { logger: NestPinoLogger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const root = pino({ level: 'debug' }, stream);
  return { logger: new NestPinoLogger(root), lines };
}

describe("Nest's logger over pino", () => {
  it('takes the last argument as the context and merges an object first argument', () => {
    const { logger, lines } = loggerWithLines();
    logger.log('started', 'Campaigns');
    logger.error({ errorId: 'e-1' }, 'unhandled error', 'Errors');
    expect(lines[0]).toMatchObject({ level: 30, msg: 'started', context: 'Campaigns' });
    expect(lines[1]).toMatchObject({ level: 50, msg: 'unhandled error', errorId: 'e-1' });
    expect(lines[1]?.context).toBe('Errors');
  });

  it("turns Nest's (message, stack, context) error calls into an error with that stack", () => {
    const { logger, lines } = loggerWithLines();
    logger.error('boom', 'Error: boom\n    at somewhere (file.ts:1:1)', 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({ context: 'ExceptionsHandler' });
    expect((lines[0]?.err as { stack: string }).stack).toContain('at somewhere');
  });

  it('skips levels that are off', () => {
    const { logger, lines } = loggerWithLines();
    logger.verbose('noise', 'Jobs');
    expect(lines).toEqual([]);
  });
});
