import { Anchor, Code, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useFormat } from '../../format/use-format';
import { DeliveriesSection } from './DeliveriesSection';
import { EndpointActions } from './EndpointActions';
import { EndpointStatus } from './EndpointStatus';
import { EventTypesList } from './EventTypesList';
import { useEndpoint, type Endpoint } from './webhooks-query';

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function EndpointDetails({ endpoint }: { endpoint: Endpoint }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack>
      <Code block dir="ltr" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {endpoint.url}
      </Code>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Detail label={t('webhooks.status')}>
          <EndpointStatus endpoint={endpoint} />
        </Detail>
        <Detail label={t('webhooks.fields.eventTypes')}>
          <EventTypesList types={endpoint.eventTypes} />
        </Detail>
        <Detail label={t('webhooks.fields.description')}>
          <Text size="sm">{endpoint.description ?? t('webhooks.noDescription')}</Text>
        </Detail>
        <Detail label={t('webhooks.created')}>
          <Text size="sm">{format.dateTime(endpoint.createdAt)}</Text>
        </Detail>
      </SimpleGrid>
      {endpoint.previousSecretExpiresAt !== null &&
        new Date(endpoint.previousSecretExpiresAt) > new Date() && (
          <Text size="sm">
            {t('webhooks.secret.previousUntil', {
              date: format.dateTime(endpoint.previousSecretExpiresAt),
            })}
          </Text>
        )}
      <EndpointActions endpoint={endpoint} />
    </Stack>
  );
}

/** /webhooks/:id: one endpoint, what can be done with it, and its deliveries. */
export function EndpointPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const endpoint = useEndpoint(id);
  return (
    <Stack>
      <Anchor component={Link} to="/webhooks">
        {t('webhooks.back')}
      </Anchor>
      <Title order={1}>{t('webhooks.endpointTitle')}</Title>
      <QueryState query={endpoint}>
        {(data) => (
          <Stack gap="xl">
            <EndpointDetails endpoint={data} />
            <DeliveriesSection endpointId={data.id} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
