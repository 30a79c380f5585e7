import type { Commune } from '../../../../contracts/geo.ts';
import type { PublicSite } from '../../../../contracts/recruitment.ts';
import { legalPagePaths } from '../../../../contracts/recruitment.ts';
import { signupErrorKey, signupMaxLength } from '../../../../contracts/signup-rules.ts';
import type { FieldError } from '../../../core/http/errors.ts';
import type { Attribution } from './attribution.ts';
import { isMessageKey, t, type Locale, type MessageKey } from './i18n.ts';
import { escapeHtml, langAttr, localized, paragraphs } from './text.ts';

export type SignupSource = 'signup' | 'embed';
/** The forms that sign people up: the two sign-up forms, and an event's visitor answer. */
export type SignupFormKind = SignupSource | 'event';

/** What the visitor typed, kept when the form comes back with errors. */
export type SignupValues = Partial<
  Record<'firstName' | 'lastName' | 'email' | 'postalCode' | 'communeCode' | 'phone', string>
> & { consents?: Partial<Record<'email' | 'sms' | 'phone', boolean>> };

export interface SignupFormOptions {
  site: PublicSite;
  locale: Locale;
  source: SignupFormKind;
  attribution: Attribution;
  values?: SignupValues;
  errors?: FieldError[];
  /** An error about the whole form (rate limit, outdated wording). */
  formError?: string;
  /** Communes of the postal code typed, when the form comes back from the server. */
  communes?: Commune[];
}

/** A field error in the page's language (the codes are the API's). */
export function errorMessage(locale: Locale, error: Pick<FieldError, 'code'>): string {
  const key = signupErrorKey(error.code);
  return isMessageKey(key) ? t(locale, key) : t(locale, 'error.generic');
}

interface FieldSpec {
  name: 'firstName' | 'lastName' | 'email' | 'postalCode' | 'phone';
  label: MessageKey;
  type?: string;
  autocomplete: string;
  required: boolean;
  inputmode?: string;
  description?: MessageKey;
}

const fields: Record<FieldSpec['name'], FieldSpec> = {
  firstName: {
    name: 'firstName',
    label: 'field.firstName',
    autocomplete: 'given-name',
    required: true,
  },
  lastName: {
    name: 'lastName',
    label: 'field.lastName',
    autocomplete: 'family-name',
    required: true,
  },
  email: {
    name: 'email',
    label: 'field.email',
    type: 'email',
    autocomplete: 'email',
    required: true,
  },
  postalCode: {
    name: 'postalCode',
    label: 'field.postalCode',
    autocomplete: 'postal-code',
    inputmode: 'numeric',
    required: true,
  },
  phone: {
    name: 'phone',
    label: 'field.phone',
    type: 'tel',
    autocomplete: 'tel',
    required: false,
    description: 'field.optional',
  },
};

const idOf = (source: SignupFormKind, name: string) => `${source}-${name}`;

function errorFor(errors: FieldError[], name: string): FieldError | undefined {
  return errors.find((e) => e.field === name || e.field.startsWith(`${name}.`));
}

function renderField(
  spec: FieldSpec,
  options: SignupFormOptions,
  errors: FieldError[],
  autofocus: boolean,
): string {
  const { locale, source } = options;
  const id = idOf(source, spec.name);
  const error = errorFor(errors, spec.name);
  const describedBy = [
    error ? `${id}-error` : '',
    spec.description ? `${id}-description` : '',
  ].filter(Boolean);
  const value = options.values?.[spec.name] ?? '';
  const attributes = [
    `id="${id}"`,
    `name="${spec.name}"`,
    `type="${spec.type ?? 'text'}"`,
    `autocomplete="${spec.autocomplete}"`,
    `maxlength="${signupMaxLength[spec.name]}"`,
    spec.inputmode ? `inputmode="${spec.inputmode}"` : '',
    spec.required ? 'required' : '',
    value ? `value="${escapeHtml(value)}"` : '',
    error ? 'aria-invalid="true"' : '',
    describedBy.length ? `aria-describedby="${describedBy.join(' ')}"` : '',
    autofocus ? 'autofocus' : '',
  ].filter(Boolean);
  return `<div class="field" data-field="${spec.name}">
<label for="${id}">${escapeHtml(t(locale, spec.label))}</label>
${spec.description ? `<p class="hint" id="${id}-description">${escapeHtml(t(locale, spec.description))}</p>` : ''}
<input ${attributes.join(' ')}>
<p class="field-error" id="${id}-error"${error ? '' : ' hidden'}>${error ? escapeHtml(errorMessage(locale, error)) : ''}</p>
</div>`;
}

