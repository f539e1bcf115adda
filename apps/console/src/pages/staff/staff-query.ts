import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type StaffUser = components['schemas']['StaffUserDto'];
export type CreateStaffUser = components['schemas']['CreateStaffUserDto'];
export type PatchStaffUser = components['schemas']['PatchStaffUserDto'];

const KEY = ['staff'] as const;

export function useStaffUsers() {
  return useInfiniteQuery({
    queryKey: KEY,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/staff-users', { params: { query: { cursor: pageParam, limit: 50 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useCreateStaffUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStaffUser) => unwrap(api.POST('/v1/staff-users', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function usePatchStaffUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchStaffUser) =>
      unwrap(api.PATCH('/v1/staff-users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteStaffUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/v1/staff-users/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
