import type { TFunction } from 'i18next';
import type { DeliveryStatus } from './webhooks-query';

export const DELIVERY_FILTERS = ['all', 'pending', 'succeeded', 'failed'] as const;
export type DeliveryFilter = (typeof DELIVERY_FILTERS)[number];

export function deliveryStatusLabel(t: TFunction, status: DeliveryFilter): string {
  const labels: Record<DeliveryFilter, string> = {
    all: t('webhooks.deliveries.all'),
    pending: t('webhooks.deliveries.pending'),
    succeeded: t('webhooks.deliveries.succeeded'),
    failed: t('webhooks.deliveries.failed'),
  };
  return labels[status];
}

/** Dark shades, so the white label is AA-readable. */
export const STATUS_COLOURS: Record<DeliveryStatus, string> = {
  pending: 'blue.9',
  succeeded: 'teal.9',
  failed: 'red.9',
};
