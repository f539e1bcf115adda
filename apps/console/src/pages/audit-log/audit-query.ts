import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type AuditEntry = components['schemas']['AuditEntryDto'];
export type ResourceType = AuditEntry['resource']['type'];
export type AuditAction = AuditEntry['action'];

export const RESOURCE_TYPES: readonly ResourceType[] = [
  'program',
  'earning_rule',
  'tier',
  'reward',
  'referral_program',
  'campaign',
  'api_key',
  'staff_user',
  'member_tier',
  'webhook_endpoint',
];

export interface AuditFilters {
  resourceType?: ResourceType;
  resourceId?: string;
  actorId?: string;
  /** YYYY-MM-DD, the first and last days shown (the browser's time zone). */
  fromDay?: string;
  toDay?: string;
}

const PAGE_SIZE = 25;

/** The start of a day in the browser's time zone, as the API's ISO instant. */
export const startOfDay = (day: string): string => new Date(`${day}T00:00:00`).toISOString();

/** The start of the day after: `to` is exclusive, so the last day is shown whole. */
export function endOfDay(day: string): string {
  const next = new Date(`${day}T00:00:00`);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
}

/** Changes newest first, page by page, filtered by resource, actor and days. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['auditLog', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/audit-log', {
          params: {
            query: {
              cursor: pageParam,
              limit: PAGE_SIZE,
              resourceType: filters.resourceType,
              resourceId: filters.resourceId,
              actorId: filters.actorId,
              from: filters.fromDay ? startOfDay(filters.fromDay) : undefined,
              to: filters.toDay ? endOfDay(filters.toDay) : undefined,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
