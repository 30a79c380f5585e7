import type { Rank } from '../../../../contracts/access.ts';
import type { CommitteeArea } from '../../../../contracts/committee-area.ts';
import type { Committee, CommitteeSummary } from '../../../../contracts/committees.ts';
import type { EventSummary } from '../../../../contracts/events.ts';
import type { PlacePrecision } from '../../../../contracts/places.ts';
import { FORM_CSRF_FIELD } from '../../../core/http/csrf.ts';
import { reportLink } from '../../moderation/pages/views.ts';
import { committeeEventsSection } from '../../events/pages/committee-section.ts';
import { t, type Locale } from '../../recruitment/pages/i18n.ts';
import { escapeHtml } from '../../recruitment/pages/text.ts';
import { ct, type CommitteePageKey } from './messages.ts';

/** Where a supporter creates a committee (a page of the supporter space). */
export const CREATE_PATH = '/me/committees/new';
export const committeePath = (id: number) => `/committees/${id}`;

/** Messages a form post leaves for the committee's page (`?notice=`). */
const notices = {
  member: 'committeePage.notice.member',
  follower: 'committeePage.notice.follower',
  saved: 'committeePage.notice.saved',
  left: 'committeePage.notice.left',
} as const satisfies Record<string, CommitteePageKey>;
export type CommitteeNotice = keyof typeof notices;
export const isCommitteeNotice = (value: unknown): value is CommitteeNotice =>
  typeof value === 'string' && Object.hasOwn(notices, value);

/** The committee pages' own few rules; the rest is the public pages' style sheet. */
export const committeeStyle = `<style>
.committee-search{display:grid;gap:.8rem;max-width:32rem;margin-bottom:1.75rem}
.search-actions{display:flex;flex-wrap:wrap;gap:.5rem}
.committee-list{list-style:none;margin:0 0 1rem;padding:0;display:grid;gap:.75rem}
.committee-list li{border:1px solid var(--line);border-radius:var(--radius);padding:.75rem 1rem}
.committee-list h3{margin:0;font-size:1.1rem}
.committee-meta{margin:.2rem 0 0;color:var(--muted);font-size:.92rem}
.badge{display:inline-block;margin-left:.5rem;padding:0 .5rem;border-radius:1rem;background:var(--success-bg);color:var(--success);font-size:.78rem;font-weight:600;vertical-align:middle}
.committee{display:grid;gap:1.5rem}
@media(min-width:900px){.committee{grid-template-columns:7fr 5fr;align-items:start}}
.committee-form{display:grid;gap:.8rem;margin-bottom:1rem}
.committee-form fieldset{border:0;margin:0;padding:0;display:grid;gap:.5rem}
.committee-description{margin:1rem 0}
.committee-photo{display:block;width:100%;max-width:40rem;height:auto;aspect-ratio:16/9;object-fit:cover;border-radius:var(--radius);margin:1rem 0}
</style>`;

const COARSE: ReadonlySet<PlacePrecision> = new Set(['approximate', 'postal_code', 'departement']);
/** A point that is not the place itself: pages say so, and round distances to it. */
export const isCoarse = (precision: PlacePrecision) => COARSE.has(precision);

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'fr-FR');
const formats = {
  fr: numberFormats('fr'),
  en: numberFormats('en'),
};
function numberFormats(locale: Locale) {
  const tag = intlLocale(locale);
  return {
    oneDecimal: new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    whole: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
    plural: new Intl.PluralRules(tag),
    names: new Intl.ListFormat(tag, { type: 'conjunction' }),
  };
}

function distanceText(locale: Locale, km: number, precision: PlacePrecision): string {
  const format = formats[locale];
  return isCoarse(precision)
    ? ct(locale, 'committeePage.distanceAbout', { km: format.whole.format(km) })
    : ct(locale, 'committeePage.distance', { km: format.oneDecimal.format(km) });
}

function membersText(locale: Locale, count: number): string {
  const format = formats[locale];
  const key =
    format.plural.select(count) === 'one' ? 'committeePage.memberOne' : 'committeePage.memberMany';
  return ct(locale, key, { count: format.whole.format(count) });
}

const badge = (locale: Locale, certified: boolean) =>
  certified
    ? ` <span class="badge">${escapeHtml(ct(locale, 'committeePage.certified'))}</span>`
    : '';

