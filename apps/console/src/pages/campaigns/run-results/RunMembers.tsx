import { Alert, Anchor, Button, Group, SegmentedControl, Stack, Table, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { QueryState } from '../../../components/QueryState';
import { useErrorMessage } from '../../../components/use-error-message';
import { useFormat } from '../../../format/use-format';
import { downloadRunMembers, useRunMembers } from './run-members-query';
import { GROUP_FILTERS, groupLabel, reasonLabel } from './run-labels';

/** Who the run treated, held out or skipped (and why), filtered by group, with the server's CSV. */
export function RunMembers({ campaignId, runId }: { campaignId: string; runId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const [filter, setFilter] = useState<(typeof GROUP_FILTERS)[number]>('all');
  const group = filter === 'all' ? undefined : filter;
  const members = useRunMembers(campaignId, runId, group);
  const download = useMutation({ mutationFn: () => downloadRunMembers(campaignId, runId, group) });
  const title = t('campaigns.results.members.title');

  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2}>{title}</Title>
      <Group justify="space-between" align="flex-end">
        <SegmentedControl
          aria-label={t('campaigns.results.members.filter')}
          value={filter}
          onChange={setFilter}
          data={GROUP_FILTERS.map((value) => ({ value, label: groupLabel(t, value) }))}
        />
        <Button variant="default" loading={download.isPending} onClick={() => download.mutate()}>
          {t('campaigns.results.members.exportCsv')}
        </Button>
      </Group>
      {download.error !== null && (
        <Alert color="red" role="alert">
          {errorMessage(download.error)}
        </Alert>
      )}
      <QueryState
        query={members}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        emptyText={t('campaigns.results.members.none')}
      >
        {(data) => (
          <Stack>
            <Table.ScrollContainer minWidth={720}>
              <Table striped aria-label={title}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('campaigns.results.members.name')}</Table.Th>
                    <Table.Th>{t('campaigns.results.members.card')}</Table.Th>
                    <Table.Th>{t('campaigns.results.members.externalId')}</Table.Th>
                    <Table.Th>{t('campaigns.results.members.group')}</Table.Th>
                    <Table.Th>{t('campaigns.results.members.reason')}</Table.Th>
                    <Table.Th ta="end">{t('campaigns.results.members.points')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.pages.flatMap((page) =>
                    page.items.map((member) => (
                      <Table.Tr key={member.memberId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/members/${member.memberId}`}>
                            {member.name ?? t('campaigns.results.members.noName')}
                          </Anchor>
                        </Table.Td>
                        <Table.Td dir="ltr">{format.digits(member.cardNumber)}</Table.Td>
                        <Table.Td dir="ltr">{member.externalId ?? ''}</Table.Td>
                        <Table.Td>{groupLabel(t, member.group)}</Table.Td>
                        <Table.Td>
                          {member.reason === null ? '' : reasonLabel(t, member.reason)}
                        </Table.Td>
                        <Table.Td ta="end">{format.number(member.points)}</Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMoreButton query={members} label={t('campaigns.results.members.loadMore')} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
