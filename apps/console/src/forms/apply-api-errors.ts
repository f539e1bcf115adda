import type { UseFormReturnType } from '@mantine/form';
import { ApiError } from '../api/api-error';

type FieldErrorSink = Pick<UseFormReturnType<Record<string, unknown>>, 'setFieldError'>;

/**
 * Shows a VALIDATION_FAILED answer's problems beside the form's fields (`details[].field` is the
 * DTO property path, e.g. `points` or `rules.0.multiplier`, which is also Mantine form's path).
 * Returns true when every problem found a field, false when the caller should show the error
 * as a whole (another code, or a field the form does not have).
 */
export function applyApiErrors(
  form: FieldErrorSink,
  error: unknown,
  fields: readonly string[],
): boolean {
  if (!(error instanceof ApiError)) {
    return false;
  }
  const problems = error.fieldProblems;
  if (problems.length === 0) {
    return false;
  }
  let allPlaced = true;
  for (const { field, problems: messages } of problems) {
    const target = fields.find((name) => field === name || field.startsWith(`${name}.`));
    if (target === undefined) {
      allPlaced = false;
      continue;
    }
    form.setFieldError(field, messages.join(' '));
  }
  return allPlaced;
}
