import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fa from './fa.json';

export const LANGUAGES = ['en', 'fa'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'vafa.console.language';

export const directionOf = (language: Language): 'ltr' | 'rtl' =>
  language === 'fa' ? 'rtl' : 'ltr';

const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

export function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'en';
  } catch {
    return 'en';
  }
}

/** `<html lang dir>` follow the language: screen readers, fonts and Mantine's RTL styles read them. */
export function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing without storage: the choice lasts for this page only.
  }
  applyToDocument(language);
  await i18next.changeLanguage(language);
}

export async function initI18n(): Promise<void> {
  const language = storedLanguage();
  applyToDocument(language);
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, fa: { translation: fa } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
}
