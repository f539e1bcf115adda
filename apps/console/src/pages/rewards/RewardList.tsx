import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useErrorMessage } from '../../components/use-error-message';
import { useFormat, type Formatters } from '../../format/use-format';
import type { Reward } from './reward-form';
import { useRewardTypeLabels } from './reward-labels';
import { LoadMoreButton } from '../../components/LoadMoreButton';

function valueText(format: Formatters, reward: Reward): string {
  if (reward.type === 'discount_percent' && typeof reward.value === 'number') {
    return `${format.number(reward.value)}${format.language === 'fa' ? '٪' : '%'}`;
  }
  return typeof reward.value === 'number' ? format.number(reward.value) : reward.value;
}

/** /rewards: the catalog, with deactivate or activate, and delete after a confirmation. */
export function RewardList() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const typeLabels = useRewardTypeLabels();
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState<Reward | null>(null);
  const rewards = useInfiniteQuery({
    queryKey: ['rewards', 'list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/rewards', { params: { query: { limit: 50, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['rewards'] });
  const setActive = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      unwrap(api.PATCH('/v1/rewards/{id}', { params: { path: { id } }, body: { active } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/v1/rewards/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      setDeleting(null);
      await refresh();
    },
  });
  const actionError = setActive.error ?? remove.error;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('rewards.title')}</Title>
        <Button component={Link} to="/rewards/new">
          {t('rewards.new')}
        </Button>
      </Group>
      {actionError !== null && (
        <Alert color="red" role="alert">
          {errorMessage(actionError)}
        </Alert>
      )}
      <QueryState
        query={rewards}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        emptyText={t('rewards.none')}
      >
        {(data) => (
          <Stack>
            <Table.ScrollContainer minWidth={800}>
              <Table striped highlightOnHover aria-label={t('rewards.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('rewards.name')}</Table.Th>
                    <Table.Th>{t('rewards.type')}</Table.Th>
                    <Table.Th>{t('rewards.valueColumn')}</Table.Th>
                    <Table.Th>{t('rewards.pointsCost')}</Table.Th>
                    <Table.Th>{t('rewards.stockLeft')}</Table.Th>
                    <Table.Th>{t('rewards.state')}</Table.Th>
                    <Table.Th>{t('rewards.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.pages.flatMap((page) =>
                    page.items.map((reward) => (
                      <Table.Tr key={reward.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/rewards/${reward.id}`}>
                            {reward.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{typeLabels[reward.type]}</Table.Td>
                        <Table.Td dir={reward.type === 'free_product' ? 'ltr' : undefined}>
                          {valueText(format, reward)}
                        </Table.Td>
                        <Table.Td>{format.number(reward.pointsCost)}</Table.Td>
                        <Table.Td>
                          {reward.stockRemaining === null
                            ? t('rewards.unlimited')
                            : format.number(reward.stockRemaining)}
                        </Table.Td>
                        <Table.Td>
                          <Badge color={reward.active ? 'teal.9' : 'gray.7'} variant="filled">
                            {reward.active
                              ? t('rewards.statusActive')
                              : t('rewards.statusInactive')}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={
                                reward.active
                                  ? t('rewards.deactivateNamed', { name: reward.name })
                                  : t('rewards.activateNamed', { name: reward.name })
                              }
                              onClick={() =>
                                setActive.mutate({ id: reward.id, active: !reward.active })
                              }
                            >
                              {reward.active ? t('rewards.deactivate') : t('rewards.activate')}
                            </Button>
                            <Button
                              size="xs"
                              variant="outline"
                              color="red.9"
                              aria-label={t('rewards.deleteNamed', { name: reward.name })}
                              onClick={() => setDeleting(reward)}
                            >
                              {t('rewards.delete')}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMoreButton query={rewards} label={t('rewards.loadMore')} />
          </Stack>
        )}
      </QueryState>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('rewards.confirmDeleteTitle')}
        closeButtonProps={{ 'aria-label': t('rewards.cancel') }}
      >
        <Stack>
          <Text>{t('rewards.confirmDelete', { name: deleting?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('rewards.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={remove.isPending}
              onClick={() => deleting !== null && remove.mutate(deleting.id)}
            >
              {t('rewards.confirmDeleteButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
