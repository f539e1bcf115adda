import { type CallHandler, type ExecutionContext, Logger } from '@nestjs/common';
import { lastValueFrom, throwError } from 'rxjs';
import { DomainError } from '../errors/domain-error';
import { DataExceptionInterceptor } from './data-exception.interceptor';

describe('DataExceptionInterceptor', () => {
  const request = { id: 'req-9', method: 'POST', url: '/v1/orders?x=1' };
  const context = {
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  const failWith = (error: unknown): Promise<unknown> => {
    const next: CallHandler = { handle: () => throwError(() => error) };
    return lastValueFrom(new DataExceptionInterceptor().intercept(context, next)).catch(
      (caught: unknown) => caught,
    );
  };
  const queryFailed = (code: string) =>
    Object.assign(new Error('query failed'), { driverError: { code } });

  it.each(['22003', '22P02', '22021', '22008'])(
    'turns PostgreSQL data exception %s into 400 VALIDATION_FAILED',
    async (code) => {
      const mapped = await failWith(queryFailed(code));
      expect(mapped).toBeInstanceOf(DomainError);
      expect(mapped).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    },
  );

  it.each([
    ['division by zero, our fault', queryFailed('22012')],
    ['a unique violation', queryFailed('23505')],
    ['a connection failure', Object.assign(new Error('down'), { code: 'ECONNREFUSED' })],
    ['a plain error', new Error('boom')],
  ])('leaves %s alone', async (_case, error) => {
    expect(await failWith(error)).toBe(error);
  });

  it('logs the refusal with the request it belongs to', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      await failWith(queryFailed('22003'));
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ req: { id: 'req-9', method: 'POST', url: '/v1/orders' } }),
        'input refused by PostgreSQL',
      );
    } finally {
      warn.mockRestore();
    }
  });
});
