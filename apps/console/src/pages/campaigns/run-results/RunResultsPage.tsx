import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { QueryState } from '../../../components/QueryState';
import { useMoney } from '../../../format/use-money';
import { useCampaignResults } from '../RunsTable';
import { RunMembers } from './RunMembers';
import { RunOutcome } from './RunOutcome';

/** /campaigns/:id/runs/:runId: what one run did, what it changed, and whom it picked. */
export default function RunResultsPage() {
  const { t } = useTranslation();
  const { id = '', runId = '' } = useParams();
  const campaign = useQuery({
    queryKey: ['campaigns', id],
    queryFn: () => unwrap(api.GET('/v1/campaigns/{id}', { params: { path: { id } } })),
  });
  const results = useCampaignResults(id);
  const money = useMoney();
  return (
    <Stack>
      <Anchor component={Link} to={`/campaigns/${id}`}>
        {t('campaigns.results.back')}
      </Anchor>
      <Title order={1}>
        {campaign.data === undefined
          ? t('campaigns.results.title')
          : t('campaigns.results.titleOf', { name: campaign.data.name })}
      </Title>
      <QueryState query={results}>
        {(data) => {
          const run = data.runs.find((r) => r.runId === runId);
          if (run === undefined) {
            return <Alert color="gray">{t('campaigns.results.runNotFound')}</Alert>;
          }
          return <RunOutcome run={run} money={money} />;
        }}
      </QueryState>
      <RunMembers campaignId={id} runId={runId} />
    </Stack>
  );
}