/** The place's label, and a note when its point is only near it. */
function placeText(locale: Locale, place: CommitteeSummary['place']): string {
  const note = isCoarse(place.precision)
    ? ` (${escapeHtml(ct(locale, 'committeePage.approximate'))})`
    : '';
  return `${escapeHtml(place.label)}${note}`;
}

/** A committee in a list: its name and badge, where, how far, how many members. */
export function summaryItem(locale: Locale, committee: CommitteeSummary): string {
  const meta = [
    placeText(locale, committee.place),
    ...(committee.distanceKm === null
      ? []
      : [escapeHtml(distanceText(locale, committee.distanceKm, committee.place.precision))]),
    escapeHtml(membersText(locale, committee.memberCount)),
  ];
  return `<li>
<h3><a href="${committeePath(committee.id)}">${escapeHtml(committee.name)}</a>${badge(locale, committee.certified)}</h3>
<p class="committee-meta">${meta.join(' · ')}</p>
</li>`;
}

export interface FindView {
  locale: Locale;
  /** The postal or commune code as typed. */
  typed: string;
  /** What is wrong with it, if anything: then no list is shown. */
  error: string | null;
  heading: string;
  /** What an empty list says. */
  empty: string;
  items: CommitteeSummary[];
  /** The next page's address, when there is one. */
  moreHref: string | null;
  /** The map's place (recruitment/pages/map-panel.ts), above the list; none on an error. */
  map?: string;
}

/** "Find a committee": the search form, then the committees found (or what to do next). */
export function findBody(view: FindView): string {
  const { locale } = view;
  const describedBy = ['committee-place-hint', ...(view.error ? ['committee-place-error'] : [])];
  const form = `<form class="committee-search" method="get" action="/committees" role="search">
<div class="field">
<label for="committee-place">${escapeHtml(ct(locale, 'committeePage.placeLabel'))}</label>
<input type="text" id="committee-place" name="place" value="${escapeHtml(view.typed)}" inputmode="numeric" autocomplete="postal-code" maxlength="10" aria-describedby="${describedBy.join(' ')}"${view.error ? ' aria-invalid="true"' : ''}>
<p class="hint" id="committee-place-hint">${escapeHtml(ct(locale, 'committeePage.placeHint'))}</p>
${view.error ? `<p class="field-error" id="committee-place-error">${escapeHtml(view.error)}</p>` : ''}
</div>
<div class="search-actions">
<button type="submit" class="primary">${escapeHtml(ct(locale, 'committeePage.search'))}</button>
<button type="button" class="secondary" data-near-me data-locating="${escapeHtml(ct(locale, 'committeePage.locating'))}" data-denied="${escapeHtml(ct(locale, 'committeePage.locationDenied'))}" hidden>${escapeHtml(ct(locale, 'committeePage.nearMe'))}</button>
</div>
<p class="hint" role="status" data-near-me-status></p>
</form>`;
  return `<h1>${escapeHtml(ct(locale, 'committeePage.findTitle'))}</h1>
<p>${escapeHtml(ct(locale, 'committeePage.findIntro'))}</p>
${form}
${
  view.error
    ? ''
    : `${view.map ?? ''}
${results(view)}`
}`;
}

function results(view: FindView): string {
  const { locale } = view;
  if (view.items.length === 0) {
    return `<section class="card narrow" aria-labelledby="committee-create-title">
<p><strong>${escapeHtml(view.empty)}</strong></p>
<h2 id="committee-create-title">${escapeHtml(ct(locale, 'committeePage.createTitle'))}</h2>
<p>${escapeHtml(ct(locale, 'committeePage.createText'))}</p>
<p><a class="button primary" href="${CREATE_PATH}">${escapeHtml(ct(locale, 'committeePage.create'))}</a></p>
</section>`;
  }
  const more = view.moreHref
    ? `<p><a class="button secondary" rel="next" href="${escapeHtml(view.moreHref)}">${escapeHtml(ct(locale, 'committeePage.more'))}</a></p>`
    : '';
  return `<section aria-labelledby="committee-results-title">
<h2 id="committee-results-title">${escapeHtml(view.heading)}</h2>
<ol class="committee-list">
${view.items.map((item) => summaryItem(locale, item)).join('\n')}
</ol>
${more}
<p><a href="${CREATE_PATH}">${escapeHtml(ct(locale, 'committeePage.createAnother'))}</a></p>
</section>`;
}

