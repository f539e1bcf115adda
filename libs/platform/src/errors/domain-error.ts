/**
 * A failure the caller can act on, carrying a stable UPPER_SNAKE code and the HTTP status it maps
 * to at the edge. Domain code throws these; nothing else decides status codes.
 */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const validationFailed = (message: string, details?: unknown): DomainError =>
  new DomainError(400, 'VALIDATION_FAILED', message, details);

export const notFound = (what: string, code = 'NOT_FOUND'): DomainError =>
  new DomainError(404, code, `${what} was not found.`);

export const forbidden = (message = 'You may not do this.'): DomainError =>
  new DomainError(403, 'FORBIDDEN', message);

export const idempotencyKeyReused = (): DomainError =>
  new DomainError(
    409,
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used with a different request.',
  );
