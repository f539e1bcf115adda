import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { useFormat } from '../../../format/use-format';
import type { Money } from '../../../format/use-money';
import { RunCounts } from './RunCounts';
import { UpliftPanel } from './UpliftPanel';

type RunResults = components['schemas']['CampaignRunResultsDto'];

/**
 * A run's split, then what it changed: nothing to compare until its follow-up window has passed;
 * then purchases and spend per member, treated against holdout, or plainly that the groups are
 * too small to measure.
 */
export function RunOutcome({ run, money }: { run: RunResults; money: Money | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ends = format.date(run.followUpEndsAt);
  const { purchasesPerMember: purchases, spendPerMember: spend } = run;
  return (
    <Stack>
      <Text c="dimmed">
        {t('campaigns.results.startedAt', { date: format.dateTime(run.startedAt) })}
      </Text>
      <RunCounts run={run} />
      <Text>
        {run.followUpComplete
          ? t('campaigns.results.followUpEnded', { date: ends })
          : t('campaigns.results.followUpEnds', { date: ends })}
      </Text>
      {!run.measurable && (
        // The title inside, in the body's colour: Mantine's orange title text fails AA contrast.
        <Alert color="orange">
          <Text fw={700}>{t('campaigns.results.tooFew')}</Text>
          {run.powerNote !== null && (
            // The API's own sentence, in English.
            <Text size="sm" lang="en" dir="ltr">
              {run.powerNote}
            </Text>
          )}
        </Alert>
      )}
      {run.measurable && run.followUpComplete && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {purchases !== null && (
            <UpliftPanel
              title={t('campaigns.results.purchasesTitle')}
              comparison={purchases}
              valueText={format.number}
              fileName={`run-${run.runId}-purchases-per-member.csv`}
            />
          )}
          {/* Money comes with the program settings, which load beside the results. */}
          {spend !== null && money !== undefined && (
            <UpliftPanel
              title={t('campaigns.results.spendTitle', { currency: money.currency })}
              comparison={spend}
              per={money.minorUnitsPerMajor}
              valueText={(major) => money.format(money.toMinor(major))}
              fileName={`run-${run.runId}-spend-per-member.csv`}
            />
          )}
        </SimpleGrid>
      )}
    </Stack>
  );
}