export interface CommitteeView {
  locale: Locale;
  committee: Committee;
  /** The form posts' token, for a logged-in visitor; null for anyone else. */
  csrfToken: string | null;
  notice: CommitteeNotice | null;
  error: string | null;
  /** Its next public events, soonest first. */
  events: readonly EventSummary[];
  timeZone: string;
  /** Where it campaigns: its commune, the communes it chose, or a drawn area. */
  area: CommitteeArea;
}

/** The committee's area in words: its communes by name, or a drawn area around its place. */
function areaText(locale: Locale, area: CommitteeArea): string {
  const text =
    area.kind === 'polygon'
      ? ct(locale, 'committeePage.areaDrawn', { place: area.around })
      : formats[locale].names.format(area.communes.map((c) => c.name));
  if (!text) return '';
  return `<p class="committee-meta"><strong>${escapeHtml(ct(locale, 'committeePage.area'))}</strong>
<span>${escapeHtml(text)}</span></p>`;
}

const hiddenFields = (locale: Locale, csrfToken: string) =>
  `<input type="hidden" name="${FORM_CSRF_FIELD}" value="${escapeHtml(csrfToken)}">
<input type="hidden" name="locale" value="${locale}">`;

/** A committee's public page: what it is, where, who runs it, and how to join it. */
export function committeeBody(view: CommitteeView): string {
  const { locale, committee } = view;
  const status = [
    view.notice
      ? `<div class="alert success notice" role="status" tabindex="-1" data-notice>${escapeHtml(ct(locale, notices[view.notice]))}</div>`
      : '',
    view.error ? `<div class="alert error" role="alert">${escapeHtml(view.error)}</div>` : '',
    committee.status === 'published'
      ? ''
      : `<div class="alert warning">${escapeHtml(ct(locale, 'committeePage.notPublic'))}</div>`,
  ].join('');
  const organisers = committee.organisers.length
    ? `<p class="committee-meta">${escapeHtml(
        ct(locale, 'committeePage.organisedBy', {
          names: formats[locale].names.format(committee.organisers),
        }),
      )}</p>`
    : '';
  return `<p><a href="/committees">${escapeHtml(ct(locale, 'committeePage.all'))}</a></p>
${status}<div class="committee">
<section>
<h1>${escapeHtml(committee.name)}${badge(locale, committee.certified)}</h1>
<p class="committee-meta">${placeText(locale, committee.place)} · ${escapeHtml(membersText(locale, committee.memberCount))}</p>
${organisers}
${
  committee.photoUrl
    ? `<img class="committee-photo" src="${escapeHtml(committee.photoUrl)}" alt="${escapeHtml(ct(locale, 'committeePage.photoAlt', { name: committee.name }))}" decoding="async">`
    : ''
}
${areaText(locale, view.area)}
<div class="committee-description">${committee.descriptionHtml}</div>
${contact(locale, committee)}
${committee.status === 'published' ? reportLink(locale, 'committee', committee.id) : ''}
${
  // Its calendar is served to anyone: only for a committee anyone may see.
  committee.status === 'published'
    ? committeeEventsSection(locale, committee.id, view.events, view.timeZone)
    : ''
}
</section>
<section class="card" aria-labelledby="committee-join-title">
${participation(view)}
</section>
</div>`;
}

function contact(locale: Locale, committee: Committee): string {
  const lines = [
    committee.contactEmail
      ? `<li>${escapeHtml(ct(locale, 'committeePage.email'))} <a href="mailto:${escapeHtml(committee.contactEmail)}">${escapeHtml(committee.contactEmail)}</a></li>`
      : '',
    committee.contactPhone
      ? `<li>${escapeHtml(ct(locale, 'committeePage.phone'))} <a href="tel:${escapeHtml(committee.contactPhone.replace(/[^\d+]/g, ''))}">${escapeHtml(committee.contactPhone)}</a></li>`
      : '',
  ].filter(Boolean);
  if (lines.length === 0) return '';
  return `<h2>${escapeHtml(ct(locale, 'committeePage.contact'))}</h2>
<ul>
${lines.join('\n')}
</ul>`;
}

