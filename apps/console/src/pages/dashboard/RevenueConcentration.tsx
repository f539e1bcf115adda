import { AreaChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { ChartPanel } from '../../components/data/ChartPanel';
import { DataTable, type DataColumn } from '../../components/data/DataTable';
import { useChartDirection } from '../../components/data/use-chart-direction';
import { useFormat } from '../../format/use-format';
import type { Period } from './dashboard-period';
import { usePareto } from './dashboard-queries';
import { ReportState } from './ReportState';
import { useMoneyText } from './use-money-text';

type CurvePoint = components['schemas']['ParetoCurvePointDto'];
type TopBucket = components['schemas']['ParetoBucketDto'];

/** The share of revenue against the share of members, and the top 1/5/10/20/50 % table. */
export function RevenueConcentration({ period }: { period: Period }) {
  const { t } = useTranslation();
  const format = useFormat();
  const direction = useChartDirection();
  const money = useMoneyText();
  const pareto = usePareto(period);
  const title = t('dashboard.pareto.title');

  const curveColumns: DataColumn<CurvePoint>[] = [
    {
      key: 'memberShare',
      header: t('dashboard.pareto.memberShare'),
      value: (point) => point.memberShare,
      render: (point) => format.percent(point.memberShare),
      numeric: true,
    },
    {
      key: 'revenueShare',
      header: t('dashboard.pareto.revenueShare'),
      value: (point) => point.revenueShare,
      render: (point) => format.percent(point.revenueShare),
      numeric: true,
    },
  ];
  const topColumns: DataColumn<TopBucket>[] = [
    {
      key: 'topPercent',
      header: t('dashboard.pareto.top'),
      value: (bucket) => bucket.topPercent,
      render: (bucket) =>
        t('dashboard.pareto.topOf', { percent: format.percent(bucket.topPercent / 100) }),
    },
    {
      key: 'members',
      header: t('dashboard.pareto.members'),
      value: (bucket) => bucket.members,
      numeric: true,
    },
    {
      key: 'revenue',
      header: t('dashboard.pareto.revenue'),
      value: (bucket) => bucket.revenue,
      render: (bucket) => money(bucket.revenue),
      numeric: true,
    },
    {
      key: 'revenueShare',
      header: t('dashboard.pareto.revenueShare'),
      value: (bucket) => bucket.revenueShare,
      render: (bucket) => format.percent(bucket.revenueShare),
      numeric: true,
    },
  ];

  return (
    <ReportState title={title} query={pareto}>
      {(report) => {
        const top20 = report.buckets.find((bucket) => bucket.topPercent === 20);
        return (
          <ChartPanel
            title={title}
            empty={report.members === 0}
            description={
              report.members === 0
                ? t('dashboard.pareto.nobody')
                : t('dashboard.pareto.summary', {
                    members: format.number(report.members),
                    revenue: money(report.revenue),
                    share: format.percent(top20?.revenueShare ?? 0),
                  })
            }
            table={
              <DataTable
                label={t('dashboard.pareto.curveTable')}
                columns={curveColumns}
                rows={report.curve}
                fileName="revenue-concentration-curve.csv"
              />
            }
            footer={
              <DataTable
                label={t('dashboard.pareto.topTable')}
                columns={topColumns}
                rows={report.buckets}
                fileName="revenue-concentration.csv"
              />
            }
          >
            <AreaChart
              h={280}
              data={report.curve.map((point) => ({ ...point, equal: point.memberShare }))}
              dataKey="memberShare"
              series={[
                {
                  name: 'revenueShare',
                  label: t('dashboard.pareto.revenueShare'),
                  color: 'blue.8',
                },
                {
                  name: 'equal',
                  label: t('dashboard.pareto.equal'),
                  color: 'gray.6',
                  strokeDasharray: '5 5',
                },
              ]}
              withLegend
              withDots={false}
              fillOpacity={0.15}
              curveType="linear"
              xAxisProps={{
                ...direction.xAxisProps,
                type: 'number',
                domain: [0, 1],
                ticks: [0, 0.2, 0.4, 0.6, 0.8, 1],
                tickFormatter: direction.percent,
              }}
              yAxisProps={{
                ...direction.yAxisProps,
                domain: [0, 1],
                ticks: [0, 0.2, 0.4, 0.6, 0.8, 1],
              }}
              valueFormatter={direction.percent}
              xAxisLabel={t('dashboard.pareto.memberShare')}
              tooltipProps={{
                labelFormatter: (share) =>
                  typeof share === 'number'
                    ? t('dashboard.pareto.topOf', { percent: direction.percent(share) })
                    : share,
              }}
            />
          </ChartPanel>
        );
      }}
    </ReportState>
  );
}
