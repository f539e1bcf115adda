import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { ChartPanel } from '../../components/data/ChartPanel';
import { DataTable, type DataColumn } from '../../components/data/DataTable';
import { useChartDirection } from '../../components/data/use-chart-direction';
import { useFormat } from '../../format/use-format';
import { useTierDistribution } from './dashboard-queries';
import { ReportState } from './ReportState';

interface TierRow {
  code: string | null;
  name: string;
  members: number;
}

/** How many members each tier holds now (and those in none while the program has no tiers). */
export function TierDistribution() {
  const { t } = useTranslation();
  const format = useFormat();
  const direction = useChartDirection();
  const tiers = useTierDistribution();
  const title = t('dashboard.tiers.title');

  return (
    <ReportState title={title} query={tiers}>
      {(report) => {
        const rows: TierRow[] = [
          ...report.tiers.map(({ code, name, members }) => ({ code, name, members })),
          ...(report.noTier > 0
            ? [{ code: null, name: t('dashboard.tiers.noTier'), members: report.noTier }]
            : []),
        ];
        const share = (row: TierRow) => (report.members === 0 ? 0 : row.members / report.members);
        const columns: DataColumn<TierRow>[] = [
          { key: 'name', header: t('dashboard.tiers.tier'), value: (row) => row.name },
          {
            key: 'code',
            header: t('dashboard.tiers.code'),
            value: (row) => row.code,
            render: (row) => <span dir="ltr">{row.code ?? ''}</span>,
          },
          {
            key: 'members',
            header: t('dashboard.tiers.members'),
            value: (row) => row.members,
            numeric: true,
          },
          {
            key: 'share',
            header: t('dashboard.tiers.share'),
            value: share,
            render: (row) => format.percent(share(row)),
            numeric: true,
          },
        ];
        return (
          <ChartPanel
            title={title}
            empty={rows.length === 0}
            description={t('dashboard.tiers.description', {
              members: format.number(report.members),
            })}
            table={
              <DataTable
                label={title}
                columns={columns}
                rows={rows}
                fileName="tier-distribution.csv"
              />
            }
          >
            <BarChart
              maxBarWidth={56}
              h={240}
              data={rows.map((row) => ({ name: row.name, members: row.members }))}
              dataKey="name"
              series={[{ name: 'members', label: t('dashboard.tiers.members'), color: 'grape.8' }]}
              xAxisProps={direction.xAxisProps}
              yAxisProps={direction.yAxisProps}
              valueFormatter={direction.number}
            />
          </ChartPanel>
        );
      }}
    </ReportState>
  );
}
