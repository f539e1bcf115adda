import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { toApiError } from '../../../api/api-error';
import { saveBlob } from '../../../components/data/csv';

export const RUN_GROUPS = ['treated', 'holdout', 'skipped'] as const;
export type RunGroup = (typeof RUN_GROUPS)[number];

const PAGE_SIZE = 50;

/** The members of one run, by member id, optionally one group, page by page. */
export function useRunMembers(campaignId: string, runId: string, group: RunGroup | undefined) {
  return useInfiniteQuery({
    queryKey: ['campaigns', campaignId, 'runs', runId, 'members', group ?? 'all'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/campaigns/{id}/runs/{runId}/members', {
          params: {
            path: { id: campaignId, runId },
            query: { group, cursor: pageParam, limit: PAGE_SIZE },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

const ATTACHMENT_NAME = /filename="([^"]+)"/;

/**
 * Downloads the server's CSV of the run's members (all of them, not only the pages loaded) through
 * the typed client, so the session cookie and the sign-in redirect on 401 apply as to any call.
 */
export async function downloadRunMembers(
  campaignId: string,
  runId: string,
  group: RunGroup | undefined,
): Promise<void> {
  const { data, error, response } = await api.GET(
    '/v1/campaigns/{id}/runs/{runId}/members/export',
    { params: { path: { id: campaignId, runId }, query: { group } }, parseAs: 'blob' },
  );
  if (error !== undefined || !response.ok || data === undefined) {
    throw toApiError(response.status, error);
  }
  const named = ATTACHMENT_NAME.exec(response.headers.get('Content-Disposition') ?? '')?.[1];
  saveBlob(named ?? `campaign-${campaignId}-run-${runId}-members.csv`, data);
}
