import { Anchor, Button, Group, Select, Stack, Table, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useErrorMessage } from '../../components/use-error-message';
import { useFormat } from '../../format/use-format';
import { STATUSES, type Referral, type ReferralStatus } from './referral-values';
import { LoadMoreButton } from '../../components/LoadMoreButton';

/** The referrals, filtered by status; held ones can be approved or rejected. */
export function ReferralList() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ReferralStatus | null>(null);
  const referrals = useInfiniteQuery({
    queryKey: ['referrals', 'list', status],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/referrals', {
          params: { query: { cursor: pageParam, limit: 50, status: status ?? undefined } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const decide = useMutation({
    mutationFn: ({ referral, verdict }: { referral: Referral; verdict: 'approve' | 'reject' }) =>
      unwrap(
        verdict === 'approve'
          ? api.POST('/v1/referrals/{refereeId}/approve', {
              params: { path: { refereeId: referral.refereeId } },
            })
          : api.POST('/v1/referrals/{refereeId}/reject', {
              params: { path: { refereeId: referral.refereeId } },
            }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] }),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('referrals.listTitle')}
      </Title>
      <Select
        label={t('referrals.status')}
        placeholder={t('referrals.allStatuses')}
        clearable
        maw={280}
        data={STATUSES.map((value) => ({ value, label: t(`referrals.statuses.${value}`) }))}
        value={status}
        onChange={setStatus}
      />
      <QueryState
        query={referrals}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        emptyText={t('referrals.none')}
      >
        {(data) => (
          <Stack>
            <Table.ScrollContainer minWidth={720}>
              <Table striped aria-label={t('referrals.listTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('referrals.columns.referee')}</Table.Th>
                    <Table.Th>{t('referrals.columns.referrer')}</Table.Th>
                    <Table.Th>{t('referrals.columns.joined')}</Table.Th>
                    <Table.Th>{t('referrals.columns.status')}</Table.Th>
                    <Table.Th>{t('referrals.columns.holdReason')}</Table.Th>
                    <Table.Th>{t('referrals.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.pages.flatMap((page) =>
                    page.items.map((referral) => (
                      <Table.Tr key={referral.refereeId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/members/${referral.refereeId}`}>
                            {t('referrals.newMember')}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/members/${referral.referrerId}`}>
                            {t('referrals.referrer')}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{format.date(referral.joinedAt)}</Table.Td>
                        <Table.Td>{t(`referrals.statuses.${referral.status}`)}</Table.Td>
                        <Table.Td>{referral.holdReason ?? ''}</Table.Td>
                        <Table.Td>
                          {referral.status === 'held' && (
                            <Group gap="xs" wrap="nowrap">
                              <Button
                                size="xs"
                                onClick={() => decide.mutate({ referral, verdict: 'approve' })}
                                loading={decide.isPending}
                              >
                                {t('referrals.approve')}
                              </Button>
                              <Button
                                size="xs"
                                variant="light"
                                color="red"
                                onClick={() => decide.mutate({ referral, verdict: 'reject' })}
                                loading={decide.isPending}
                              >
                                {t('referrals.reject')}
                              </Button>
                            </Group>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMoreButton query={referrals} label={t('referrals.loadMore')} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
