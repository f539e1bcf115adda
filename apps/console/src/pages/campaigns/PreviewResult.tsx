import { Alert, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { useFormat } from '../../format/use-format';

type RunResult = components['schemas']['RunResultDto'];

/** What a preview (or a run) counted: eligible, holdout, grants, points cost, and its warnings. */
export function PreviewResult({ result, title }: { result: RunResult; title: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const basis =
    result.valueBasis === 'clv'
      ? t('campaigns.valueBasis.clv')
      : result.valueBasis === 'spend'
        ? t('campaigns.valueBasis.spend')
        : t('campaigns.valueBasis.none');
  const figures: [string, string][] = [
    [t('campaigns.result.eligible'), format.number(result.eligible)],
    [t('campaigns.result.holdout'), format.number(result.holdout)],
    [t('campaigns.result.granted'), format.number(result.granted)],
    [t('campaigns.result.skipped'), format.number(result.skipped)],
    [t('campaigns.result.pointsCost'), format.number(result.pointsCost)],
    [t('campaigns.result.valueBasis'), basis],
  ];
  return (
    <Stack gap="xs" role="region" aria-label={title}>
      <Title order={3}>{title}</Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        {figures.map(([label, value]) => (
          <div key={label}>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="lg">
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {result.warnings.length > 0 && (
        // The title inside, in the body's colour: Mantine's orange title text fails AA contrast.
        <Alert color="orange">
          <Text fw={700} size="sm">
            {t('campaigns.result.warnings')}
          </Text>
          <List size="sm">
            {result.warnings.map((warning) => (
              <List.Item key={warning.code}>
                <Text span fw={600} dir="ltr">
                  {warning.code}
                </Text>
                {': '}
                {warning.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
