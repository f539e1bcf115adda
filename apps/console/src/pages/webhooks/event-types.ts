import type { TFunction } from 'i18next';
import type { Endpoint } from './webhooks-query';

export type EventType = Endpoint['eventTypes'][number];

/** The API's event catalog in its order (a unit test keeps it equal to the server's). */
export const EVENT_TYPES = [
  'member.enrolled',
  'member.updated',
  'member.birthday',
  'points.earned',
  'points.redeemed',
  'points.reversed',
  'points.adjusted',
  'points.pending_released',
  'points.expired',
  'points.expiring_soon',
  'tier.upgraded',
  'tier.downgraded',
  'tier.downgrade_warning',
  'reward.redeemed',
  'coupon.used',
  'coupon.expired',
  'referral.qualified',
  'referral.rewarded',
  'referral.held',
  'campaign.gift_granted',
  'campaign.run_completed',
  'webhook.test',
  'webhook_endpoint.disabled',
] as const satisfies readonly EventType[];

/**
 * What an event type means, in the reader's language; the type itself stays the API's code, as
 * receivers see it.
 */
export function eventTypeDescription(t: TFunction, type: EventType): string {
  const descriptions: Record<EventType, string> = {
    'member.enrolled': t('webhooks.eventTypes.member_enrolled'),
    'member.updated': t('webhooks.eventTypes.member_updated'),
    'member.birthday': t('webhooks.eventTypes.member_birthday'),
    'points.earned': t('webhooks.eventTypes.points_earned'),
    'points.redeemed': t('webhooks.eventTypes.points_redeemed'),
    'points.reversed': t('webhooks.eventTypes.points_reversed'),
    'points.adjusted': t('webhooks.eventTypes.points_adjusted'),
    'points.pending_released': t('webhooks.eventTypes.points_pending_released'),
    'points.expired': t('webhooks.eventTypes.points_expired'),
    'points.expiring_soon': t('webhooks.eventTypes.points_expiring_soon'),
    'tier.upgraded': t('webhooks.eventTypes.tier_upgraded'),
    'tier.downgraded': t('webhooks.eventTypes.tier_downgraded'),
    'tier.downgrade_warning': t('webhooks.eventTypes.tier_downgrade_warning'),
    'reward.redeemed': t('webhooks.eventTypes.reward_redeemed'),
    'coupon.used': t('webhooks.eventTypes.coupon_used'),
    'coupon.expired': t('webhooks.eventTypes.coupon_expired'),
    'referral.qualified': t('webhooks.eventTypes.referral_qualified'),
    'referral.rewarded': t('webhooks.eventTypes.referral_rewarded'),
    'referral.held': t('webhooks.eventTypes.referral_held'),
    'campaign.gift_granted': t('webhooks.eventTypes.campaign_gift_granted'),
    'campaign.run_completed': t('webhooks.eventTypes.campaign_run_completed'),
    'webhook.test': t('webhooks.eventTypes.webhook_test'),
    'webhook_endpoint.disabled': t('webhooks.eventTypes.webhook_endpoint_disabled'),
  };
  return descriptions[type];
}

export const isEventType = (value: string): value is EventType =>
  (EVENT_TYPES as readonly string[]).includes(value);
