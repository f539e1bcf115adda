/** For `@Transform(trimmed)`: a string without its surrounding white space; anything else as is. */
export const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
