import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Duplex } from 'node:stream';
import { pathOf, securityHeadersFor } from './http-hardening';

interface ClientErrorAnswer {
  status: number;
  reason: string;
  code: string;
  message: string;
}

/** What Node itself would answer to each parser error, in the API's words. */
const ANSWERS: Record<string, ClientErrorAnswer> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
    message: 'The URL and headers together are too large (at most 16 KB).',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    reason: 'Payload Too Large',
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The chunk extensions of the request are too large.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'REQUEST_TIMEOUT',
    message: 'The request did not arrive in time.',
  },
};

const BAD_REQUEST: ClientErrorAnswer = {
  status: 400,
  reason: 'Bad Request',
  code: 'VALIDATION_FAILED',
  message: 'The request is not valid HTTP.',
};

/**
 * Node answers a request it cannot parse (URL and headers over 16 KB, a malformed request line,
 * a request past its deadline) by itself, before any route sees it, with an empty body. This
 * gives those answers the API's error format; like Node, it then closes the connection. It is
 * the HTTP server's `clientError` listener (Fastify's `clientErrorHandler` option).
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const { status, reason, code, message } = ANSWERS[error.code ?? ''] ?? BAD_REQUEST;
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/**
 * What Fastify's router refuses before any route or hook runs (a path segment that does not
 * decode, such as `%FF`; a path parameter over the router's limit), in the API's words and
 * with the headers every answer carries (Fastify's `frameworkErrors` option).
 */
export function answerRouterError(
  error: Error & { code?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const [status, code, message] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? [414, 'URI_TOO_LONG', 'A path parameter is too long.']
      : [400, 'VALIDATION_FAILED', 'The URL is not valid: a part of its path does not decode.'];
  void reply
    .headers(securityHeadersFor(pathOf(request.url)))
    .status(status)
    .send({ error: { code, message } });
}
