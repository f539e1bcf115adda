import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadCsv, toCsv } from '../../components/data/csv';
import { useFormat } from '../../format/use-format';
import { segmentLabel, type Segment } from '../members/segment-labels';
import type { Period } from './dashboard-period';
import { useSegments } from './dashboard-queries';
import { ReportState } from './ReportState';
import { useMoneyText } from './use-money-text';

interface SegmentCell {
  segment: Segment;
  members: number;
  revenue: number;
}

/** One cell per RFM segment (members, revenue in the period), each opening its members. */
export function SegmentGrid({ period }: { period: Period }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoneyText();
  const segments = useSegments(period);
  const title = t('dashboard.segments.title');
  const exportCsv = (cells: SegmentCell[]) =>
    downloadCsv(
      'rfm-segments.csv',
      toCsv(
        [
          t('dashboard.segments.segment'),
          t('dashboard.segments.members'),
          t('dashboard.segments.revenue'),
        ],
        cells.map((cell) => [cell.segment, cell.members, cell.revenue]),
      ),
    );

  return (
    <ReportState title={title} query={segments}>
      {(report) => (
        <Card withBorder component="section" aria-label={title}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {title}
            </Title>
            {report.modelId === null || report.asOf === null ? (
              <Text size="sm" c="dimmed">
                {t('dashboard.segments.notFitted')}
              </Text>
            ) : (
              <>
                <Text size="sm" c="dimmed">
                  {t('dashboard.segments.description', { asOf: format.date(report.asOf) })}
                </Text>
                <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
                  {report.segments.map((cell) => (
                    <Anchor
                      key={cell.segment}
                      component={Link}
                      to={`/members?segment=${cell.segment}`}
                      underline="never"
                    >
                      <Card withBorder padding="sm" h="100%">
                        <Text fw={600}>{segmentLabel(t, cell.segment)}</Text>
                        <Text size="sm" c="var(--mantine-color-text)">
                          {t('dashboard.segments.cellMembers', {
                            members: format.number(cell.members),
                          })}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {t('dashboard.segments.cellRevenue', { value: money(cell.revenue) })}
                        </Text>
                      </Card>
                    </Anchor>
                  ))}
                </SimpleGrid>
                <Group justify="flex-end">
                  <Button variant="default" size="xs" onClick={() => exportCsv(report.segments)}>
                    {t('data.exportCsv')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Card>
      )}
    </ReportState>
  );
}
