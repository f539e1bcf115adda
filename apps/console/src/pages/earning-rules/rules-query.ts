import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Earning rules page by page (the API's order). */
export function useEarningRules() {
  return useInfiniteQuery({
    queryKey: ['earningRules', 'list'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/earning-rules', { params: { query: { cursor: pageParam, limit: 100 } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
