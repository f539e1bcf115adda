const READ_ONLY_FIELDS = Symbol('vafa:read-only-fields');

/**
 * Names the fields a resource's GET answer carries that its PUT body does not set (ids, counters,
 * timestamps). A body sent to an endpoint taking this DTO has them removed before validation, so
 * what GET returned can be sent back with PUT.
 */
export const ReadOnlyFields =
  (...fields: string[]): ClassDecorator =>
  (target) => {
    Reflect.defineMetadata(READ_ONLY_FIELDS, fields, target);
  };

export function readOnlyFieldsOf(type: unknown): readonly string[] {
  if (typeof type !== 'function') {
    return [];
  }
  return (Reflect.getMetadata(READ_ONLY_FIELDS, type) as string[] | undefined) ?? [];
}

/** A copy of a plain object without the DTO's read-only fields; anything else unchanged. */
export function withoutReadOnlyFields(type: unknown, value: unknown): unknown {
  const fields = readOnlyFieldsOf(type);
  if (fields.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value)) {
    return value;
  }
  const copy = { ...(value as Record<string, unknown>) };
  for (const field of fields) {
    delete copy[field];
  }
  return copy;
}
