import { DomainError, notFound } from './errors/domain-error';

export const PLATFORM_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'ENDPOINT_NOT_GUARDED',
  'CSRF_ORIGIN_MISMATCH',
  'CSRF_TOKEN_INVALID',
  'INVALID_CREDENTIALS',
  'TOO_MANY_SIGN_IN_ATTEMPTS',
  'SESSION_NOT_FOUND',
  'STAFF_USER_EXISTS',
  'STAFF_USER_NOT_FOUND',
  'LAST_ADMIN',
  'API_KEY_NOT_FOUND',
  'IDEMPOTENCY_KEY_REQUIRED',
  'IDEMPOTENCY_KEY_REUSED',
] as const;

export type PlatformErrorCode = (typeof PLATFORM_ERROR_CODES)[number];
type PlatformError = DomainError<PlatformErrorCode>;

export const validationFailed = (message: string, details?: unknown): PlatformError =>
  new DomainError(400, 'VALIDATION_FAILED', message, details);

/** 400 for a cashier (key or staff user) created without the store it acts for. */
export const cashierNeedsStore = (what: 'A cashier' | 'A cashier key'): PlatformError =>
  validationFailed(`${what} must be bound to a storeId.`, [
    { field: 'storeId', problems: ['storeId is required for the cashier role'] },
  ]);

export const unauthorized = (): PlatformError =>
  new DomainError(
    401,
    'UNAUTHORIZED',
    'A valid API key, member token or console session is required.',
  );

export const sessionEnded = (): PlatformError =>
  new DomainError(401, 'UNAUTHORIZED', 'The session has ended: sign in again.');

export const invalidCredentials = (): PlatformError =>
  new DomainError(401, 'INVALID_CREDENTIALS', 'The email or the password is not right.');

export const forbidden = (message = 'You may not do this.'): PlatformError =>
  new DomainError(403, 'FORBIDDEN', message);

/** Fail closed: a route that declares no access rule is refused to everyone. */
export const endpointNotGuarded = (): PlatformError =>
  new DomainError(403, 'ENDPOINT_NOT_GUARDED', 'This endpoint declares no access rule.');

export const csrfOriginMismatch = (origin: string): PlatformError =>
  new DomainError(
    403,
    'CSRF_ORIGIN_MISMATCH',
    `Requests signed in with a session cookie must come from this server's own origin, not ${origin}.`,
  );

export const csrfTokenInvalid = (header: string): PlatformError =>
  new DomainError(
    403,
    'CSRF_TOKEN_INVALID',
    `A write signed in with a session cookie needs the session's csrfToken in the ${header} header.`,
  );

export const tooManySignInAttempts = (retryAfterSeconds: number): PlatformError =>
  new DomainError(
    429,
    'TOO_MANY_SIGN_IN_ATTEMPTS',
    `Too many sign-in attempts: try again in ${retryAfterSeconds} seconds.`,
  );

export const sessionNotFound = (): PlatformError =>
  new DomainError(
    404,
    'SESSION_NOT_FOUND',
    'This request was made with an API key, not a console session cookie.',
  );

export const staffUserExists = (): PlatformError =>
  new DomainError(409, 'STAFF_USER_EXISTS', 'A staff user with this email already exists.');

export const staffUserNotFound = (): PlatformError =>
  notFound('The staff user', 'STAFF_USER_NOT_FOUND');

export const lastAdmin = (): PlatformError =>
  new DomainError(
    409,
    'LAST_ADMIN',
    'This is the last enabled admin user: make another user admin before disabling, demoting or deleting it.',
  );

export const apiKeyNotFound = (): PlatformError => notFound('The API key', 'API_KEY_NOT_FOUND');

export const idempotencyKeyRequired = (): PlatformError =>
  new DomainError(400, 'IDEMPOTENCY_KEY_REQUIRED', 'This request needs an Idempotency-Key header.');

export const idempotencyKeyInvalid = (): PlatformError =>
  validationFailed('Idempotency-Key must be 1 to 200 printable characters.');

export const idempotencyKeyReused = (): PlatformError =>
  new DomainError(
    409,
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used with a different request.',
  );
