import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { withoutReadOnlyFields } from '../validation/read-only-fields';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { validationFailed } from '../platform.errors';

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
} as const;

const toValidationFailed = (errors: ValidationError[]): Error => {
  const details = flatten(errors);
  const summary = details.flatMap((d) => d.problems).join('; ');
  return validationFailed(summary || 'The request is not valid.', details);
};

/** Strict input validation: unknown fields are rejected, types converted, every problem listed. */
class VafaValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const input =
      metadata.type === 'body' ? withoutReadOnlyFields(metadata.metatype, value) : value;
    return super.transform(input, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new VafaValidationPipe({
    ...OPTIONS,
    transform: true,
    exceptionFactory: toValidationFailed,
  });
}

/**
 * PATCH: the fields a patch names replace the current ones (nested objects as a whole), and the
 * result is validated as a full body of `type`, so rules that span fields still hold.
 */
export async function mergePatch<T extends object>(
  type: new () => T,
  current: object,
  patch: object,
): Promise<T> {
  // The current resource as its GET answer would carry it (dates as ISO strings).
  const asSent = JSON.parse(JSON.stringify(current)) as object;
  const merged = {
    ...(withoutReadOnlyFields(type, asSent) as object),
    ...(withoutReadOnlyFields(type, patch) as object),
  };
  const instance = plainToInstance(type, merged);
  const errors = await validate(instance, OPTIONS);
  if (errors.length > 0) {
    throw toValidationFailed(errors);
  }
  return instance;
}
