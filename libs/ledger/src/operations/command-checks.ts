import { validationFailed } from '@vafa/platform';

export function requirePositivePoints(points: number, field = 'points'): void {
  if (!Number.isSafeInteger(points) || points <= 0) {
    throw validationFailed(`${field} must be a positive whole number.`, [
      { field, problems: ['must be a positive integer'] },
    ]);
  }
}

export function requireKey(key: string): void {
  if (!key || key.length > 300) {
    throw validationFailed('An idempotency key of 1 to 300 characters is required.');
  }
}
