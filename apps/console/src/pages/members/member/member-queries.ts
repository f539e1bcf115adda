import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';

export type Member = components['schemas']['MemberDto'];
export type MemberInsights = components['schemas']['MemberInsightsDto'];

const PAGE_SIZE = 20;

export const memberKey = (id: string) => ['members', id] as const;

export function useMember(id: string) {
  return useQuery({
    queryKey: memberKey(id),
    queryFn: () => unwrap(api.GET('/v1/members/{id}', { params: { path: { id } } })),
  });
}

export function useMemberActivity(id: string) {
  return useInfiniteQuery({
    queryKey: [...memberKey(id), 'activity'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/members/{id}/activity', {
          params: { path: { id }, query: { cursor: pageParam, limit: PAGE_SIZE } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useMemberPerks(id: string) {
  return useInfiniteQuery({
    queryKey: [...memberKey(id), 'perks'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/members/{id}/perks', {
          params: { path: { id }, query: { cursor: pageParam, limit: PAGE_SIZE } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Insights, or why there are none: no model fitted yet, or no purchases before its cut-off. */
export type InsightsResult =
  { kind: 'scored'; insights: MemberInsights } | { kind: 'notFitted' } | { kind: 'noPurchases' };

export function useMemberInsights(id: string) {
  return useQuery({
    queryKey: [...memberKey(id), 'insights'],
    queryFn: async (): Promise<InsightsResult> => {
      try {
        const insights = await unwrap(
          api.GET('/v1/members/{id}/insights', { params: { path: { id } } }),
        );
        return { kind: 'scored', insights };
      } catch (error) {
        if (error instanceof ApiError && error.code === 'INSIGHT_MODEL_NOT_FITTED') {
          return { kind: 'notFitted' };
        }
        if (error instanceof ApiError && error.code === 'MEMBER_INSIGHTS_NOT_FOUND') {
          return { kind: 'noPurchases' };
        }
        throw error;
      }
    },
  });
}

export function useTiers(enabled: boolean) {
  return useQuery({
    queryKey: ['tiers', 'all'],
    queryFn: () => unwrap(api.GET('/v1/tiers', { params: { query: { limit: 200 } } })),
    enabled,
  });
}
