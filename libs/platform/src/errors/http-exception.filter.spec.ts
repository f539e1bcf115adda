import { type ArgumentsHost, Logger } from '@nestjs/common';
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
});
