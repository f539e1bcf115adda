import { Card, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format';
import type { Period } from './dashboard-period';
import { useOverview } from './dashboard-queries';
import { ReportState } from './ReportState';
import { Stat } from './Stat';
import { useMoneyText } from './use-money-text';

/** Members (all, active in 90 days, new), points in the period, and what is outstanding now. */
export function OverviewCards({ period }: { period: Period }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoneyText();
  const overview = useOverview(period);
  const title = t('dashboard.overview.title');
  return (
    <ReportState title={title} query={overview}>
      {(report) => (
        <Card withBorder component="section" aria-label={title}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {title}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              <Stat
                label={t('dashboard.overview.members')}
                value={format.number(report.members.total)}
              />
              <Stat
                label={t('dashboard.overview.active')}
                value={format.number(report.members.active)}
              />
              <Stat label={t('dashboard.overview.new')} value={format.number(report.members.new)} />
              <Stat
                label={t('dashboard.overview.outstanding')}
                value={format.number(report.outstanding.available)}
                hint={t('dashboard.overview.outstandingHint', {
                  pending: format.number(report.outstanding.pending),
                  value: money(report.outstanding.value.total),
                })}
              />
              <Stat
                label={t('dashboard.overview.issued')}
                value={format.number(report.points.issued)}
              />
              <Stat
                label={t('dashboard.overview.redeemed')}
                value={format.number(report.points.redeemed)}
              />
              <Stat
                label={t('dashboard.overview.expired')}
                value={format.number(report.points.expired)}
              />
              <Stat
                label={t('dashboard.overview.adjusted')}
                value={format.number(report.points.adjusted)}
              />
            </SimpleGrid>
          </Stack>
        </Card>
      )}
    </ReportState>
  );
}
