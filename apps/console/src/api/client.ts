import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, NETWORK_ERROR, toApiError } from './api-error';
import type { paths } from './schema';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SESSION_PATH = '/v1/auth/session';

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => undefined;

/** The session answer's csrfToken, sent in X-CSRF-Token on every write made with the cookie. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when the session has ended (the app shell sends the user to sign-in). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !SAFE_METHODS.has(request.method)) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
  onResponse({ request, response }) {
    // The session endpoint's own 401 means "not signed in", which its caller handles.
    if (response.status === 401 && new URL(request.url).pathname !== SESSION_PATH) {
      setCsrfToken(null);
      onUnauthorized();
    }
    return response;
  },
  onError() {
    return new ApiError(0, NETWORK_ERROR, 'The server could not be reached.');
  },
};

/**
 * The typed API client: paths and bodies come from the committed openapi.json (`npm run
 * openapi:types`). Same origin as the console, so the base URL is the page's own.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'include' });
api.use(sessionMiddleware);

/**
 * The data of a successful answer, or the API's error thrown as an ApiError: use it inside
 * `queryFn`/`mutationFn` so TanStack Query sees failures.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    throw toApiError(response.status, error);
  }
  return data as T;
}
