/** A field that failed validation, as the API reports it in `error.details`. */
export interface FieldProblem {
  field: string;
  problems: string[];
}

/**
 * The API's error body (`{"error": {"code", "message", "details"}}`) as a thrown value, so
 * TanStack Query puts it in `query.error`; status 0 means the server could not be reached.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field problems of a VALIDATION_FAILED answer (empty for any other error). */
  get fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) {
      return [];
    }
    return this.details.filter(
      (d): d is FieldProblem =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as FieldProblem).field === 'string' &&
        Array.isArray((d as FieldProblem).problems),
    );
  }
}

export const NETWORK_ERROR = 'NETWORK_ERROR';

/** Turns whatever an API call answered with into an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } })
    ?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, error.details);
  }
  return new ApiError(status, `HTTP_${status}`, `The server answered ${status}.`);
}