/** The commune under the postal code: its name when the code has one, a choice when several. */
export function renderCommune(
  options: SignupFormOptions,
  errors: FieldError[],
  autofocus: boolean,
): string {
  const { locale, source } = options;
  const communes = options.communes ?? [];
  const id = idOf(source, 'communeCode');
  let inner = '';
  if (communes.length === 1) {
    inner = `<p class="commune-found">${escapeHtml(t(locale, 'geo.communeIs', { name: communes[0].name }))}</p>
<input type="hidden" name="communeCode" value="${escapeHtml(communes[0].code)}">`;
  } else if (communes.length > 1) {
    const chosen = options.values?.communeCode ?? '';
    const error = errorFor(errors, 'communeCode');
    inner = `<div class="field" data-field="communeCode">
<label for="${id}">${escapeHtml(t(locale, 'geo.commune'))}</label>
<select id="${id}" name="communeCode" required${error ? ` aria-invalid="true" aria-describedby="${id}-error"` : ''}${autofocus ? ' autofocus' : ''}>
<option value="">${escapeHtml(t(locale, 'geo.chooseCommune'))}</option>
${communes
  .map(
    (c) =>
      `<option value="${escapeHtml(c.code)}"${c.code === chosen ? ' selected' : ''}>${escapeHtml(c.name)}</option>`,
  )
  .join('\n')}
</select>
<p class="field-error" id="${id}-error"${error ? '' : ' hidden'}>${error ? escapeHtml(errorMessage(locale, error)) : ''}</p>
</div>`;
  }
  return `<div class="commune" data-commune aria-live="polite">${inner}</div>`;
}

/** The short notice of the point of collection: who collects, why, rights, the policy. */
export function renderFormNotice(site: PublicSite, locale: Locale, embed: boolean): string {
  const notice = localized(site.legal.fr.formNotice, site.legal.en?.formNotice, locale);
  const suffix = locale === 'en' ? '?lang=en' : '';
  const target = embed ? ' target="_blank" rel="noopener"' : '';
  return `<div class="form-notice">
<div${langAttr(notice)}>${paragraphs(notice.text)}</div>
<p><a href="${legalPagePaths.privacyPolicy}${suffix}"${target}>${escapeHtml(t(locale, 'legal.privacy'))}</a></p>
</div>`;
}

/** The form's title and button: the campaign's call to action, or a plain one in English. */
export function callToAction(site: PublicSite, locale: Locale): { title: string; submit: string } {
  if (locale === 'fr') {
    return { title: site.home.signupCallToAction, submit: site.home.signupCallToAction };
  }
  const english = site.home.en?.signupCallToAction;
  return english
    ? { title: english, submit: english }
    : { title: t(locale, 'signup.title'), submit: t(locale, 'signup.submit') };
}

const FIELD_ORDER = ['firstName', 'lastName', 'email', 'postalCode', 'communeCode', 'phone'];

/**
 * The sign-up form as the server draws it: complete and usable before any script runs. It
 * posts as a plain form (x-www-form-urlencoded) to /signup; the page's script checks it in
 * the browser and sends it with fetch instead, when it runs.
 */
