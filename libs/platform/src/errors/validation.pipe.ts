import { ValidationError, ValidationPipe } from '@nestjs/common';
import { validationFailed } from './domain-error';

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Strict input validation: unknown fields are rejected, types converted, every problem listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const summary = details.flatMap((d) => d.problems).join('; ');
      return validationFailed(summary || 'The request is not valid.', details);
    },
  });
}
