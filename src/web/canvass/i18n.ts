import { useSyncExternalStore } from 'react';
import type { Locale } from '../../contracts/common.ts';
import { interpolate, type TranslateVars } from '../core/i18n/index.tsx';
import { en, fr, type CanvassMessageKey } from './messages.ts';

/** The same choice as the HQ app's language switch. */
const STORAGE_KEY = 'levier.locale';
const dictionaries: Record<Locale, Record<CanvassMessageKey, string>> = { fr, en };

export type CanvassTranslate = (key: CanvassMessageKey, vars?: TranslateVars) => string;

function storedLocale(): Locale {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr'; // storage may be unavailable (private mode)
  }
}

let locale: Locale = typeof window === 'undefined' ? 'fr' : storedLocale();
if (typeof document !== 'undefined') document.documentElement.lang = locale;
const listeners = new Set<() => void>();

export function setLocale(next: Locale): void {
  locale = next;
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // kept for this visit only
  }
  document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

export const translator =
  (current: Locale): CanvassTranslate =>
  (key, vars) =>
    interpolate(dictionaries[current][key], vars, current);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** The current language and its translator; components re-render when it changes. */
export function useI18n(): { locale: Locale; t: CanvassTranslate } {
  const current = useSyncExternalStore(subscribe, () => locale);
  return { locale: current, t: translator(current) };
}

const tag = (current: Locale) => (current === 'en' ? 'en-GB' : 'fr-FR');

/** "5 décembre à 14:05": when a pack or the turf list was saved. */
export const dateTimeText = (current: Locale, at: number | string) =>
  new Intl.DateTimeFormat(tag(current), {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));

export const timeText = (current: Locale, at: number) =>
  new Intl.DateTimeFormat(tag(current), { hour: '2-digit', minute: '2-digit' }).format(
    new Date(at),
  );

/** A day of the contracts (YYYY-MM-DD), as a date without time zone shift. */
export const dayText = (current: Locale, day: string) =>
  new Intl.DateTimeFormat(tag(current), {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
