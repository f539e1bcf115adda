import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format';
import { AttemptsTable } from './AttemptsTable';
import { deliveryStatusLabel, STATUS_COLOURS } from './delivery-labels';
import { useWebhookError } from './use-webhook-error';
import { useRedeliver, type Delivery } from './webhooks-query';

/** One event's delivery to the endpoint: its state, every attempt, and Redeliver. */
export function DeliveryCard({ endpointId, delivery }: { endpointId: string; delivery: Delivery }) {
  const { t } = useTranslation();
  const format = useFormat();
  const webhookError = useWebhookError();
  const redeliver = useRedeliver(endpointId);
  const headingId = useId();
  const name = t('webhooks.deliveries.named', {
    type: delivery.eventType,
    date: format.dateTime(delivery.createdAt),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={3} size="h4" id={headingId}>
                <span dir="ltr">{delivery.eventType}</span>
                <Text span size="sm" fw={400} c="dimmed" ms="sm">
                  {format.dateTime(delivery.createdAt)}
                </Text>
              </Title>
              <Badge color={STATUS_COLOURS[delivery.status]} variant="filled">
                {deliveryStatusLabel(t, delivery.status)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('webhooks.deliveries.eventId')} <span dir="ltr">{delivery.eventId}</span>
            </Text>
            <Text size="sm">
              {t('webhooks.deliveries.attemptCount', { n: format.number(delivery.attemptCount) })}
              {delivery.status === 'pending' && delivery.nextAttemptAt !== null && (
                <>
                  {' · '}
                  {t('webhooks.deliveries.nextAttempt', {
                    date: format.dateTime(delivery.nextAttemptAt),
                  })}
                </>
              )}
            </Text>
          </Stack>
          <Button
            size="xs"
            variant="default"
            loading={redeliver.isPending}
            onClick={() => redeliver.mutate(delivery.id)}
            aria-label={t('webhooks.deliveries.redeliverNamed', { name })}
          >
            {t('webhooks.deliveries.redeliver')}
          </Button>
        </Group>
        {redeliver.isError && (
          <Alert color="red" role="alert">
            {webhookError(redeliver.error)}
          </Alert>
        )}
        <AttemptsTable
          attempts={delivery.attempts}
          label={t('webhooks.attempts.label', { name })}
        />
      </Stack>
    </Paper>
  );
}
