import { BarChart } from '@mantine/charts';
import { Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartPanel } from '../../components/data/ChartPanel';
import { DataTable, type DataColumn } from '../../components/data/DataTable';
import { useChartDirection } from '../../components/data/use-chart-direction';
import { useFormat } from '../../format/use-format';
import { bucketLabel, type HistogramBucket } from './clv-buckets';
import { useClv } from './dashboard-queries';
import { ModelStatus } from './ModelStatus';
import { ReportState } from './ReportState';
import { useMoneyText } from './use-money-text';

/** The predicted value of members as a histogram, and the state of the model behind it. */
export function ClvSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const direction = useChartDirection();
  const money = useMoneyText();
  const clv = useClv();
  const title = t('dashboard.clv.title');
  const label = (bucket: HistogramBucket) =>
    bucketLabel(bucket, money, {
      range: (from, to) => t('dashboard.clv.bucket', { from, to }),
      orMore: (from) => t('dashboard.clv.orMore', { from }),
    });
  const columns: DataColumn<HistogramBucket>[] = [
    {
      key: 'from',
      header: t('dashboard.clv.from'),
      value: (bucket) => bucket.from,
      render: (bucket) => money(bucket.from),
      numeric: true,
    },
    {
      key: 'to',
      header: t('dashboard.clv.to'),
      value: (bucket) => bucket.to,
      render: (bucket) => (bucket.to === null ? '' : money(bucket.to)),
      numeric: true,
    },
    {
      key: 'members',
      header: t('dashboard.clv.members'),
      value: (bucket) => bucket.members,
      numeric: true,
    },
  ];

  return (
    <ReportState title={title} query={clv}>
      {(report) =>
        report.status === 'fitted' ? (
          <ChartPanel
            title={title}
            empty={report.histogram.length === 0}
            description={t('dashboard.clv.description', {
              members: format.number(report.members),
              days: format.number(report.horizonDays),
            })}
            table={
              <DataTable
                label={t('dashboard.clv.table')}
                columns={columns}
                rows={report.histogram}
                fileName="clv-distribution.csv"
              />
            }
            footer={<ModelStatus state={report} />}
          >
            <BarChart
              maxBarWidth={56}
              h={260}
              data={report.histogram.map((bucket) => ({
                label: label(bucket),
                members: bucket.members,
              }))}
              dataKey="label"
              series={[{ name: 'members', label: t('dashboard.clv.members'), color: 'indigo.8' }]}
              xAxisProps={direction.xAxisProps}
              yAxisProps={direction.yAxisProps}
              valueFormatter={direction.number}
            />
          </ChartPanel>
        ) : (
          <Card withBorder component="section" aria-label={title}>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {title}
              </Title>
              <ModelStatus state={report} />
            </Stack>
          </Card>
        )
      }
    </ReportState>
  );
}
