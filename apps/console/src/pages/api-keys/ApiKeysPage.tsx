import { Button, Group, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { useFormat } from '../../format/use-format';
import { useApiKeys, type ApiKey, type CreatedApiKey } from './api-keys-query';
import { CreateKeyForm } from './CreateKeyForm';
import { NewKeyShown } from './NewKeyShown';
import { RevokeKeyModal } from './RevokeKeyModal';
import { LoadMoreButton } from '../../components/LoadMoreButton';

export default function ApiKeysPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const keys = useApiKeys();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const closeCreate = () => {
    setCreating(false);
    setCreated(null);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('apiKeys.title')}</Title>
        <Button onClick={() => setCreating(true)}>{t('apiKeys.new')}</Button>
      </Group>
      <Text c="dimmed">{t('apiKeys.intro')}</Text>
      <QueryState
        query={keys}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        emptyText={t('apiKeys.none')}
      >
        {(data) => (
          <Stack>
            <Table.ScrollContainer minWidth={720}>
              <Table striped aria-label={t('apiKeys.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('apiKeys.name')}</Table.Th>
                    <Table.Th>{t('apiKeys.role')}</Table.Th>
                    <Table.Th>{t('apiKeys.store')}</Table.Th>
                    <Table.Th>{t('apiKeys.prefix')}</Table.Th>
                    <Table.Th>{t('apiKeys.created')}</Table.Th>
                    <Table.Th>{t('apiKeys.status')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('apiKeys.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.pages.flatMap((page) =>
                    page.items.map((key) => (
                      <Table.Tr key={key.id}>
                        <Table.Td>{key.name}</Table.Td>
                        <Table.Td>{t(`session.role.${key.role}`)}</Table.Td>
                        <Table.Td dir="ltr">{key.storeId ?? ''}</Table.Td>
                        <Table.Td dir="ltr">{key.prefix}…</Table.Td>
                        <Table.Td>{format.date(key.createdAt)}</Table.Td>
                        <Table.Td>
                          {key.revokedAt ? (
                            <Text size="sm" c="dimmed">
                              {t('apiKeys.revokedOn', { date: format.date(key.revokedAt) })}
                            </Text>
                          ) : (
                            <Text size="sm" fw={600}>
                              {t('apiKeys.active')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {!key.revokedAt && (
                            <Button
                              size="xs"
                              color="red.9"
                              variant="outline"
                              onClick={() => setRevoking(key)}
                              aria-label={t('apiKeys.revokeNamed', { name: key.name })}
                            >
                              {t('apiKeys.revoke')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMoreButton query={keys} label={t('apiKeys.loadMore')} />
          </Stack>
        )}
      </QueryState>
      <Modal
        opened={creating}
        onClose={closeCreate}
        title={created ? t('apiKeys.createdTitle') : t('apiKeys.newTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('apiKeys.close') }}
        // Closing by accident would lose the only sight of the secret.
        closeOnClickOutside={created === null}
      >
        {created ? (
          <NewKeyShown created={created} onDone={closeCreate} />
        ) : (
          <CreateKeyForm onCreated={setCreated} onCancel={closeCreate} />
        )}
      </Modal>
      <RevokeKeyModal apiKey={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}
