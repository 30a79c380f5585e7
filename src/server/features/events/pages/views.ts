import {
  eventTypeSchema,
  type Event,
  type EventSummary,
  type EventType,
} from '../../../../contracts/events.ts';
import type { Commune } from '../../../../contracts/geo.ts';
import type { PublicSite } from '../../../../contracts/recruitment.ts';
import { FORM_CSRF_FIELD } from '../../../core/http/csrf.ts';
import type { FieldError } from '../../../core/http/errors.ts';
import { isCoarse } from '../../committees/pages/views.ts';
import { t, type Locale } from '../../recruitment/pages/i18n.ts';
import {
  renderFormNotice,
  renderSignupFields,
  type SignupValues,
} from '../../recruitment/pages/signup-form.ts';
import { escapeHtml } from '../../recruitment/pages/text.ts';
import { eventPath } from './committee-section.ts';
import { isFull, placesText, whenHtml } from './format.ts';
import { et, type EventPageKey } from './messages.ts';

export { eventPath };

/** Messages a form post leaves for the event's page (`?notice=`). */
const notices = {
  going: 'eventPage.notice.going',
  waitlist: 'eventPage.notice.waitlist',
  saved: 'eventPage.notice.saved',
  withdrawn: 'eventPage.notice.withdrawn',
  pending: 'eventPage.notice.pending',
} as const satisfies Record<string, EventPageKey>;
export type EventNotice = keyof typeof notices;
export const isEventNotice = (value: unknown): value is EventNotice =>
  typeof value === 'string' && Object.hasOwn(notices, value);

/** The event pages' own few rules; the rest is the public pages' style sheet. */
export const eventsStyle = `<style>
.event-search{display:grid;gap:.8rem;max-width:36rem;margin-bottom:1.75rem}
.event-filters{display:grid;gap:.8rem;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr))}
.event-search input[type=date],.event-form select{width:100%;min-height:2.6rem;padding:.45rem .65rem;font:inherit;color:inherit;background:#fff;border:1px solid #8c959f;border-radius:var(--radius)}
.search-actions{display:flex;flex-wrap:wrap;gap:.5rem}
.event-list{list-style:none;margin:0 0 1rem;padding:0;display:grid;gap:.75rem}
.event-list li{border:1px solid var(--line);border-radius:var(--radius);padding:.75rem 1rem}
.event-list h3{margin:0;font-size:1.1rem}
.event-meta{margin:.2rem 0 0;color:var(--muted);font-size:.92rem}
.event-type{font-weight:600;color:inherit}
.event{display:grid;gap:1.5rem}
@media(min-width:900px){.event{grid-template-columns:7fr 5fr;align-items:start}}
.event-facts{list-style:none;margin:1rem 0;padding:0;display:grid;gap:.4rem}
.event-form{display:grid;gap:.8rem;margin-bottom:1rem}
.event-description{margin:1rem 0}
.event-link{word-break:break-all}
.badge-cancelled{display:inline-block;margin-left:.5rem;padding:0 .5rem;border-radius:1rem;background:var(--danger);color:#fff;font-size:.78rem;font-weight:600;vertical-align:middle}
</style>`;

export const typeLabel = (locale: Locale, type: EventType) => t(locale, `events.type.${type}`);

/** Where: the place (and a note when its point is only near it), or online. */
function whereText(locale: Locale, event: EventSummary, street: string | null = null): string {
  if (!event.place) return escapeHtml(et(locale, 'eventPage.online'));
  const note = isCoarse(event.place.precision)
    ? ` (${escapeHtml(et(locale, 'eventPage.approximate'))})`
    : '';
  const label = street ? `${street}, ${event.place.label}` : event.place.label;
  const online = event.online ? ` · ${escapeHtml(et(locale, 'eventPage.online'))}` : '';
  return `${escapeHtml(label)}${note}${online}`;
}

const numbers = {
  fr: {
    decimal: new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    whole: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }),
  },
  en: {
    decimal: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    whole: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
  },
};

