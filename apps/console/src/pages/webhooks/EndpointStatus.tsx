import { Badge, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format';
import type { Endpoint } from './webhooks-query';

type DisabledReason = NonNullable<Endpoint['disabledReason']>;

function reasonText(t: TFunction, reason: DisabledReason): string {
  const reasons: Record<DisabledReason, string> = {
    manual: t('webhooks.reasons.manual'),
    gone: t('webhooks.reasons.gone'),
    failing: t('webhooks.reasons.failing'),
  };
  return reasons[reason];
}

/** Enabled or disabled (and why); an enabled endpoint that keeps failing says since when. */
export function EndpointStatus({ endpoint }: { endpoint: Endpoint }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={2} align="flex-start">
      {/* The dark shades keep the white label AA-readable. */}
      <Badge color={endpoint.enabled ? 'teal.9' : 'gray.7'} variant="filled">
        {endpoint.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}
      </Badge>
      {!endpoint.enabled && endpoint.disabledReason !== null && (
        <Text size="sm" c="dimmed">
          {reasonText(t, endpoint.disabledReason)}
        </Text>
      )}
      {endpoint.enabled && endpoint.failingSince !== null && (
        <Text size="sm" c="red.9">
          {t('webhooks.failingSince', { date: format.dateTime(endpoint.failingSince) })}
        </Text>
      )}
    </Stack>
  );
}
