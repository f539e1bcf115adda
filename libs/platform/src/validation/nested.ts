import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateNested } from 'class-validator';

/**
 * One nested object of class `type`. `@ValidateNested()` alone validates each element of an
 * array given instead, so `[]` or `[{...}]` would pass where an object belongs.
 */
export function IsNestedObject(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsObject(), ValidateNested(), Type(type));
}

/** An array of objects of class `type`: `[[]]` and `[null]` are refused, not skipped. */
export function IsNestedObjectArray(type: () => new () => object): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(type),
  );
}
