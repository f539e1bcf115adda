/** Every event Vafa emits, in the order the README's catalog lists them. */
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
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const isEventType = (value: unknown): value is EventType =>
  typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
