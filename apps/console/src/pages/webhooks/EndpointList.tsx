import { Anchor, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { useFormat } from '../../format/use-format';
import { CreateEndpointForm } from './CreateEndpointForm';
import { EndpointStatus } from './EndpointStatus';
import { EventTypesList } from './EventTypesList';
import { SecretShown } from './SecretShown';
import { useEndpoints, type CreatedEndpoint } from './webhooks-query';

/** /webhooks: the merchant's endpoints, and a new one with its signing secret shown once. */
export function EndpointList() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const endpoints = useEndpoints();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedEndpoint | null>(null);
  const closeCreate = () => {
    setCreating(false);
    setCreated(null);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('webhooks.title')}</Title>
        <Button onClick={() => setCreating(true)}>{t('webhooks.new')}</Button>
      </Group>
      <Text c="dimmed">{t('webhooks.intro')}</Text>
      <QueryState
        query={endpoints}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        emptyText={t('webhooks.none')}
      >
        {(data) => (
          <Stack>
            <Table.ScrollContainer
              minWidth={820}
              // Wider than a phone it scrolls sideways: the keyboard must be able to scroll it too.
              scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}
            >
              <Table striped aria-label={t('webhooks.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('webhooks.fields.url')}</Table.Th>
                    <Table.Th>{t('webhooks.fields.eventTypes')}</Table.Th>
                    <Table.Th>{t('webhooks.status')}</Table.Th>
                    <Table.Th>{t('webhooks.created')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.pages.flatMap((page) =>
                    page.items.map((endpoint) => (
                      <Table.Tr key={endpoint.id}>
                        <Table.Td maw={360}>
                          <Anchor
                            component={Link}
                            to={`/webhooks/${endpoint.id}`}
                            dir="ltr"
                            style={{ overflowWrap: 'anywhere' }}
                          >
                            {endpoint.url}
                          </Anchor>
                          {endpoint.description !== null && (
                            <Text size="sm" c="dimmed">
                              {endpoint.description}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td maw={280}>
                          <EventTypesList types={endpoint.eventTypes} />
                        </Table.Td>
                        <Table.Td>
                          <EndpointStatus endpoint={endpoint} />
                        </Table.Td>
                        <Table.Td>{format.date(endpoint.createdAt)}</Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMoreButton query={endpoints} label={t('webhooks.loadMore')} />
          </Stack>
        )}
      </QueryState>
      <Modal
        opened={creating}
        onClose={closeCreate}
        title={created ? t('webhooks.createdTitle') : t('webhooks.newTitle')}
        centered
        size="lg"
        closeButtonProps={{ 'aria-label': t('webhooks.close') }}
        // Closing by accident would lose the only sight of the secret.
        closeOnClickOutside={created === null}
      >
        {created ? (
          <SecretShown
            secret={created.secret}
            onDone={() => void navigate(`/webhooks/${created.id}`)}
          />
        ) : (
          <CreateEndpointForm onCreated={setCreated} onCancel={closeCreate} />
        )}
      </Modal>
    </Stack>
  );
}
