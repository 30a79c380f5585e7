import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { Locale } from '../../../contracts/common.ts';

/**
 * The message keys `t()` accepts, registered by the app (`src/web/messages.ts` merges every
 * feature's messages and declares them here): core names no feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface MessageRegistry {}
export type MessageKey = MessageRegistry extends { key: infer K extends string } ? K : string;
export type Dictionaries = Record<Locale, Record<MessageKey, string>>;
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

const STORAGE_KEY = 'levier.locale';

function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'fr' || stored === 'en') return stored;
  } catch {
    // storage may be unavailable (private mode, sandboxed iframe)
  }
  return 'fr';
}

/**
 * Replaces {name} with its value (numbers in the locale's format) and resolves the plural
 * form `{count, plural, one {# personne} other {# personnes}}` with Intl.PluralRules.
 */
export function interpolate(text: string, vars?: TranslateVars, locale: Locale = 'fr'): string {
  if (!vars) return text;
  const format = (value: string | number) =>
    typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  const plurals = new Intl.PluralRules(locale);
  return text
    .replace(
      /\{(\w+), plural, one \{([^}]*)\} other \{([^}]*)\}\}/g,
      (whole, name: string, one: string, other: string) => {
        const value = vars[name];
        if (value === undefined) return whole;
        // Callers may pass numbers already formatted ('1 234'): select on the digits.
        const n = typeof value === 'number' ? value : Number(value.replace(/[^\d.-]/g, ''));
        return (plurals.select(n) === 'one' ? one : other).replace('#', format(value));
      },
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? format(vars[name]) : whole));
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({
  children,
  dictionaries,
}: {
  children: ReactNode;
  dictionaries: Dictionaries;
}) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // ignore
    }
    // The public pages are drawn by the server, which reads the language from this cookie.
    document.cookie = `levier_lang=${next}; path=/; max-age=31536000; samesite=lax`;
  }, []);

  const t = useCallback<Translate>(
    (key, vars) => interpolate(dictionaries[locale][key] ?? key, vars, locale),
    [locale, dictionaries],
  );
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('I18nProvider is missing');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLocale(): [Locale, (locale: Locale) => void] {
  const { locale, setLocale } = useI18n();
  return [locale, setLocale];
}
