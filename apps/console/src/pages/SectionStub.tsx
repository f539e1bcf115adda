import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SectionKey } from '../layout/sections';

/** The title of a section whose screen another engineer is building (see router.tsx). */
export function SectionStub({ section }: { section: SectionKey }) {
  const { t } = useTranslation();
  return <Title order={1}>{t(`nav.${section}`)}</Title>;
}
