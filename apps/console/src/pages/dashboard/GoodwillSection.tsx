import { BarChart } from '@mantine/charts';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { ChartPanel } from '../../components/data/ChartPanel';
import { DataTable, type DataColumn } from '../../components/data/DataTable';
import { useChartDirection } from '../../components/data/use-chart-direction';
import { useFormat } from '../../format/use-format';
import type { Period } from './dashboard-period';
import { useGoodwill, useProgramTimeZone } from './dashboard-queries';
import { monthLabel, type MonthBucket } from './month-label';
import type { ReportCalendar } from './report-calendar';
import { ReportState } from './ReportState';
import { useMoneyText } from './use-money-text';

type GoodwillMonth = components['schemas']['GoodwillMonthDto'] & MonthBucket;
type GoodwillTicket = components['schemas']['GoodwillTicketDto'];
type Effect = components['schemas']['GoodwillEffectDto'];
interface EffectRow {
  key: 'orders' | 'spend';
  measure: string;
  before: number;
  after: number;
}

const effectRows = (effect: Effect, labels: Record<EffectRow['key'], string>): EffectRow[] => [
  { key: 'orders', measure: labels.orders, before: effect.ordersBefore, after: effect.ordersAfter },
  { key: 'spend', measure: labels.spend, before: effect.spendBefore, after: effect.spendAfter },
];

/** Goodwill granted by month and by ticket, and how its recipients bought before and after. */
export function GoodwillSection({
  period,
  calendar,
}: {
  period: Period;
  calendar: ReportCalendar;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const direction = useChartDirection();
  const money = useMoneyText();
  const timeZone = useProgramTimeZone();
  const goodwill = useGoodwill(period, calendar);
  const title = t('dashboard.goodwill.title');
  const label = (bucket: GoodwillMonth) => monthLabel(bucket, format, timeZone) ?? '';

  const monthColumns: DataColumn<GoodwillMonth>[] = [
    { key: 'month', header: t('dashboard.goodwill.month'), value: (m) => m.month, render: label },
    {
      key: 'grants',
      header: t('dashboard.goodwill.grants'),
      value: (m) => m.grants,
      numeric: true,
    },
    {
      key: 'members',
      header: t('dashboard.goodwill.members'),
      value: (m) => m.members,
      numeric: true,
    },
    {
      key: 'points',
      header: t('dashboard.goodwill.points'),
      value: (m) => m.points,
      numeric: true,
    },
  ];
  const ticketColumns: DataColumn<GoodwillTicket>[] = [
    {
      key: 'ticketId',
      header: t('dashboard.goodwill.ticket'),
      value: (ticket) => ticket.ticketId,
      render: (ticket) =>
        ticket.ticketId === null ? (
          t('dashboard.goodwill.noTicket')
        ) : (
          <span dir="ltr">{ticket.ticketId}</span>
        ),
    },
    {
      key: 'grants',
      header: t('dashboard.goodwill.grants'),
      value: (x) => x.grants,
      numeric: true,
    },
    {
      key: 'points',
      header: t('dashboard.goodwill.points'),
      value: (x) => x.points,
      numeric: true,
    },
  ];
  const shown = (row: EffectRow, value: number) =>
    row.key === 'spend' ? money(value) : format.number(value);
  const effectColumns: DataColumn<EffectRow>[] = [
    { key: 'measure', header: t('dashboard.goodwill.measure'), value: (row) => row.measure },
    {
      key: 'before',
      header: t('dashboard.goodwill.before'),
      value: (row) => row.before,
      render: (row) => shown(row, row.before),
      numeric: true,
    },
    {
      key: 'after',
      header: t('dashboard.goodwill.after'),
      value: (row) => row.after,
      render: (row) => shown(row, row.after),
      numeric: true,
    },
  ];

  return (
    <ReportState title={title} query={goodwill}>
      {(report) => (
        <Stack gap="md">
          <ChartPanel
            title={title}
            empty={report.byMonth.length === 0}
            description={t('dashboard.goodwill.description')}
            table={
              <DataTable
                label={t('dashboard.goodwill.byMonth')}
                columns={monthColumns}
                rows={report.byMonth}
                fileName="goodwill-by-month.csv"
              />
            }
          >
            <BarChart
              maxBarWidth={56}
              h={240}
              data={report.byMonth.map((month) => ({ label: label(month), points: month.points }))}
              dataKey="label"
              series={[{ name: 'points', label: t('dashboard.goodwill.points'), color: 'teal.8' }]}
              xAxisProps={direction.xAxisProps}
              yAxisProps={direction.yAxisProps}
              valueFormatter={direction.number}
            />
          </ChartPanel>
          <Card withBorder component="section" aria-label={t('dashboard.goodwill.byTicket')}>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('dashboard.goodwill.byTicket')}
              </Title>
              <DataTable
                label={t('dashboard.goodwill.byTicket')}
                columns={ticketColumns}
                rows={report.byTicket}
                fileName="goodwill-by-ticket.csv"
              />
            </Stack>
          </Card>
          <Card withBorder component="section" aria-label={t('dashboard.goodwill.effect')}>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('dashboard.goodwill.effect')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('dashboard.goodwill.effectDescription', {
                  observed: format.number(report.effect.observedMembers),
                  members: format.number(report.effect.members),
                  days: format.number(report.effect.windowDays),
                })}
              </Text>
              <DataTable
                label={t('dashboard.goodwill.effect')}
                columns={effectColumns}
                rows={effectRows(report.effect, {
                  orders: t('dashboard.goodwill.orders'),
                  spend: t('dashboard.goodwill.spend'),
                })}
                fileName="goodwill-before-after.csv"
              />
            </Stack>
          </Card>
        </Stack>
      )}
    </ReportState>
  );
}
