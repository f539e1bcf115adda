import { Button, Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { DeliveryCard } from './DeliveryCard';
import { DELIVERY_FILTERS, deliveryStatusLabel, type DeliveryFilter } from './delivery-labels';
import { useDeliveries } from './webhooks-query';

/** The endpoint's deliveries, newest first, filtered by state, page by page. */
export function DeliveriesSection({ endpointId }: { endpointId: string }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<DeliveryFilter>('all');
  const deliveries = useDeliveries(endpointId, filter === 'all' ? undefined : filter);
  const queryClient = useQueryClient();
  // A delivery's outcome can change the endpoint (a 410 disables it): read it again with them.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: ['webhooks', endpointId], exact: true });
  }, [queryClient, endpointId, deliveries.dataUpdatedAt]);
  const title = t('webhooks.deliveries.title');
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2}>{title}</Title>
      <Group justify="space-between" align="flex-end">
        <SegmentedControl
          aria-label={t('webhooks.deliveries.filter')}
          value={filter}
          onChange={setFilter}
          data={DELIVERY_FILTERS.map((value) => ({
            value,
            label: deliveryStatusLabel(t, value),
          }))}
        />
        <Button variant="default" onClick={() => void deliveries.refetch()}>
          {t('webhooks.deliveries.refresh')}
        </Button>
      </Group>
      <QueryState
        query={deliveries}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        emptyText={t('webhooks.deliveries.none')}
      >
        {(data) => (
          <Stack>
            {data.pages.flatMap((page) =>
              page.items.map((delivery) => (
                <DeliveryCard key={delivery.id} endpointId={endpointId} delivery={delivery} />
              )),
            )}
            <LoadMoreButton query={deliveries} label={t('webhooks.loadMore')} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
