import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client.ts';
import type { Locale } from '../api/types.ts';
import { en } from './en.ts';
import { type Catalogue, fr } from './fr.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}

const STORAGE_KEY = 'relais.lang';
export const LANGUAGES: readonly Locale[] = ['fr', 'en'];

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

function initialLanguage(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // storage unavailable: French by default
  }
  return 'fr';
}

/** Keeps `<html lang>`, the API's Accept-Language and the saved choice in step with the UI language. */
function follow(lng: string): void {
  document.documentElement.lang = lng;
  setApiLanguage(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // ignore
  }
}

i18n.on('languageChanged', follow);

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'fr',
  supportedLngs: ['fr', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});
follow(i18n.language);

/** The current UI language as a Locale. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'fr';
}

export default i18n;
