import type { PublicSite } from '../../../../contracts/recruitment.ts';
import { privacyAddendum } from '../../settings/legal.ts';
import { t, type Locale } from './i18n.ts';
import { callToAction } from './signup-form.ts';
import { escapeHtml, langAttr, localized, paragraphs } from './text.ts';

/** Messages another page leaves for the home page (`/?notice=`), after leaving the space. */
const notices = { deleted: 'me.deleted', loggedOutEverywhere: 'me.loggedOutEverywhere' } as const;
export type Notice = keyof typeof notices;
export const isNotice = (value: unknown): value is Notice =>
  typeof value === 'string' && Object.hasOwn(notices, value);

/** The home page's texts in the page's language. */
export function homeTexts(site: PublicSite, locale: Locale) {
  return {
    title: localized(site.home.title, site.home.en?.title, locale),
    message: localized(site.home.message, site.home.en?.message, locale),
  };
}

/** The campaign's message beside the sign-up form (or the "check your mail" panel). */
export function homeBody(site: PublicSite, locale: Locale, panel: string, notice?: Notice): string {
  const { title, message } = homeTexts(site, locale);
  const status = notice
    ? `<div class="alert success notice" role="status" tabindex="-1" data-notice>${escapeHtml(t(locale, notices[notice]))}</div>`
    : '';
  return `${status}<div class="home">
<section class="intro">
<h1${langAttr(title)}>${escapeHtml(title.text)}</h1>
<div class="message"${langAttr(message)}>${paragraphs(message.text)}</div>
</section>
<div class="card">${panel}</div>
</div>`;
}

/** The page's title for the form: the call to action (the embed) or the home title. */
export const formTitle = (site: PublicSite, locale: Locale) => callToAction(site, locale).title;

/** The confirmation page before the click: a button posting the link's token. */
export function confirmAsk(locale: Locale, token: string): string {
  return `<div class="narrow">
<h1>${escapeHtml(t(locale, 'confirm.title'))}</h1>
<form method="post" action="/confirm" data-confirm>
<input type="hidden" name="token" value="${escapeHtml(token)}">
<input type="hidden" name="locale" value="${locale}">
<p>${escapeHtml(t(locale, 'confirm.pending'))}</p>
<button type="submit" class="primary">${escapeHtml(t(locale, 'confirm.button'))}</button>
</form>
</div>`;
}

export function confirmInvalid(locale: Locale): string {
  return `<div class="narrow">
<h1>${escapeHtml(t(locale, 'confirm.title'))}</h1>
<div class="alert warning" role="alert">
<h2>${escapeHtml(t(locale, 'confirm.invalidTitle'))}</h2>
<p>${escapeHtml(t(locale, 'confirm.invalidText'))}</p>
</div>
<p><a class="button secondary" href="/">${escapeHtml(t(locale, 'confirm.signupAgain'))}</a></p>
</div>`;
}

/**
 * The confirmation done: thanks, what the sign-up was for (an event's place), the link to
 * invite others, and what is near the person (`nearby`, drawn by the features that own it).
 */
export function confirmDone(
  locale: Locale,
  result: { firstName: string | null; recruitUrl: string | null; purposeNote?: string | null },
  nearby = '',
): string {
  const thanks = result.firstName
    ? t(locale, 'confirm.thanksName', { name: result.firstName })
    : t(locale, 'confirm.thanks');
  // The best moment to recruit: the person has just said yes.
  const invite = result.recruitUrl
    ? `<section class="invite" aria-labelledby="confirm-invite">
<h2 id="confirm-invite">${escapeHtml(t(locale, 'confirm.inviteTitle'))}</h2>
<p>${escapeHtml(t(locale, 'confirm.inviteText'))}</p>
<div class="copy-field">
<div class="field"><label for="recruit-link">${escapeHtml(t(locale, 'me.recruitLink'))}</label>
<input id="recruit-link" type="text" readonly value="${escapeHtml(result.recruitUrl)}" data-select-on-focus></div>
<button type="button" class="secondary" data-copy="recruit-link" hidden>${escapeHtml(t(locale, 'me.copyLink'))}</button>
</div>
</section>`
    : '';
  return `<div class="narrow">
<h1>${escapeHtml(t(locale, 'confirm.title'))}</h1>
<div class="alert success" role="status">${escapeHtml(thanks)}${
    result.purposeNote ? `<p data-purpose-note>${escapeHtml(result.purposeNote)}</p>` : ''
  }</div>
${invite}
<p>${escapeHtml(t(locale, result.recruitUrl ? 'confirm.nextWithLink' : 'confirm.next'))}</p>
<p><a class="button primary" href="/login">${escapeHtml(t(locale, 'confirm.login'))}</a></p>
${nearby}
</div>`;
}

export type LegalPage = 'legalNotice' | 'privacyPolicy';

export const legalTitle = (locale: Locale, page: LegalPage) =>
  t(locale, page === 'legalNotice' ? 'legal.notice' : 'legal.privacy');

/** What Levier itself says on the privacy page, whatever the campaign wrote (settings/legal.ts). */
function addendum(locale: Locale): string {
  const { title, text } = privacyAddendum(locale);
  return `<section aria-labelledby="privacy-tracking">
<h2 id="privacy-tracking">${escapeHtml(title)}</h2>
${paragraphs(text)}
</section>`;
}

/** The legal notice or the privacy policy; French where no English text was written. */
export function legalBody(site: PublicSite, locale: Locale, page: LegalPage): string {
  const text = localized(site.legal.fr[page], site.legal.en?.[page], locale);
  return `<article class="legal">
<h1>${escapeHtml(legalTitle(locale, page))}</h1>
${text.lang ? `<p class="hint">${escapeHtml(t(locale, 'public.frenchOnly'))}</p>` : ''}
<div${langAttr(text)}>${paragraphs(text.text)}</div>
${page === 'privacyPolicy' ? addendum(locale) : ''}
</article>`;
}
