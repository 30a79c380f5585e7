import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../../../contracts/common.ts';
// The public pages are drawn here, on the server, with the web app's own dictionaries: every
// string of the interface is written once, in both languages, in its feature's messages.ts.
import type { MessageKey } from '../../../../web/core/i18n/index.tsx';
import { dictionaries } from '../../../../web/messages.ts';

export type { Locale, MessageKey };

/** A message in the page's language, `{name}` replaced by its value (plain text, unescaped). */
export function t(locale: Locale, key: MessageKey, vars: Record<string, string> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? vars[name] : whole,
  );
}

export const isMessageKey = (key: string): key is MessageKey => key in dictionaries.fr;

/** What the page's script says by itself (field errors, commune picker, copy, resend). */
const clientKeys = [
  'error.required',
  'error.too_long',
  'error.invalid_email',
  'error.invalid_phone',
  'error.unknown_postal_code',
  'error.commune_required',
  'error.no_links',
  'error.invalid_name',
  'error.landline_for_sms',
  'error.invalid_characters',
  'error.unknown_wording',
  'error.rate_limited',
  'error.network',
  'error.generic',
  'error.validation_failed',
  'geo.commune',
  'geo.communeIs',
  'geo.chooseCommune',
  'signup.sentTo',
  'signup.resent',
  'common.copied',
  'me.copyLink',
] as const satisfies readonly MessageKey[];

export type ClientMessages = Record<(typeof clientKeys)[number], string>;

export function clientMessages(locale: Locale): ClientMessages {
  return Object.fromEntries(
    clientKeys.map((key) => [key, dictionaries[locale][key]]),
  ) as ClientMessages;
}

/** The visitor's language: `?lang=` (kept in a cookie for the next pages), else the cookie. */
export const LOCALE_COOKIE = 'levier_lang';

export function localeOf(query: unknown, cookies: Record<string, string | undefined>): Locale {
  const asked = (query as { lang?: unknown } | undefined)?.lang;
  if (asked === 'en' || asked === 'fr') return asked;
  return cookies[LOCALE_COOKIE] === 'en' ? 'en' : 'fr';
}

/** The page's language; a `?lang=` choice is kept for the next pages. */
export function pageLocale(request: FastifyRequest, reply: FastifyReply, secure: boolean): Locale {
  const locale = localeOf(request.query, request.cookies);
  const asked = (request.query as { lang?: string }).lang;
  if ((asked === 'fr' || asked === 'en') && request.cookies[LOCALE_COOKIE] !== asked) {
    reply.setCookie(LOCALE_COOKIE, asked, {
      path: '/',
      sameSite: 'lax',
      secure,
      maxAge: 365 * 24 * 3600,
    });
  }
  return locale;
}
