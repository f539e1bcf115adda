import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { api, setCsrfToken, unwrap } from './client';
import { toApiError } from './api-error';
import type { components } from './schema';

export type StaffSession = components['schemas']['StaffSessionDto'];
export type StaffRole = StaffSession['user']['role'];

export const SESSION_KEY = ['session'] as const;

function remember(session: StaffSession | null): StaffSession | null {
  setCsrfToken(session?.csrfToken ?? null);
  return session;
}

/** The signed-in staff user, or null when nobody is signed in (401). */
export function useSession(): UseQueryResult<StaffSession | null> {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/v1/auth/session');
      if (response.status === 401) {
        return remember(null);
      }
      if (error !== undefined || !data) {
        throw toApiError(response.status, error);
      }
      return remember(data);
    },
    staleTime: Infinity,
    retry: false,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      unwrap(api.POST('/v1/auth/session', { body })),
    onSuccess: (session) => {
      queryClient.setQueryData(SESSION_KEY, remember(session));
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/v1/auth/session')),
    onSettled: () => {
      // Whatever the server said, this browser forgets the user and everything it loaded.
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, remember(null));
    },
  });
}