function distanceText(locale: Locale, event: EventSummary): string | null {
  if (event.distanceKm === null || !event.place) return null;
  return isCoarse(event.place.precision)
    ? et(locale, 'eventPage.distanceAbout', { km: numbers[locale].whole.format(event.distanceKm) })
    : et(locale, 'eventPage.distance', { km: numbers[locale].decimal.format(event.distanceKm) });
}

const cancelledBadge = (locale: Locale, event: EventSummary) =>
  event.status === 'cancelled'
    ? ` <span class="badge-cancelled">${escapeHtml(et(locale, 'eventPage.cancelled'))}</span>`
    : '';

/** An event in a list: its title, type and when, where and how far, its places. */
export function summaryItem(locale: Locale, event: EventSummary, timeZone: string): string {
  const distance = distanceText(locale, event);
  const where = [
    whereText(locale, event),
    ...(distance ? [escapeHtml(distance)] : []),
    ...(event.committeeName ? [escapeHtml(event.committeeName)] : []),
  ];
  return `<li>
<h3><a href="${eventPath(event.id)}">${escapeHtml(event.title)}</a>${cancelledBadge(locale, event)}</h3>
<p class="event-meta"><span class="event-type">${escapeHtml(typeLabel(locale, event.type))}</span> · ${whenHtml(locale, event, timeZone)}</p>
<p class="event-meta">${where.join(' · ')}</p>
<p class="event-meta">${escapeHtml(placesText(locale, event))}</p>
</li>`;
}

/** What was asked of "Find an event", as typed (for the form). */
export interface EventSearchTyped {
  place: string;
  type: string;
  from: string;
  to: string;
}

export interface FindView {
  locale: Locale;
  typed: EventSearchTyped;
  /** What is wrong with the search, if anything: then no list is shown. */
  error: string | null;
  heading: string;
  /** What an empty list says. */
  empty: string;
  items: EventSummary[];
  /** The next page's address, when there is one. */
  moreHref: string | null;
  timeZone: string;
  /** The map's place (recruitment/pages/map-panel.ts), above the list; none on an error. */
  map?: string;
}

