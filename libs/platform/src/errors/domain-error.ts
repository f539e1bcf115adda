/**
 * A stable UPPER_SNAKE error code. Each lib declares its own codes as a union in its `*.errors.ts`
 * (derived from an exported `*_ERROR_CODES` list) and builds its errors only there.
 */
export type ErrorCode = Uppercase<string>;

/** The statuses a DomainError maps to at the edge. */
export type DomainErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503;

/**
 * A failure the caller can act on, carrying a stable UPPER_SNAKE code and the HTTP status it maps
 * to at the edge. Domain code throws these; nothing else decides status codes. Build them with
 * the owning lib's factories (its `*.errors.ts`), which narrow `Code` to that lib's codes.
 */
export class DomainError<Code extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly status: DomainErrorStatus,
    readonly code: Code,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** 404 with the sentence every "not found" answer uses: `${what} was not found.` */
export const notFound = <Code extends ErrorCode>(what: string, code: Code): DomainError<Code> =>
  new DomainError(404, code, `${what} was not found.`);
