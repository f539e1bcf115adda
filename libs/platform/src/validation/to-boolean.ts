/**
 * For `@Transform(toBoolean)` on a query parameter: `true` and `false` as booleans; anything else
 * as is, for `@IsBoolean()` to refuse.
 */
export const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
