import { type ArgumentsHost, Logger } from '@nestjs/common';
import { DATA_EXCEPTION_MESSAGE } from './data-exception';
import { HttpExceptionFilter } from './http-exception.filter';

function hostFor(request: unknown) {
  const sent: { status?: number; body?: unknown } = {};
  const reply = {
    sent: false,
    header: () => reply,
    status: (status: number) => {
      sent.status = status;
      return { send: (body: unknown) => (sent.body = body) };
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('HttpExceptionFilter', () => {
  it('answers an unexpected error 500 with an error id, and logs it with its request', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const { host, sent } = hostFor({ id: 'req-5', method: 'POST', url: '/v1/pos/checkouts?x=1' });
      new HttpExceptionFilter().catch(new Error('boom'), host);
      const body = sent.body as { error: { code: string; errorId: string } };
      expect(sent.status).toBe(500);
      expect(body.error.code).toBe('INTERNAL_ERROR');
      expect(error).toHaveBeenCalledWith(
        expect.objectContaining({
          errorId: body.error.errorId,
          req: { id: 'req-5', method: 'POST', url: '/v1/pos/checkouts' },
        }),
        'unhandled error',
      );
    } finally {
      error.mockRestore();
    }
  });

  describe('a PostgreSQL data exception', () => {
    const queryFailed = (code: string) =>
      Object.assign(new Error('query failed'), { driverError: { code } });
    const answer = (exception: unknown) => {
      const { host, sent } = hostFor({ id: 'req-9', method: 'POST', url: '/v1/orders?x=1' });
      new HttpExceptionFilter().catch(exception, host);
      return sent as { status: number; body: { error: { code: string; message: string } } };
    };
    let warn: jest.SpyInstance;
    let error: jest.SpyInstance;
    beforeEach(() => {
      warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    });
    afterEach(() => {
      warn.mockRestore();
      error.mockRestore();
    });

    it.each(['22003', '22P02', '22021', '22008'])(
      "answers %s as the caller's bad input: 400 VALIDATION_FAILED, logged with its request",
      (code) => {
        const sent = answer(queryFailed(code));
        expect(sent.status).toBe(400);
        expect(sent.body.error).toEqual({
          code: 'VALIDATION_FAILED',
          message: DATA_EXCEPTION_MESSAGE,
        });
        expect(warn).toHaveBeenCalledWith(
          expect.objectContaining({ req: { id: 'req-9', method: 'POST', url: '/v1/orders' } }),
          'input refused by PostgreSQL',
        );
      },
    );

    it.each([
      ['division by zero, our fault', queryFailed('22012'), 500],
      ['a unique violation', queryFailed('23505'), 500],
      ['a connection failure', Object.assign(new Error('down'), { code: 'ECONNREFUSED' }), 503],
    ])('leaves %s to its own answer', (_case, exception, status) => {
      expect(answer(exception).status).toBe(status);
      expect(warn).not.toHaveBeenCalled();
    });
  });
});
