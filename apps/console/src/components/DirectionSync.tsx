import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf, type Language } from '../i18n/i18n';

/** Keeps Mantine's direction (mirrored layout, RTL styles) in step with the language. */
export function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    setDirection(directionOf(i18n.language as Language));
  }, [i18n.language, setDirection]);
  return null;
}
