import type { TFunction } from 'i18next';
import type { components } from '../../api/schema';

export type Segment = components['schemas']['RfmDto']['segment'];

/** An RFM segment in words (the member page, the dashboard's grid, the members filter). */
export function segmentLabel(t: TFunction, segment: Segment): string {
  const labels: Record<Segment, string> = {
    champions: t('member.insights.segments.champions'),
    loyal: t('member.insights.segments.loyal'),
    potential_loyalist: t('member.insights.segments.potential_loyalist'),
    new_customers: t('member.insights.segments.new_customers'),
    promising: t('member.insights.segments.promising'),
    need_attention: t('member.insights.segments.need_attention'),
    about_to_sleep: t('member.insights.segments.about_to_sleep'),
    at_risk: t('member.insights.segments.at_risk'),
    cannot_lose_them: t('member.insights.segments.cannot_lose_them'),
    hibernating: t('member.insights.segments.hibernating'),
    lost: t('member.insights.segments.lost'),
  };
  return labels[segment];
}

/** The RFM segments the insights compute, in their order (libs/insights rfm.segments.ts). */
export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new_customers',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cannot_lose_them',
  'hibernating',
  'lost',
] as const satisfies readonly Segment[];

const SEGMENTS: readonly string[] = RFM_SEGMENTS;

export const isSegment = (value: string | null): value is Segment =>
  value !== null && SEGMENTS.includes(value);
