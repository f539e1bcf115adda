import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { useFormat } from '../../../format/use-format';

type RunResults = components['schemas']['CampaignRunResultsDto'];

/** How the run split its audience: eligible, treated, holdout and skipped. */
export function RunCounts({ run }: { run: RunResults }) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures: [string, number][] = [
    [t('campaigns.results.eligible'), run.eligible],
    [t('campaigns.results.treated'), run.treated],
    [t('campaigns.results.holdout'), run.holdout],
    [t('campaigns.results.skipped'), run.skipped],
  ];
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 4 }}
      spacing="sm"
      role="list"
      aria-label={t('campaigns.results.counts')}
    >
      {figures.map(([label, value]) => (
        <div key={label} role="listitem">
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          <Text fw={700} size="xl">
            {format.number(value)}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
