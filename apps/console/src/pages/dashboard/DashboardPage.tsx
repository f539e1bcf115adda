import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../../format/use-format';
import { periodFromSearch } from './dashboard-period';
import { ClvSection } from './ClvSection';
import { GoodwillSection } from './GoodwillSection';
import { LiabilitySection } from './LiabilitySection';
import { OverviewCards } from './OverviewCards';
import { PeriodPicker } from './PeriodPicker';
import { calendarOf } from './report-calendar';
import { RevenueConcentration } from './RevenueConcentration';
import { SegmentGrid } from './SegmentGrid';
import { TierDistribution } from './TierDistribution';

/** The marketer's home: members, points and their cost, who the valuable customers are. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useSearchParams();
  const period = periodFromSearch(search, new Date());
  const calendar = calendarOf(format.language);
  return (
    <Stack gap="lg">
      <Title order={1}>{t('dashboard.title')}</Title>
      <PeriodPicker period={period} onChange={(chosen) => setSearch({ ...chosen })} />
      <OverviewCards period={period} />
      <LiabilitySection calendar={calendar} />
      <RevenueConcentration period={period} />
      <SegmentGrid period={period} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <ClvSection />
        <TierDistribution />
      </SimpleGrid>
      <GoodwillSection period={period} calendar={calendar} />
    </Stack>
  );
}
