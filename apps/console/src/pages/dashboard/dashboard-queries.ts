import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Period } from './dashboard-period';
import type { ReportCalendar } from './report-calendar';

export function usePareto(period: Period) {
  return useQuery({
    queryKey: ['dashboard', 'pareto', period],
    queryFn: () => unwrap(api.GET('/v1/reports/pareto', { params: { query: period } })),
    // Another period keeps the last one on screen until its numbers arrive.
    placeholderData: keepPreviousData,
  });
}

export function useLiability(calendar: ReportCalendar) {
  return useQuery({
    queryKey: ['dashboard', 'liability', calendar],
    queryFn: () => unwrap(api.GET('/v1/reports/liability', { params: { query: { calendar } } })),
  });
}

export function useGoodwill(period: Period, calendar: ReportCalendar) {
  return useQuery({
    queryKey: ['dashboard', 'goodwill', period, calendar],
    queryFn: () =>
      unwrap(api.GET('/v1/reports/goodwill', { params: { query: { ...period, calendar } } })),
    placeholderData: keepPreviousData,
  });
}

/** The program's time zone: report months start at midnight there. */
export function useProgramTimeZone(): string | undefined {
  const program = useQuery({
    queryKey: ['program'],
    queryFn: () => unwrap(api.GET('/v1/program')),
  });
  return program.data?.timeZone;
}

export function useTierDistribution() {
  return useQuery({
    queryKey: ['dashboard', 'tiers'],
    queryFn: () => unwrap(api.GET('/v1/reports/tiers')),
  });
}

export function useOverview(period: Period) {
  return useQuery({
    queryKey: ['dashboard', 'overview', period],
    queryFn: () => unwrap(api.GET('/v1/reports/overview', { params: { query: period } })),
    placeholderData: keepPreviousData,
  });
}

export function useSegments(period: Period) {
  return useQuery({
    queryKey: ['dashboard', 'segments', period],
    queryFn: () => unwrap(api.GET('/v1/reports/segments', { params: { query: period } })),
    placeholderData: keepPreviousData,
  });
}

export function useClv() {
  return useQuery({
    queryKey: ['dashboard', 'clv'],
    queryFn: () => unwrap(api.GET('/v1/reports/clv')),
  });
}