/** "Find an event": the search form and its filters, then the events found. */
export function findBody(view: FindView): string {
  const { locale, typed } = view;
  const describedBy = ['event-place-hint', ...(view.error ? ['event-place-error'] : [])];
  const types = eventTypeSchema.options
    .map(
      (type) =>
        `<option value="${type}"${typed.type === type ? ' selected' : ''}>${escapeHtml(typeLabel(locale, type))}</option>`,
    )
    .join('');
  const day = (name: 'from' | 'to', key: EventPageKey) =>
    `<div class="field">
<label for="event-${name}">${escapeHtml(et(locale, key))}</label>
<input type="date" id="event-${name}" name="${name}" value="${escapeHtml(typed[name])}">
</div>`;
  const form = `<form class="event-search" method="get" action="/events" role="search">
<div class="field">
<label for="event-place">${escapeHtml(et(locale, 'eventPage.placeLabel'))}</label>
<input type="text" id="event-place" name="place" value="${escapeHtml(typed.place)}" inputmode="numeric" autocomplete="postal-code" maxlength="10" aria-describedby="${describedBy.join(' ')}"${view.error ? ' aria-invalid="true"' : ''}>
<p class="hint" id="event-place-hint">${escapeHtml(et(locale, 'eventPage.placeHint'))}</p>
${view.error ? `<p class="field-error" id="event-place-error">${escapeHtml(view.error)}</p>` : ''}
</div>
<div class="event-filters event-form">
<div class="field">
<label for="event-type">${escapeHtml(et(locale, 'eventPage.typeLabel'))}</label>
<select id="event-type" name="type"><option value="">${escapeHtml(et(locale, 'eventPage.anyType'))}</option>${types}</select>
</div>
${day('from', 'eventPage.fromLabel')}
${day('to', 'eventPage.toLabel')}
</div>
<div class="search-actions">
<button type="submit" class="primary">${escapeHtml(et(locale, 'eventPage.search'))}</button>
<button type="button" class="secondary" data-near-me data-locating="${escapeHtml(et(locale, 'eventPage.locating'))}" data-denied="${escapeHtml(et(locale, 'eventPage.locationDenied'))}" hidden>${escapeHtml(et(locale, 'eventPage.nearMe'))}</button>
</div>
<p class="hint" role="status" data-near-me-status></p>
</form>`;
  return `<h1>${escapeHtml(et(locale, 'eventPage.findTitle'))}</h1>
<p>${escapeHtml(et(locale, 'eventPage.findIntro'))}</p>
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
    return `<section class="card narrow">
<p><strong>${escapeHtml(view.empty)}</strong></p>
<p>${escapeHtml(et(locale, 'eventPage.noneNext'))}</p>
<p><a class="button primary" href="/committees">${escapeHtml(et(locale, 'eventPage.findCommittee'))}</a></p>
</section>`;
  }
  const more = view.moreHref
    ? `<p><a class="button secondary" rel="next" href="${escapeHtml(view.moreHref)}">${escapeHtml(et(locale, 'eventPage.more'))}</a></p>`
    : '';
  return `<section aria-labelledby="event-results-title">
<h2 id="event-results-title">${escapeHtml(view.heading)}</h2>
<ol class="event-list">
${view.items.map((item) => summaryItem(locale, item, view.timeZone)).join('\n')}
</ol>
${more}
</section>`;
}

export interface EventView {
  locale: Locale;
  event: Event;
  /** The address typed with the place, shown before it. */
  street: string | null;
  timeZone: string;
  /** The form posts' token, for a logged-in visitor; null for anyone else. */
  csrfToken: string | null;
  /** The private link's key the page was opened with, kept in its links and forms. */
  key: string | null;
  /** The event's calendar file, for the events anyone may fetch. */
  calendarHref: string | null;
  publicUrl: string;
  notice: EventNotice | null;
  error: string | null;
  now: Date;
  /** The campaign's texts: the visitor form's consent wording and notice. */
  site: PublicSite;
  /** The visitor form as typed, when it comes back with errors. */
  visitor: VisitorForm;
  /** A door-to-door session's turfs and doors, an item of the facts (the field feature's). */
  fieldCoverage?: string;
}

/** What the visitor typed in the answer form, and what was wrong with it. */
export interface VisitorForm {
  values?: SignupValues & { guests?: string };
  errors?: FieldError[];
  /** An error about the whole form (rate limit, outdated wording). */
  formError?: string;
  /** Communes of the postal code typed, when the form comes back from the server. */
  communes?: Commune[];
}

/** An event's address with its private key, when it was opened with one. */
export const eventHref = (id: number, key: string | null) =>
  key ? `${eventPath(id)}?key=${encodeURIComponent(key)}` : eventPath(id);

const hiddenFields = (locale: Locale, csrfToken: string, key: string | null) =>
  `<input type="hidden" name="${FORM_CSRF_FIELD}" value="${escapeHtml(csrfToken)}">
<input type="hidden" name="locale" value="${locale}">${
    key ? `\n<input type="hidden" name="key" value="${escapeHtml(key)}">` : ''
  }`;

/** An event's public page: what, when, where, who organises it, and how to answer. */
export function eventBody(view: EventView): string {
  const { locale, event } = view;
  const over = new Date(event.endsAt) < view.now;
  const manages = event.privateKey !== null;
  const status = [
    view.notice
      ? `<div class="alert success notice" role="status" tabindex="-1" data-notice>${escapeHtml(et(locale, notices[view.notice]))}</div>`
      : '',
    view.error ? `<div class="alert error" role="alert">${escapeHtml(view.error)}</div>` : '',
    event.status === 'cancelled'
      ? `<div class="alert warning" role="status"><strong>${escapeHtml(et(locale, 'eventPage.cancelled'))}</strong> · ${escapeHtml(et(locale, 'eventPage.cancelledText'))}</div>`
      : event.status === 'unpublished'
        ? `<div class="alert warning">${escapeHtml(et(locale, 'eventPage.notPublic'))}</div>`
        : over
          ? `<div class="alert warning">${escapeHtml(et(locale, 'eventPage.overText'))}</div>`
          : '',
  ].join('');
  const organiser =
    event.committeeId !== null && event.committeeName !== null
      ? // The message's {name} is left for the link, put in once the text is escaped.
        escapeHtml(et(locale, 'eventPage.byCommittee')).replace(
          '{name}',
          () =>
            `<a href="/committees/${event.committeeId}">${escapeHtml(event.committeeName!)}</a>`,
        )
      : escapeHtml(et(locale, 'eventPage.byCampaign'));
  const seesLink = manages || event.myRsvp?.status === 'going';
  const online = event.online
    ? seesLink && event.onlineUrl
      ? `<li><a class="event-link" href="${escapeHtml(event.onlineUrl)}" rel="noopener">${escapeHtml(et(locale, 'eventPage.onlineLink'))}</a> <span class="event-link">${escapeHtml(event.onlineUrl)}</span></li>`
      : `<li>${escapeHtml(et(locale, 'eventPage.onlineHidden'))}</li>`
    : '';
  const visibility =
    event.visibility === 'private'
      ? `<li>${escapeHtml(et(locale, 'eventPage.privateNote'))}</li>`
      : event.visibility === 'members'
        ? `<li>${escapeHtml(et(locale, 'eventPage.membersNote'))}</li>`
        : '';
  const calendar =
    view.calendarHref && event.status === 'published'
      ? `<p><a class="button secondary" href="${escapeHtml(view.calendarHref)}">${escapeHtml(et(locale, 'eventPage.addToCalendar'))}</a></p>`
      : '';
  const manage = manages
    ? `<p><a class="button secondary" href="/me/events/${event.id}/manage">${escapeHtml(et(locale, 'eventPage.manage'))}</a></p>${
        event.visibility === 'private'
          ? `<p class="hint">${escapeHtml(et(locale, 'eventPage.privateLink'))} <span class="event-link">${escapeHtml(`${view.publicUrl}${eventHref(event.id, event.privateKey)}`)}</span></p>`
          : ''
      }`
    : '';
  return `<p><a href="/events">${escapeHtml(et(locale, 'eventPage.all'))}</a></p>
${status}<div class="event">
<section>
<p class="event-meta"><span class="event-type">${escapeHtml(typeLabel(locale, event.type))}</span></p>
<h1>${escapeHtml(event.title)}${cancelledBadge(locale, event)}</h1>
<ul class="event-facts">
<li>${whenHtml(locale, event, view.timeZone)}</li>
${event.place ? `<li>${whereText(locale, { ...event, online: false }, view.street)}</li>` : ''}
${online}
<li>${organiser}</li>
<li>${escapeHtml(placesText(locale, event))}</li>
${visibility}
${view.fieldCoverage ?? ''}
</ul>
${calendar}
${manage}
<div class="event-description">${event.descriptionHtml}</div>
</section>
<section class="card" aria-labelledby="event-answer-title">
${participation(view, over)}
</section>
</div>`;
}

/** Answering for a visitor who is logged in; the way to log in or sign up for anyone else. */
function participation(view: EventView, over: boolean): string {
  const { locale, event, csrfToken, key } = view;
  const action = eventPath(event.id);
  if (event.status !== 'published' || over) {
    return `<h2 id="event-answer-title">${escapeHtml(et(locale, 'eventPage.answerTitle'))}</h2>
<p>${escapeHtml(et(locale, 'eventPage.closed'))}</p>`;
  }
  if (!csrfToken) {
    const next = encodeURIComponent(eventHref(event.id, key));
    const login = `<a href="/login?next=${next}">${escapeHtml(t(locale, 'nav.login'))}</a>`;
    // A members' event takes its committee's members only: they log in.
    if (event.visibility !== 'members') return visitorForm(view, login);
    return `<h2 id="event-answer-title">${escapeHtml(et(locale, 'eventPage.loginTitle'))}</h2>
<p>${escapeHtml(et(locale, 'eventPage.loginText'))}</p>
<p><a class="button primary" href="/login?next=${next}">${escapeHtml(t(locale, 'nav.login'))}</a></p>
<p><a href="${locale === 'en' ? '/?lang=en' : '/'}">${escapeHtml(et(locale, 'eventPage.signup'))}</a></p>`;
  }
  const mine = event.myRsvp && event.myRsvp.status !== 'pending' ? event.myRsvp : null;
  const guestsField = guestsSelect(locale, mine?.guests ?? 0);
  if (!mine) {
    const full = isFull(event);
    return `<h2 id="event-answer-title">${escapeHtml(et(locale, 'eventPage.answerTitle'))}</h2>
${event.myRsvp?.status === 'pending' ? `<p>${escapeHtml(et(locale, 'eventPage.youPending'))}</p>` : ''}
${full ? `<p>${escapeHtml(et(locale, 'eventPage.fullHint'))}</p>` : ''}
<form class="event-form" method="post" action="${action}/rsvp">
${hiddenFields(locale, csrfToken, key)}
${guestsField}
<button type="submit" class="primary">${escapeHtml(et(locale, full ? 'eventPage.answerWaitlist' : 'eventPage.answer'))}</button>
</form>`;
  }
  const state =
    mine.status === 'waitlist'
      ? et(locale, 'eventPage.youWait')
      : mine.guests === 0
        ? et(locale, 'eventPage.youGo')
        : mine.guests === 1
          ? et(locale, 'eventPage.youGoWithOne')
          : et(locale, 'eventPage.youGoWithMany', { count: String(mine.guests) });
  return `<h2 id="event-answer-title">${escapeHtml(et(locale, 'eventPage.yours'))}</h2>
<p><strong>${escapeHtml(state)}</strong></p>
<form class="event-form" method="post" action="${action}/rsvp">
${hiddenFields(locale, csrfToken, key)}
${guestsField}
<button type="submit" class="secondary">${escapeHtml(et(locale, 'eventPage.saveGuests'))}</button>
</form>
<form method="post" action="${action}/rsvp/withdraw">
${hiddenFields(locale, csrfToken, key)}
<button type="submit" class="secondary">${escapeHtml(et(locale, 'eventPage.withdraw'))}</button>
</form>`;
}

function guestsSelect(locale: Locale, guests: number, error?: FieldError): string {
  const options = Array.from(
    { length: 11 },
    (_, n) => `<option value="${n}"${n === guests ? ' selected' : ''}>${n}</option>`,
  ).join('');
  const invalid = error ? ' aria-invalid="true" aria-describedby="event-guests-error"' : '';
  return `<div class="field">
<label for="event-guests">${escapeHtml(et(locale, 'eventPage.guests'))}</label>
<select id="event-guests" name="guests"${invalid}>${options}</select>
${error ? `<p class="field-error" id="event-guests-error">${escapeHtml(et(locale, 'eventPage.error.guests'))}</p>` : ''}
</div>`;
}

/**
 * The visitor's answer: name, address and postal code as the sign-up takes them, with its
 * consent wording and notice, and guests. It posts as a plain form; the address is confirmed
 * by mail before the answer counts.
 */
function visitorForm(view: EventView, login: string): string {
  const { locale, event, key, site } = view;
  const form = view.visitor;
  const full = isFull(event);
  const guestsError = form.errors?.find((error) => error.field === 'guests');
  const guests = Number(form.values?.guests ?? 0);
  const hidden = [
    `<input type="hidden" name="locale" value="${locale}">`,
    `<input type="hidden" name="wordingVersion" value="${escapeHtml(site.consentWording[locale].version)}">`,
    ...(key ? [`<input type="hidden" name="key" value="${escapeHtml(key)}">`] : []),
  ].join('\n');
  return `<h2 id="event-answer-title">${escapeHtml(et(locale, 'eventPage.visitorTitle'))}</h2>
<p>${escapeHtml(et(locale, 'eventPage.visitorText'))}</p>
${full ? `<p>${escapeHtml(et(locale, 'eventPage.fullHint'))}</p>` : ''}
<form class="signup-form event-form" method="post" action="${eventPath(event.id)}/rsvp/visitor" novalidate aria-labelledby="event-answer-title" data-visitor-answer>
<div class="alert error" role="alert"${form.formError ? '' : ' hidden'}>${escapeHtml(form.formError ?? '')}</div>
${hidden}
${renderSignupFields(
  {
    site,
    locale,
    source: 'event',
    attribution: {},
    values: form.values,
    errors: form.errors,
    communes: form.communes,
  },
  { phone: false },
)}
${guestsSelect(locale, Number.isInteger(guests) && guests >= 0 && guests <= 10 ? guests : 0, guestsError)}
<button type="submit" class="primary">${escapeHtml(et(locale, full ? 'eventPage.visitorSubmitWaitlist' : 'eventPage.visitorSubmit'))}</button>
${renderFormNotice(site, locale, false)}
</form>
<p>${escapeHtml(et(locale, 'eventPage.haveAccount'))} ${login}</p>`;
}

/** The plain-text summary of an event for its page's description and Open Graph tags. */
export function eventSummaryText(locale: Locale, event: Event, when: string): string {
  return et(locale, 'eventPage.description', {
    type: typeLabel(locale, event.type),
    when,
    place: event.place?.label ?? et(locale, 'eventPage.online'),
  });
}

/** The one-click cancellation from a mail: a button, since mail clients fetch links. */
export function cancelAskBody(
  locale: Locale,
  view: { token: string; csrfToken: string; title: string; when: string; answered: boolean },
  error: string | null,
): string {
  const alert = error ? `<div class="alert error" role="alert">${escapeHtml(error)}</div>` : '';
  if (!view.answered) {
    return `<div class="narrow">
<h1>${escapeHtml(et(locale, 'eventPage.cancelTitle'))}</h1>
<p>${escapeHtml(et(locale, 'eventPage.cancelAlready', { title: view.title }))}</p>
</div>`;
  }
  return `<div class="narrow">
<h1>${escapeHtml(et(locale, 'eventPage.cancelTitle'))}</h1>
${alert}<form class="event-form" method="post" action="/events/rsvp/cancel">
<input type="hidden" name="${FORM_CSRF_FIELD}" value="${escapeHtml(view.csrfToken)}">
<input type="hidden" name="token" value="${escapeHtml(view.token)}">
<input type="hidden" name="locale" value="${locale}">
<p>${escapeHtml(et(locale, 'eventPage.cancelAsk', { title: view.title, when: view.when }))}</p>
<button type="submit" class="primary">${escapeHtml(et(locale, 'eventPage.cancelButton'))}</button>
</form>
</div>`;
}

export function cancelDoneBody(locale: Locale, view: { eventId: number; title: string }): string {
  return `<div class="narrow">
<h1>${escapeHtml(et(locale, 'eventPage.cancelTitle'))}</h1>
<div class="alert success" role="status"><p>${escapeHtml(et(locale, 'eventPage.cancelDone', { title: view.title }))}</p></div>
<p><a class="button secondary" href="${eventPath(view.eventId)}">${escapeHtml(et(locale, 'eventPage.seeEvent'))}</a></p>
</div>`;
}

export function cancelInvalidBody(locale: Locale): string {
  return `<div class="narrow">
<h1>${escapeHtml(et(locale, 'eventPage.cancelTitle'))}</h1>
<div class="alert warning" role="alert">
<h2>${escapeHtml(et(locale, 'eventPage.cancelInvalid'))}</h2>
<p>${escapeHtml(et(locale, 'eventPage.cancelInvalidText'))}</p>
</div>
<p><a class="button secondary" href="/events">${escapeHtml(et(locale, 'eventPage.all'))}</a></p>
</div>`;
}

/** What the public sees of an event that does not exist, or is not theirs to see. */
export function notFoundBody(locale: Locale): string {
  return `<div class="narrow">
<h1>${escapeHtml(et(locale, 'eventPage.notFoundTitle'))}</h1>
<p>${escapeHtml(et(locale, 'eventPage.notFoundText'))}</p>
<p><a class="button primary" href="/events">${escapeHtml(et(locale, 'eventPage.all'))}</a></p>
</div>`;
}
