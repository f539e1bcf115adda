import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from '../src/api/api-error';
import { applyApiErrors } from '../src/forms/apply-api-errors';

function recordingForm() {
  const errors: Record<string, string> = {};
  return {
    errors,
    setFieldError: (path: string, error: unknown) => (errors[path] = String(error)),
  };
}

const validationFailed = (details: unknown) =>
  toApiError(400, { error: { code: 'VALIDATION_FAILED', message: 'Bad input.', details } });

describe('applyApiErrors', () => {
  it('puts each field problem beside its field', () => {
    const form = recordingForm();
    const error = validationFailed([
      {
        field: 'points',
        problems: ['points must be an integer number', 'points must not be less than 1'],
      },
      { field: 'rules.0.multiplier', problems: ['multiplier must be positive'] },
    ]);
    expect(applyApiErrors(form, error, ['points', 'rules', 'reason'])).toBe(true);
    expect(form.errors).toEqual({
      points: 'points must be an integer number points must not be less than 1',
      'rules.0.multiplier': 'multiplier must be positive',
    });
  });

  it('says the error still needs showing when a field is not on the form', () => {
    const form = recordingForm();
    const error = validationFailed([{ field: 'storeId', problems: ['storeId must be a string'] }]);
    expect(applyApiErrors(form, error, ['points'])).toBe(false);
  });

  it('leaves other errors to the caller', () => {
    const form = recordingForm();
    expect(applyApiErrors(form, new ApiError(409, 'CONFLICT', 'Taken.'), ['points'])).toBe(false);
    expect(applyApiErrors(form, new Error('boom'), ['points'])).toBe(false);
    expect(form.errors).toEqual({});
  });
});

describe('toApiError', () => {
  it('reads the API error format, and falls back to the status for anything else', () => {
    const error = toApiError(409, { error: { code: 'EMAIL_TAKEN', message: 'Taken.' } });
    expect([error.status, error.code, error.message]).toEqual([409, 'EMAIL_TAKEN', 'Taken.']);
    expect(toApiError(502, '<html>Bad gateway</html>').code).toBe('HTTP_502');
  });
});
