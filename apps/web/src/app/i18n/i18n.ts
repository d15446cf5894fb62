import type { Locale } from '@kontor/contracts';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setRequestLanguage } from '../api-client';
import en from './en.json';
import pl from './pl.json';
import ru from './ru.json';
import sv from './sv.json';

export const supportedLocales: readonly Locale[] = ['sv', 'en', 'pl', 'ru'];

/** Each language named in itself, as language pickers conventionally do, so it is the same in every language. */
export const localeNames: Record<Locale, string> = { sv: 'Svenska', en: 'English', pl: 'Polski', ru: 'Русский' };

const STORAGE_KEY = 'kontor.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice then lasts for this page only.
  }
}

/** Before sign-in: localStorage → the browser's languages → English. The saved user locale wins later. */
export function detectLocale(): Locale {
  const stored = storedLocale();
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag?.slice(0, 2).toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'en';
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : 'en';
}

function applyDocumentLanguage(language: string) {
  document.documentElement.lang = language;
  setRequestLanguage(language);
}

export const resources = {
  en: { translation: en },
  sv: { translation: sv },
  pl: { translation: pl },
  ru: { translation: ru },
} as const;

i18next.on('languageChanged', applyDocumentLanguage);

void i18next.use(initReactI18next).init({
  resources,
  lng: detectLocale(),
  fallbackLng: 'en',
  supportedLngs: [...supportedLocales],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

applyDocumentLanguage(i18next.language);

export { i18next as i18n };
