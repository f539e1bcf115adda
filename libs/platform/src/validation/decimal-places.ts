import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * A finite number with at most `places` decimal places. class-validator's own
 * `maxDecimalPlaces` reads `toString()`, which lets exponent forms such as 1.5e-7 through and
 * throws a TypeError on others (5e-324), a 500.
 */
export function MaxDecimalPlaces(places: number, options?: ValidationOptions): PropertyDecorator {
  const scale = 10 ** places;
  return ValidateBy(
    {
      name: 'maxDecimalPlaces',
      constraints: [places],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          Math.round(value * scale) / scale === value,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must have at most ${places} decimal places`,
      },
    },
    options,
  );
}
