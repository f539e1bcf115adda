import { Anchor, Table, Text, Title, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { QueryState } from '../../components/QueryState';
import { useFormat, type Formatters } from '../../format/use-format';

type Comparison = components['schemas']['ComparisonDto'];

export const campaignResultsKey = (id: string) => ['campaigns', id, 'results'] as const;

export function useCampaignResults(id: string) {
  return useQuery({
    queryKey: campaignResultsKey(id),
    queryFn: () => unwrap(api.GET('/v1/campaigns/{id}/results', { params: { path: { id } } })),
  });
}

function uplift(format: Formatters, comparison: Comparison | null, pending: string): string {
  if (comparison === null) {
    return pending;
  }
  const value = format.number(comparison.uplift);
  if (comparison.ci95 === null) {
    return value;
  }
  const [low, high] = comparison.ci95 as [number, number];
  return `${value} [${format.number(low)} … ${format.number(high)}]`;
}

/**
 * Every run of a campaign with treated against holdout and the uplift when follow-up ended; each
 * run's date opens its results.
 */
export function RunsTable({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const results = useCampaignResults(campaignId);
  return (
    <Stack gap="xs">
      <Title order={2}>{t('campaigns.runs.title')}</Title>
      <QueryState
        query={results}
        isEmpty={(data) => data.runs.length === 0}
        emptyText={t('campaigns.runs.none')}
      >
        {(data) => (
          <Table.ScrollContainer minWidth={960}>
            <Table striped aria-label={t('campaigns.runs.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.runs.startedAt')}</Table.Th>
                  <Table.Th>{t('campaigns.runs.trigger')}</Table.Th>
                  <Table.Th>{t('campaigns.runs.status')}</Table.Th>
                  <Table.Th>{t('campaigns.result.eligible')}</Table.Th>
                  <Table.Th>{t('campaigns.runs.treated')}</Table.Th>
                  <Table.Th>{t('campaigns.result.holdout')}</Table.Th>
                  <Table.Th>{t('campaigns.result.skipped')}</Table.Th>
                  <Table.Th>{t('campaigns.runs.measurable')}</Table.Th>
                  <Table.Th>{t('campaigns.runs.purchaseUplift')}</Table.Th>
                  <Table.Th>{t('campaigns.runs.spendUplift')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.runs.map((run) => (
                  <Table.Tr key={run.runId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/campaigns/${campaignId}/runs/${run.runId}`}>
                        {format.dateTime(run.startedAt)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td dir="ltr">{run.trigger}</Table.Td>
                    <Table.Td dir="ltr">{run.status}</Table.Td>
                    <Table.Td>{format.number(run.eligible)}</Table.Td>
                    <Table.Td>{format.number(run.treated)}</Table.Td>
                    <Table.Td>{format.number(run.holdout)}</Table.Td>
                    <Table.Td>{format.number(run.skipped)}</Table.Td>
                    <Table.Td>
                      {run.measurable ? t('campaigns.runs.yes') : t('campaigns.runs.no')}
                      {run.powerNote !== null && (
                        <Text size="xs" c="dimmed">
                          {run.powerNote}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {uplift(
                        format,
                        run.purchasesPerMember,
                        t('campaigns.runs.followUp', {
                          date: format.date(run.followUpEndsAt),
                        }),
                      )}
                    </Table.Td>
                    <Table.Td>
                      {uplift(
                        format,
                        run.spendPerMember,
                        t('campaigns.runs.followUp', {
                          date: format.date(run.followUpEndsAt),
                        }),
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Stack>
  );
}
