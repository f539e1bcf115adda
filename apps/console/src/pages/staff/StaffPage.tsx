import { Button, Group, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { useFormat } from '../../format/use-format';
import { CreateStaffForm } from './CreateStaffForm';
import { DeleteStaffModal } from './DeleteStaffModal';
import { EditStaffForm } from './EditStaffForm';
import { useStaffUsers, type StaffUser } from './staff-query';
import { LoadMoreButton } from '../../components/LoadMoreButton';

export default function StaffPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const staff = useStaffUsers();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffUser | null>(null);
  const [deleting, setDeleting] = useState<StaffUser | null>(null);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('staff.title')}</Title>
        <Button onClick={() => setCreating(true)}>{t('staff.new')}</Button>
      </Group>
      <Text c="dimmed">{t('staff.intro')}</Text>
      <QueryState
        query={staff}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        emptyText={t('staff.none')}
      >
        {(data) => (
          <Stack>
            <Table.ScrollContainer minWidth={820}>
              <Table striped aria-label={t('staff.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('staff.name')}</Table.Th>
                    <Table.Th>{t('staff.email')}</Table.Th>
                    <Table.Th>{t('staff.role')}</Table.Th>
                    <Table.Th>{t('staff.store')}</Table.Th>
                    <Table.Th>{t('staff.status')}</Table.Th>
                    <Table.Th>{t('staff.lastSignIn')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('staff.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.pages.flatMap((page) =>
                    page.items.map((user) => (
                      <Table.Tr key={user.id}>
                        <Table.Td>{user.name}</Table.Td>
                        <Table.Td dir="ltr">{user.email}</Table.Td>
                        <Table.Td>{t(`session.role.${user.role}`)}</Table.Td>
                        <Table.Td dir="ltr">{user.storeId ?? ''}</Table.Td>
                        <Table.Td>
                          {user.disabled ? (
                            <Text size="sm" c="dimmed">
                              {t('staff.isDisabled')}
                            </Text>
                          ) : (
                            <Text size="sm" fw={600}>
                              {t('staff.isActive')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {user.lastSignInAt
                            ? format.dateTime(user.lastSignInAt)
                            : t('staff.never')}
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => setEditing(user)}
                              aria-label={t('staff.editNamed', { name: user.name })}
                            >
                              {t('staff.edit')}
                            </Button>
                            <Button
                              size="xs"
                              color="red.9"
                              variant="outline"
                              onClick={() => setDeleting(user)}
                              aria-label={t('staff.deleteNamed', { name: user.name })}
                            >
                              {t('staff.delete')}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMoreButton query={staff} label={t('staff.loadMore')} />
          </Stack>
        )}
      </QueryState>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('staff.newTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('staff.close') }}
      >
        <CreateStaffForm onDone={() => setCreating(false)} />
      </Modal>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t('staff.editTitle', { name: editing?.name ?? '' })}
        centered
        closeButtonProps={{ 'aria-label': t('staff.close') }}
      >
        {editing && <EditStaffForm user={editing} onDone={() => setEditing(null)} />}
      </Modal>
      <DeleteStaffModal user={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}
