import { ChartTooltip, CompositeChart, type CompositeChartSeries } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { ErrorBar } from 'recharts';
import { useChartDirection } from '../../../components/data/use-chart-direction';
import { rowLabel } from './run-labels';
import { chartPoints, type UpliftRow } from './uplift';

interface TooltipEntry {
  value?: unknown;
}

/**
 * Treated and holdout per member as bars, the uplift as a point with its 95% interval as error
 * bars, and a line at zero: an interval across it is no clear effect. Mantine's CompositeChart
 * builds its Bars with children of its own, so an ErrorBar cannot ride on a bar; its Lines take
 * `lineProps.children`, so the uplift is a line series of one point carrying the ErrorBar.
 */
export function UpliftChart({
  rows,
  valueText,
}: {
  rows: UpliftRow[];
  valueText: (value: number) => string;
}) {
  const { t } = useTranslation();
  const direction = useChartDirection();
  const series: CompositeChartSeries[] = [
    { name: 'treated', label: rowLabel(t, 'treated'), type: 'bar', color: 'blue.7' },
    { name: 'holdout', label: rowLabel(t, 'holdout'), type: 'bar', color: 'gray.6' },
    { name: 'uplift', label: rowLabel(t, 'uplift'), type: 'line', color: 'orange.8' },
  ];
  return (
    <CompositeChart
      h={280}
      data={chartPoints(rows, (key) => rowLabel(t, key))}
      dataKey="label"
      series={series}
      // One slot per category: each row fills only its own bar, so the bars stay centred.
      barProps={{ stackId: 'groups' }}
      maxBarWidth={72}
      lineProps={(item) =>
        item.name === 'uplift'
          ? {
              children: <ErrorBar dataKey="ci" width={10} strokeWidth={2} stroke="currentColor" />,
            }
          : {}
      }
      dotProps={{ r: 6 }}
      connectNulls={false}
      referenceLines={[{ y: 0, color: 'gray.7' }]}
      xAxisProps={direction.xAxisProps}
      yAxisProps={direction.yAxisProps}
      valueFormatter={direction.number}
      tooltipProps={{
        content: ({ label, payload }) => (
          <ChartTooltip
            label={label as string}
            payload={(payload as readonly TooltipEntry[] | undefined)?.filter(
              (entry) => typeof entry.value === 'number',
            )}
            series={series}
            valueFormatter={valueText}
          />
        ),
      }}
    />
  );
}
