import '@mantine/charts/styles.css';
import { Card, Stack, Tabs, Text, Title, type TitleOrder } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ChartPanelProps {
  /** The heading, the section's name and the chart's accessible name. */
  title: string;
  /** A sentence under the heading saying what the chart shows. */
  description?: ReactNode;
  /** The same numbers as a <DataTable>. */
  table: ReactNode;
  /** The heading level inside the page; 2 by default. */
  order?: TitleOrder;
  /** Nothing to draw: the chart view says so instead of drawing empty axes. */
  empty?: boolean;
  /** Shown under the chart or table whichever is chosen (a summary, a related table). */
  footer?: ReactNode;
  /** The chart. */
  children: ReactNode;
}

/**
 * A titled card with a Chart/Table switch. The chart is an image named by the title, and the table
 * view gives screen readers and spreadsheets (Export CSV) the numbers the chart draws.
 */
export function ChartPanel({
  title,
  description,
  table,
  order = 2,
  footer,
  empty = false,
  children,
}: ChartPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={headingId} padding="md">
      <Stack gap="sm">
        <Title order={order} size="h4" id={headingId}>
          {title}
        </Title>
        {description !== undefined && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        <Tabs defaultValue="chart" keepMounted={false} variant="pills">
          <Tabs.List aria-label={t('data.view', { title })}>
            <Tabs.Tab value="chart">{t('data.chart')}</Tabs.Tab>
            <Tabs.Tab value="table">{t('data.table')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="chart" pt="sm">
            {empty ? (
              <Text c="dimmed" size="sm">
                {t('data.noRows')}
              </Text>
            ) : (
              <div role="img" aria-label={title}>
                {children}
              </div>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="table" pt="sm">
            {table}
          </Tabs.Panel>
        </Tabs>
        {footer}
      </Stack>
    </Card>
  );
}
