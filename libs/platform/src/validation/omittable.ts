import { applyDecorators } from '@nestjs/common';
import { ValidateBy, ValidateIf, ValidationArguments } from 'class-validator';

/**
 * Like `@IsOptional()`, but only leaving the field out skips validation: `null` is refused.
 * For fields whose column is NOT NULL, where `@IsOptional()` would let null reach the database.
 */
export function IsOmittable(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    ValidateBy({
      name: 'isNotNull',
      validator: {
        validate: (value: unknown) => value !== null,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must not be null (leave it out instead)`,
      },
    }),
  );
}
