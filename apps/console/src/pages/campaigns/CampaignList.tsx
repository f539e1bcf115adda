import { Anchor, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useFormat } from '../../format/use-format';
import type { CampaignView } from './campaign-form';
import { cronInWords } from './cron-words';
import { StatusBadge } from './StatusBadge';
import { useCampaignResults } from './RunsTable';
import { LoadMoreButton } from '../../components/LoadMoreButton';

function LastRun({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const results = useCampaignResults(campaignId);
  if (results.isError) {
    return <>{t('campaigns.list.unknown')}</>;
  }
  const last = results.data?.runs[0];
  if (results.data === undefined) {
    return <>…</>;
  }
  return <>{last === undefined ? t('campaigns.list.never') : format.dateTime(last.startedAt)}</>;
}

function ScheduleWords({ campaign }: { campaign: CampaignView }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (campaign.schedule === null) {
    return <>{t('campaigns.cron.none')}</>;
  }
  const words = cronInWords(campaign.schedule, format.language, t);
  return words === null ? <span dir="ltr">{campaign.schedule}</span> : <>{words}</>;
}

/** /campaigns: every campaign with its state, schedule in words and last run. */
export function CampaignList() {
  const { t } = useTranslation();
  const campaigns = useInfiniteQuery({
    queryKey: ['campaigns', 'list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/campaigns', { params: { query: { limit: 50, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('campaigns.title')}</Title>
        <Button component={Link} to="/campaigns/new">
          {t('campaigns.new')}
        </Button>
      </Group>
      <QueryState
        query={campaigns}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        emptyText={t('campaigns.list.none')}
      >
        {(data) => (
          <Stack>
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover aria-label={t('campaigns.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('campaigns.list.name')}</Table.Th>
                    <Table.Th>{t('campaigns.list.state')}</Table.Th>
                    <Table.Th>{t('campaigns.list.schedule')}</Table.Th>
                    <Table.Th>{t('campaigns.list.lastRun')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.pages.flatMap((page) =>
                    page.items.map((campaign) => (
                      <Table.Tr key={campaign.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/campaigns/${campaign.id}`}>
                            {campaign.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge active={campaign.active} />
                        </Table.Td>
                        <Table.Td>
                          <ScheduleWords campaign={campaign} />
                        </Table.Td>
                        <Table.Td>
                          <LastRun campaignId={campaign.id} />
                        </Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMoreButton query={campaigns} label={t('campaigns.list.loadMore')} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
