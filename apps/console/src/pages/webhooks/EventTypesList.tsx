import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EventType } from './event-types';

/** The codes an endpoint subscribes to, as receivers see them, or "All events" for none. */
export function EventTypesList({ types }: { types: readonly EventType[] }) {
  const { t } = useTranslation();
  if (types.length === 0) {
    return <Text size="sm">{t('webhooks.allEvents')}</Text>;
  }
  return (
    <Text size="sm" dir="ltr" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
      {types.join(', ')}
    </Text>
  );
}
