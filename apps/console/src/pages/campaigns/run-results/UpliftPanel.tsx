import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartPanel } from '../../../components/data/ChartPanel';
import { DataTable, type DataColumn } from '../../../components/data/DataTable';
import { rowLabel, verdictText } from './run-labels';
import { UpliftChart } from './UpliftChart';
import { type Comparison, upliftRows, type UpliftRow, verdictOf } from './uplift';

interface UpliftPanelProps {
  title: string;
  comparison: Comparison;
  /** Minor units per major for money, so the chart and the file are in the currency's units. */
  per?: number;
  /** A value (in the panel's units) as text in the language. */
  valueText: (value: number) => string;
  fileName: string;
}

/** One measure, treated against holdout, as a chart with error bars and as a table. */
export function UpliftPanel({ title, comparison, per = 1, valueText, fileName }: UpliftPanelProps) {
  const { t } = useTranslation();
  const rows = upliftRows(comparison, per);
  const uplift = rows[2] as UpliftRow;
  const verdict = verdictOf(comparison);
  const columns: DataColumn<UpliftRow>[] = [
    { key: 'group', header: t('campaigns.results.group'), value: (row) => rowLabel(t, row.key) },
    {
      key: 'value',
      header: t('campaigns.results.perMember'),
      value: (row) => row.value,
      render: (row) => valueText(row.value),
      numeric: true,
    },
    {
      key: 'low',
      header: t('campaigns.results.ciLow'),
      value: (row) => row.low,
      render: (row) => (row.low === null ? '' : valueText(row.low)),
      numeric: true,
    },
    {
      key: 'high',
      header: t('campaigns.results.ciHigh'),
      value: (row) => row.high,
      render: (row) => (row.high === null ? '' : valueText(row.high)),
      numeric: true,
    },
  ];
  const summary =
    uplift.low === null || uplift.high === null
      ? t('campaigns.results.upliftNoInterval', { uplift: valueText(uplift.value) })
      : t('campaigns.results.upliftSummary', {
          uplift: valueText(uplift.value),
          low: valueText(uplift.low),
          high: valueText(uplift.high),
        });
  return (
    <ChartPanel
      title={title}
      description={t('campaigns.results.chartDescription')}
      table={<DataTable label={title} columns={columns} rows={rows} fileName={fileName} />}
      footer={
        <Text size="sm">
          {summary}
          {verdict !== null && ` ${verdictText(t, verdict)}`}
        </Text>
      }
    >
      <UpliftChart rows={rows} valueText={valueText} />
    </ChartPanel>
  );
}
