import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { th } from './th.ts';

export const languages = ['th', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'toemsuk.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof th };
  }
}

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'th';
  } catch {
    return 'th';
  }
}

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this visit only
  }
}

/** Thai ships with the first load; English is fetched the first time someone switches. */
async function ensureLoaded(lng: Language): Promise<void> {
  if (lng === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./en.ts');
    i18n.addResourceBundle('en', 'translation', en);
  }
}

export async function setLanguage(lng: Language): Promise<void> {
  await ensureLoaded(lng);
  await i18n.changeLanguage(lng);
  applyLanguage(lng);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'th';
}

export function toggleLanguage(): void {
  void setLanguage(currentLanguage() === 'th' ? 'en' : 'th');
}

void i18n.use(initReactI18next).init({
  resources: { th: { translation: th } },
  lng: 'th',
  fallbackLng: 'th',
  supportedLngs: languages,
  partialBundledLanguages: true,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Resolves once the stored language is ready, so the first paint is in it. */
export const i18nReady: Promise<void> = setLanguage(storedLanguage()).catch(() => setLanguage('th'));

export { i18n };
