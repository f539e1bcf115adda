import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { memberKey } from '../members/member/member-queries';

export type Perk = components['schemas']['PerkDto'];
export type TillReward = components['schemas']['MyRewardDto'];

const PAGE_SIZE = 50;

// Under the member's own key, so invalidating ['members'] after a write refreshes all of them.
export function useTillPerks(memberId: string) {
  return useInfiniteQuery({
    queryKey: [...memberKey(memberId), 'till', 'perks'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/pos/members/{id}/perks', {
          params: { path: { id: memberId }, query: { cursor: pageParam, limit: PAGE_SIZE } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useTillRewards(memberId: string) {
  return useInfiniteQuery({
    queryKey: [...memberKey(memberId), 'till', 'rewards'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/pos/members/{id}/rewards', {
          params: { path: { id: memberId }, query: { cursor: pageParam, limit: PAGE_SIZE } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Coupon codes the member may apply at checkout now (perks are handed over, not applied). */
export const usableCoupons = (perks: readonly Perk[]): (Perk & { code: string })[] =>
  perks.filter(
    (perk): perk is Perk & { code: string } => perk.status === 'active' && perk.code !== null,
  );
