import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

/** This instant is strictly after the sibling field's (checked only when both are valid). */
export function IsAfterField(other: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAfterField',
      constraints: [other],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const before = (args?.object as Record<string, unknown> | undefined)?.[other];
          if (typeof value !== 'string' || typeof before !== 'string') {
            return true;
          }
          const end = Date.parse(value);
          const start = Date.parse(before);
          if (Number.isNaN(end) || Number.isNaN(start)) {
            return true;
          }
          return end > start;
        },
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must be after ${other}`,
      },
    },
    options,
  );
}