export function renderSignupForm(options: SignupFormOptions): string {
  const { site, locale, source } = options;
  const wording = site.consentWording[locale];
  const cta = callToAction(site, locale);
  const hidden = {
    source,
    locale,
    wordingVersion: wording.version,
    ...options.attribution,
  };
  return `<form class="signup-form" method="post" action="/signup" novalidate aria-labelledby="${source}-title" data-signup>
<h2 id="${source}-title">${escapeHtml(cta.title)}</h2>
<div class="alert error" role="alert" data-form-error${options.formError ? '' : ' hidden'}>${escapeHtml(options.formError ?? '')}</div>
${Object.entries(hidden)
  .filter(([, value]) => value)
  .map(([key, value]) => `<input type="hidden" name="${key}" value="${escapeHtml(String(value))}">`)
  .join('\n')}
${renderSignupFields(options, { phone: true })}
<button type="submit" class="primary">${escapeHtml(cta.submit)}</button>
${renderFormNotice(site, locale, source === 'embed')}
</form>
<template data-sent-template>${renderSignupSent(locale, source === 'embed' ? 'embed' : 'signup', '')}</template>`;
}

/**
 * The sign-up's fields and consent boxes, with the campaign's consent wording, for every form
 * that signs people up. Without the phone field, only the email consent is asked.
 */
export function renderSignupFields(options: SignupFormOptions, { phone }: { phone: boolean }) {
  const { site, locale, source } = options;
  const errors = options.errors ?? [];
  const wording = site.consentWording[locale];
  // Without script, focus goes to the first field the server refused.
  const firstInvalid = FIELD_ORDER.find((name) => errorFor(errors, name));
  const consent = (channel: 'email' | 'sms' | 'phone') => {
    const id = idOf(source, `consent-${channel}`);
    const checked = options.values?.consents?.[channel] ? ' checked' : '';
    return `<div class="check"><input type="checkbox" id="${id}" name="consents.${channel}" value="on"${checked}><label for="${id}">${escapeHtml(wording[channel])}</label></div>`;
  };
  const name = (key: 'firstName' | 'lastName') =>
    renderField(fields[key], options, errors, firstInvalid === key);
  return `<div class="names">${name('firstName')}${name('lastName')}</div>
${renderField(fields.email, options, errors, firstInvalid === 'email')}
${renderField(fields.postalCode, options, errors, firstInvalid === 'postalCode')}
${renderCommune(options, errors, firstInvalid === 'communeCode')}
${phone ? renderField(fields.phone, options, errors, firstInvalid === 'phone') : ''}
<fieldset class="consents">
<legend>${escapeHtml(t(locale, 'signup.consentsLegend'))}</legend>
${consent('email')}
${phone ? `${consent('sms')}\n${consent('phone')}` : ''}
</fieldset>`;
}

/**
 * "Check your mail": the address the mail went to, and a button to send it again. The page's
 * script uses the same markup (from a <template>) after a sign-up sent with fetch.
 */
export function renderSignupSent(
  locale: Locale,
  source: SignupSource,
  email: string,
  resentAt?: string,
): string {
  const sentTo = escapeHtml(t(locale, 'signup.sentTo', { email: '\u0000' })).replace(
    '\u0000',
    `<strong data-email>${escapeHtml(email)}</strong>`,
  );
  const again = source === 'embed' ? '/embed/signup' : '/';
  return `<section class="sent" aria-labelledby="${source}-sent-title" data-sent>
<div class="alert success" role="status" tabindex="-1" data-sent-status>
<h2 id="${source}-sent-title">${escapeHtml(t(locale, 'signup.successTitle'))}</h2>
<p>${sentTo}</p>
<p data-resent${resentAt ? '' : ' hidden'}>${resentAt ? escapeHtml(t(locale, 'signup.resent', { email, time: resentAt })) : ''}</p>
</div>
<form class="resend" method="post" action="/signup/resend" data-resend>
<input type="hidden" name="email" value="${escapeHtml(email)}">
<input type="hidden" name="locale" value="${locale}">
<input type="hidden" name="source" value="${source}">
<p>${escapeHtml(t(locale, 'signup.resendIntro'))}</p>
<button type="submit" class="secondary">${escapeHtml(t(locale, 'signup.resend'))}</button>
</form>
<p><a href="${again}${locale === 'en' ? '?lang=en' : ''}">${escapeHtml(t(locale, 'signup.wrongAddress'))}</a></p>
</section>`;
}