const youAre: Record<Rank, CommitteePageKey> = {
  organiser: 'committeePage.youAre.organiser',
  manager: 'committeePage.youAre.manager',
  member: 'committeePage.youAre.member',
  follower: 'committeePage.youAre.follower',
};

/** Joining for a visitor who is logged in; the way to log in or sign up for anyone else. */
function participation(view: CommitteeView): string {
  const { locale, committee, csrfToken } = view;
  const id = committee.id;
  if (!csrfToken) {
    const next = encodeURIComponent(committeePath(id));
    return `<h2 id="committee-join-title">${escapeHtml(ct(locale, 'committeePage.loginTitle'))}</h2>
<p>${escapeHtml(ct(locale, 'committeePage.loginText'))}</p>
<p><a class="button primary" href="/login?next=${next}">${escapeHtml(t(locale, 'nav.login'))}</a></p>
<p><a href="${locale === 'en' ? '/?lang=en' : '/'}">${escapeHtml(ct(locale, 'committeePage.signup'))}</a></p>`;
  }
  const mine = committee.myMembership;
  const share = `<label class="check"><input type="checkbox" name="shareContact" value="on"${mine?.shareContact ? ' checked' : ''}> ${escapeHtml(ct(locale, 'committeePage.shareContact'))}</label>`;
  const leads = mine?.rank === 'organiser' || mine?.rank === 'manager';
  // Organisers and managers keep their rank whatever they choose here: only what they share.
  const choice = leads
    ? '<input type="hidden" name="as" value="member">'
    : rankChoice(locale, committee, mine?.rank ?? null);
  const form = `<form class="committee-form" method="post" action="${committeePath(id)}/join">
${hiddenFields(locale, csrfToken)}
${choice}
${share}
<button type="submit" class="primary">${escapeHtml(ct(locale, mine ? 'committeePage.save' : 'committeePage.join'))}</button>
</form>`;
  if (!mine) {
    return `<h2 id="committee-join-title">${escapeHtml(ct(locale, 'committeePage.joinTitle'))}</h2>
${form}`;
  }
  const manage = leads
    ? `<p><a class="button secondary" href="/me/committees/${id}/manage">${escapeHtml(ct(locale, 'committeePage.manage'))}</a></p>`
    : '';
  return `<h2 id="committee-join-title">${escapeHtml(ct(locale, 'committeePage.yours'))}</h2>
<p><strong>${escapeHtml(ct(locale, youAre[mine.rank]))}</strong></p>
${manage}
${form}
<form method="post" action="${committeePath(id)}/leave">
${hiddenFields(locale, csrfToken)}
<button type="submit" class="secondary">${escapeHtml(ct(locale, 'committeePage.leave'))}</button>
</form>`;
}

/** Member or follower; a committee closed to new members offers following only. */
function rankChoice(locale: Locale, committee: Committee, current: Rank | null): string {
  const memberOffered = committee.openToMembers || current === 'member';
  const asMember = current ? current === 'member' : memberOffered;
  const radio = (value: 'member' | 'follower', key: CommitteePageKey, checked: boolean) =>
    `<label class="check"><input type="radio" name="as" value="${value}"${checked ? ' checked' : ''}> ${escapeHtml(ct(locale, key))}</label>`;
  return `<fieldset>
<legend>${escapeHtml(ct(locale, 'committeePage.joinAs'))}</legend>
${memberOffered ? radio('member', 'committeePage.asMember', asMember) : `<p class="hint">${escapeHtml(ct(locale, 'committeePage.closedToMembers'))}</p>`}
${radio('follower', 'committeePage.asFollower', !asMember)}
</fieldset>`;
}

/** What the public sees of a committee that does not exist, or is not public. */
export function notFoundBody(locale: Locale): string {
  return `<div class="narrow">
<h1>${escapeHtml(ct(locale, 'committeePage.notFoundTitle'))}</h1>
<p>${escapeHtml(ct(locale, 'committeePage.notFoundText'))}</p>
<p><a class="button primary" href="/committees">${escapeHtml(ct(locale, 'committeePage.all'))}</a></p>
</div>`;
}
