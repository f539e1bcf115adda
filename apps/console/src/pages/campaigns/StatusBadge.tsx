import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Active or paused; the dark shades keep the white label AA-readable. */
export function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal.9' : 'gray.7'} variant="filled">
      {active ? t('campaigns.statusActive') : t('campaigns.statusPaused')}
    </Badge>
  );
}
