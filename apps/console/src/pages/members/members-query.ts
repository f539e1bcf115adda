import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Segment } from './segment-labels';

export const MIN_SEARCH_LENGTH = 2;
const PAGE_SIZE = 50;

/**
 * Newest members first, or those matching `q` (name, email, phone or card), page by page; only
 * those in an RFM segment when one is given.
 */
export function useMemberSearch(q: string, segment?: Segment) {
  const search = q.trim().length >= MIN_SEARCH_LENGTH ? q.trim() : undefined;
  return useInfiniteQuery({
    queryKey: ['members', 'search', search ?? '', segment ?? ''],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/members', {
          params: { query: { q: search, segment, cursor: pageParam, limit: PAGE_SIZE } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
