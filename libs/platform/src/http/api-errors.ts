import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

export class ApiErrorDetail {
  @ApiProperty({ description: 'Stable UPPER_SNAKE code to act on', example: 'VALIDATION_FAILED' })
  code!: string;

  @ApiProperty({ description: 'A human sentence', example: 'points must be an integer number' })
  message!: string;

  @ApiPropertyOptional({
    description: 'Structured detail, by code (e.g. the fields that failed validation)',
    oneOf: [
      { type: 'object', additionalProperties: true },
      { type: 'array', items: { type: 'object', additionalProperties: true } },
    ],
    example: [{ field: 'points', problems: ['points must be an integer number'] }],
  })
  details?: unknown;

  @ApiPropertyOptional({ description: 'For 500 only: the id under which the error was logged' })
  errorId?: string;
}

/** Every error answer: `{"error": {code, message, details?}}`. */
export class ApiErrorBody {
  @ApiProperty({ type: ApiErrorDetail })
  error!: ApiErrorDetail;
}

export type DocumentedErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503;

const STATUS_MEANING: Record<DocumentedErrorStatus, string> = {
  400: 'Bad input',
  401: 'Missing, malformed, revoked or expired credentials',
  403: 'Not allowed for this caller',
  404: 'Not found',
  409: 'Conflict with the current state',
  422: 'Refused by a business rule',
  429: 'Too many requests',
  503: 'A dependency (the database) is unavailable; retry after Retry-After seconds',
};

/** One documented error answer, listing the codes it may carry, with the first as example. */
export function errorResponse(
  status: DocumentedErrorStatus,
  codes: readonly string[],
  meaning = STATUS_MEANING[status],
): Parameters<typeof ApiResponse>[0] {
  const [first = 'ERROR'] = codes;
  return {
    status,
    description: `${meaning}. Codes: ${codes.map((c) => `\`${c}\``).join(', ')}.`,
    type: ApiErrorBody,
    example: { error: { code: first, message: `${meaning}.` } },
  };
}

/**
 * Documents the error answers of an operation beyond those every operation has (400
 * `VALIDATION_FAILED`, 401, 403, 503 `DATABASE_UNAVAILABLE`), by status with their codes:
 * `@ApiErrors({ 404: ['MEMBER_NOT_FOUND'], 422: ['INSUFFICIENT_POINTS'] })`.
 */
export const ApiErrors = (
  errors: Partial<Record<DocumentedErrorStatus, readonly string[]>>,
): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ...Object.entries(errors).map(([status, codes]) =>
      ApiResponse(errorResponse(Number(status) as DocumentedErrorStatus, codes ?? [])),
    ),
  );
