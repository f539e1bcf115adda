import { BarChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartPanel } from '../../components/data/ChartPanel';
import { DataTable, type DataColumn } from '../../components/data/DataTable';
import { useChartDirection } from '../../components/data/use-chart-direction';
import { useFormat } from '../../format/use-format';
import { useLiability, useProgramTimeZone } from './dashboard-queries';
import { monthLabel, type MonthBucket } from './month-label';
import type { ReportCalendar } from './report-calendar';
import { ReportState } from './ReportState';
import { Stat } from './Stat';
import { useMoneyText } from './use-money-text';

type ExpiryMonth = MonthBucket & { points: number };

/** Outstanding points, their money value, and when they expire (by month in the reader's calendar). */
export function LiabilitySection({ calendar }: { calendar: ReportCalendar }) {
  const { t } = useTranslation();
  const format = useFormat();
  const direction = useChartDirection();
  const money = useMoneyText();
  const timeZone = useProgramTimeZone();
  const liability = useLiability(calendar);
  const title = t('dashboard.liability.title');
  const label = (bucket: ExpiryMonth) =>
    monthLabel(bucket, format, timeZone) ?? t('dashboard.liability.noExpiry');

  const columns: DataColumn<ExpiryMonth>[] = [
    {
      key: 'month',
      header: t('dashboard.liability.month'),
      value: (bucket) => bucket.month,
      render: label,
    },
    {
      key: 'points',
      header: t('dashboard.liability.points'),
      value: (bucket) => bucket.points,
      numeric: true,
    },
  ];

  return (
    <ReportState title={title} query={liability}>
      {(report) => (
        <ChartPanel
          title={title}
          empty={report.byExpiryMonth.length === 0}
          description={t('dashboard.liability.description')}
          table={
            <DataTable
              label={t('dashboard.liability.byMonth')}
              columns={columns}
              rows={report.byExpiryMonth}
              fileName="liability-by-expiry-month.csv"
            />
          }
          footer={
            <SimpleGrid cols={{ base: 1, xs: 3 }}>
              <Stat
                label={t('dashboard.liability.available')}
                value={format.number(report.available)}
              />
              <Stat
                label={t('dashboard.liability.pending')}
                value={format.number(report.pending)}
              />
              <Stat label={t('dashboard.liability.value')} value={money(report.value.total)} />
            </SimpleGrid>
          }
        >
          <BarChart
            maxBarWidth={56}
            h={260}
            data={report.byExpiryMonth.map((bucket) => ({
              label: label(bucket),
              points: bucket.points,
            }))}
            dataKey="label"
            series={[{ name: 'points', label: t('dashboard.liability.points'), color: 'blue.8' }]}
            xAxisProps={direction.xAxisProps}
            yAxisProps={direction.yAxisProps}
            valueFormatter={direction.number}
          />
        </ChartPanel>
      )}
    </ReportState>
  );
}
