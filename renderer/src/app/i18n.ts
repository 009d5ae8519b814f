import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { resources } from '../../../shared/i18n';
import type { AppStatus } from '../../../shared/contract';

export type UiLanguage = 'zh-CN' | 'en';
export type LanguageSetting = AppStatus['language'];

/** A personal language choice on this computer (users who may not change the site setting). */
const LOCAL_KEY = 'frontdesk.language';

/** 'auto': the operating system's / browser's locale — Chinese of any kind → zh-CN, anything else → en. */
export function systemLanguage(): UiLanguage {
  const first = (typeof navigator !== 'undefined' && (navigator.languages?.[0] ?? navigator.language)) || 'en';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function localLanguage(): UiLanguage | null {
  try {
    const v = localStorage.getItem(LOCAL_KEY);
    return v === 'zh-CN' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

export function setLocalLanguage(lng: UiLanguage | null): void {
  try {
    if (lng) localStorage.setItem(LOCAL_KEY, lng);
    else localStorage.removeItem(LOCAL_KEY);
  } catch {
    /* storage unavailable: the choice lasts until reload */
  }
}

/** The language to show: a personal choice on this computer wins, then the site setting, then the OS. */
export function effectiveLanguage(setting: LanguageSetting | null | undefined): UiLanguage {
  const local = localLanguage();
  if (local) return local;
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return systemLanguage();
}

export function applyLanguage(lng: UiLanguage): void {
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lng;
  if (i18next.language !== lng) void i18next.changeLanguage(lng);
}

const initial = effectiveLanguage(null);
dayjs.locale(initial === 'zh-CN' ? 'zh-cn' : 'en');
if (typeof document !== 'undefined') document.documentElement.lang = initial;

void i18next.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: resources['zh-CN'] },
    en: { translation: resources.en },
  },
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  // Keys are dotted paths; a ':' in a looked-up text (e.g. a raw message) is not a namespace.
  nsSeparator: false,
  // A placeholder the caller did not fill shows as nothing, never as "{{x}}".
  missingInterpolationHandler: () => '',
  returnNull: false,
  showSupportNotice: false,
  react: { useSuspense: false },
  initAsync: false,
});

export default i18next;
