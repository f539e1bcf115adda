import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { QueryState } from '../../../components/QueryState';
import { useFormat } from '../../../format/use-format';
import { useMemberInsights } from './member-queries';
import { Section } from './Section';

type Segment = components['schemas']['RfmDto']['segment'];

function segmentLabel(t: TFunction, segment: Segment): string {
  const labels: Record<Segment, string> = {
    champions: t('member.insights.segments.champions'),
    loyal: t('member.insights.segments.loyal'),
    potential_loyalist: t('member.insights.segments.potential_loyalist'),
    new_customers: t('member.insights.segments.new_customers'),
    promising: t('member.insights.segments.promising'),
    need_attention: t('member.insights.segments.need_attention'),
    about_to_sleep: t('member.insights.segments.about_to_sleep'),
    at_risk: t('member.insights.segments.at_risk'),
    cannot_lose_them: t('member.insights.segments.cannot_lose_them'),
    hibernating: t('member.insights.segments.hibernating'),
    lost: t('member.insights.segments.lost'),
  };
  return labels[segment];
}

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
