import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/QueryState';
import { useFormat } from '../../../format/use-format';
import { useMemberInsights } from './member-queries';
import { segmentLabel } from '../segment-labels';
import { Section } from './Section';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}

/** RFM scores and segment, predicted purchases and value; a plain sentence when there are none. */
export function InsightsSection({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const insights = useMemberInsights(memberId);
  return (
    <Section title={t('member.insights.title')}>
      <QueryState query={insights}>
        {(result) => {
          if (result.kind === 'notFitted') {
            return <Text c="dimmed">{t('member.insights.notFitted')}</Text>;
          }
          if (result.kind === 'noPurchases') {
            return <Text c="dimmed">{t('member.insights.noPurchases')}</Text>;
          }
          const { rfm, clv, asOf } = result.insights;
          return (
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 2, sm: 3 }}>
                <Fact label={t('member.insights.segment')} value={segmentLabel(t, rfm.segment)} />
                <Fact label={t('member.insights.score')} value={format.digits(rfm.score)} />
                <Fact
                  label={t('member.insights.recency')}
                  value={t('member.insights.days', { value: format.number(rfm.recency) })}
                />
                <Fact label={t('member.insights.frequency')} value={format.number(rfm.frequency)} />
                <Fact label={t('member.insights.monetary')} value={format.number(rfm.monetary)} />
                <Fact
                  label={t('member.insights.pAlive')}
                  value={t('member.insights.percent', {
                    value: format.number(Math.round(clv.pAlive * 100)),
                  })}
                />
                <Fact
                  label={t('member.insights.expectedPurchases', {
                    days: format.number(clv.horizonDays),
                  })}
                  value={format.number(clv.expectedPurchases)}
                />
                <Fact label={t('member.insights.clv')} value={format.number(clv.value)} />
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {t('member.insights.asOf', { date: format.date(asOf) })}
              </Text>
            </Stack>
          );
        }}
      </QueryState>
    </Section>
  );
}
