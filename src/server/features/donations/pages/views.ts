import { formatEuros, taxReductionCents } from '../../../../contracts/donation-law.ts';
import type { DonationSettings } from '../../../../contracts/donations.ts';
import type { FieldError } from '../../../core/http/errors.ts';
import type { Locale } from '../../recruitment/pages/i18n.ts';
import { escapeHtml } from '../../recruitment/pages/text.ts';
import { L52_8_EXTRACTS, PARTY_LAW_EXTRACTS } from './law-texts.ts';
import { nationalities } from './nationalities.ts';
import { dt, type DonationPageKey } from './messages.ts';

/** Countries offered for the tax address: France first, then where French people abroad live most. */
export const COUNTRIES = [
  'FR',
  'BE',
  'CH',
  'LU',
  'MC',
  'DE',
  'ES',
  'IT',
  'PT',
  'NL',
  'GB',
  'IE',
  'AT',
  'SE',
  'DK',
  'NO',
  'FI',
  'PL',
  'GR',
  'US',
  'CA',
  'MA',
  'DZ',
  'TN',
  'SN',
  'CI',
  'IL',
  'AE',
  'CN',
  'JP',
  'AU',
  'BR',
  'MX',
] as const;

export type DonationFormValues = Partial<
  Record<
    | 'amount'
    | 'otherAmount'
    | 'frequency'
    | 'civility'
    | 'firstName'
    | 'lastName'
    | 'addressLine1'
    | 'addressLine2'
    | 'postalCode'
    | 'commune'
    | 'country'
    | 'nationality'
    | 'email'
    | 'phone',
    string
  >
> & { naturalPerson?: boolean; frenchOrResident?: boolean; otherPartiesWithinCap?: boolean };

export interface DonationFormView {
  locale: Locale;
  settings: DonationSettings;
  action: string;
  /** Hidden fields carried with the gift (attribution). */
  hidden: Record<string, string>;
  values?: DonationFormValues;
  errors?: FieldError[];
  formError?: string;
  year: string;
  embed?: boolean;
}

const e = escapeHtml;
const euros = (cents: number, locale: Locale) => formatEuros(cents, locale);

function errorOf(errors: FieldError[], name: string) {
  return errors.find((error) => error.field === name || error.field.endsWith(`.${name}`));
}

function input(
  view: DonationFormView,
  name: keyof DonationFormValues & string,
  label: DonationPageKey,
  attributes: string,
  optional = false,
) {
  const id = `donate-${name}`;
  const errors = view.errors ?? [];
  const error = errorOf(errors, name);
  const value = view.values?.[name];
  const described = [error ? `${id}-error` : '', optional ? `${id}-hint` : '']
    .filter(Boolean)
    .join(' ');
  return `<div class="field">
<label for="${id}">${e(dt(view.locale, label))}</label>
${optional ? `<p class="hint" id="${id}-hint">${e(dt(view.locale, 'field.optional'))}</p>` : ''}
<input id="${id}" name="${name}" ${attributes}${typeof value === 'string' && value ? ` value="${e(value)}"` : ''}${error ? ' aria-invalid="true"' : ''}${described ? ` aria-describedby="${described}"` : ''}>
${error ? `<p class="field-error" id="${id}-error">${e(error.message)}</p>` : ''}
</div>`;
}

function checkbox(
  view: DonationFormView,
  name: 'naturalPerson' | 'frenchOrResident' | 'otherPartiesWithinCap',
  label: string,
) {
  const id = `donate-${name}`;
  const error = errorOf(view.errors ?? [], name);
  return `<div class="field check">
<input type="checkbox" id="${id}" name="${name}" value="true" required${view.values?.[name] ? ' checked' : ''}${error ? ` aria-invalid="true" aria-describedby="${id}-error"` : ''}>
<label for="${id}">${e(label)}</label>
${error ? `<p class="field-error" id="${id}-error">${e(error.message)}</p>` : ''}
</div>`;
}

function amountChoices(view: DonationFormView): string {
  const { locale, settings } = view;
  const chosen =
    view.values?.amount ?? String(settings.suggestedCents[1] ?? settings.suggestedCents[0]);
  const error = errorOf(view.errors ?? [], 'amount');
  const options = settings.suggestedCents
    .map((cents) => {
      const id = `donate-amount-${cents}`;
      return `<label class="amount-choice" for="${id}"><input type="radio" id="${id}" name="amount" value="${cents}"${chosen === String(cents) ? ' checked' : ''}>
<span class="amount">${e(euros(cents, locale))}</span>
<span class="cost">${e(dt(locale, 'donate.costAfterTax', { cost: euros(cents - taxReductionCents(cents), locale) }))}</span></label>`;
    })
    .join('\n');
  const otherId = 'donate-amount-other';
  return `<fieldset class="amounts"${error ? ' aria-describedby="donate-amount-error"' : ''}>
<legend>${e(dt(locale, 'donate.amount'))}</legend>
${options}
<label class="amount-choice" for="${otherId}"><input type="radio" id="${otherId}" name="amount" value="other"${chosen === 'other' ? ' checked' : ''}>
<span class="amount">${e(dt(locale, 'donate.otherAmount'))}</span></label>
<input id="donate-otherAmount" name="otherAmount" inputmode="decimal" autocomplete="transaction-amount" maxlength="15" aria-label="${e(dt(locale, 'donate.otherAmount'))}"${view.values?.otherAmount ? ` value="${e(view.values.otherAmount)}"` : ''}${error ? ' aria-invalid="true"' : ''}>
${error ? `<p class="field-error" id="donate-amount-error">${e(error.message)}</p>` : ''}
<p class="cost" data-tax-preview="${e(dt(locale, 'donate.costAfterTax', { cost: '{cost}' }))}" aria-live="polite"></p>
<p class="hint">${e(dt(locale, 'donate.taxNote'))}</p>
</fieldset>`;
}

function frequencyChoice(view: DonationFormView): string {
  if (!view.settings.monthly) return '<input type="hidden" name="frequency" value="once">';
  const chosen = view.values?.frequency === 'monthly' ? 'monthly' : 'once';
  const radio = (value: 'once' | 'monthly', label: DonationPageKey) =>
    `<label for="donate-frequency-${value}"><input type="radio" id="donate-frequency-${value}" name="frequency" value="${value}"${chosen === value ? ' checked' : ''}> ${e(dt(view.locale, label))}</label>`;
  return `<fieldset class="frequency"><legend>${e(dt(view.locale, 'donate.frequency'))}</legend>
${radio('once', 'donate.once')} ${radio('monthly', 'donate.monthly')}</fieldset>`;
}

function countrySelect(view: DonationFormView): string {
  const names = new Intl.DisplayNames([view.locale === 'en' ? 'en-GB' : 'fr-FR'], {
    type: 'region',
  });
  const chosen = view.values?.country ?? 'FR';
  const options = COUNTRIES.map(
    (code) =>
      `<option value="${code}"${code === chosen ? ' selected' : ''}>${e(names.of(code) ?? code)}</option>`,
  ).join('');
  return `<div class="field"><label for="donate-country">${e(dt(view.locale, 'field.country'))}</label>
<select id="donate-country" name="country" autocomplete="country">${options}</select></div>`;
}

function nationalitySelect(view: DonationFormView): string {
  const chosen = view.values?.nationality ?? 'FR';
  const options = nationalities(view.locale)
    .map(
      ({ code, name }) =>
        `<option value="${code}"${code === chosen ? ' selected' : ''}>${e(name)}</option>`,
    )
    .join('');
  return `<div class="field"><label for="donate-nationality">${e(dt(view.locale, 'field.nationality'))}</label>
<select id="donate-nationality" name="nationality">${options}</select></div>`;
}

function civilitySelect(view: DonationFormView): string {
  const chosen = view.values?.civility ?? '';
  const option = (value: string, key: DonationPageKey) =>
    `<option value="${value}"${value === chosen ? ' selected' : ''}>${e(dt(view.locale, key))}</option>`;
  return `<div class="field"><label for="donate-civility">${e(dt(view.locale, 'field.civility'))}</label>
<select id="donate-civility" name="civility" autocomplete="honorific-prefix">${option('', 'field.civility.none')}${option('M', 'field.civility.M')}${option('Mme', 'field.civility.Mme')}</select></div>`;
}

/** The notices L52-9 requires on the page: who receives, since when, the law on who may give. */
export function legalNotices(locale: Locale, settings: DonationSettings): string {
  const day = settings.agent.designatedOn
    ? new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
        dateStyle: 'long',
        timeZone: 'UTC',
      }).format(new Date(`${settings.agent.designatedOn}T12:00:00Z`))
    : '';
  const vars = { agent: settings.agent.name, beneficiary: settings.beneficiary, designatedOn: day };
  const candidate = settings.mode === 'candidate';
  const agentLine = candidate
    ? dt(
        locale,
        settings.agent.kind === 'association' ? 'donate.agentAssociation' : 'donate.agentPerson',
        vars,
      )
    : dt(locale, 'donate.partyAgent', vars);
  const extracts = candidate ? L52_8_EXTRACTS : PARTY_LAW_EXTRACTS;
  return `<section class="donation-law" aria-labelledby="donate-legal">
<h2 id="donate-legal">${e(dt(locale, 'donate.legalTitle'))}</h2>
<p>${e(agentLine)}</p>
${candidate ? `<p>${e(dt(locale, 'donate.onlyAgent'))}</p>` : ''}
<h3>${e(dt(locale, candidate ? 'donate.lawTitle' : 'donate.partyLawTitle'))}</h3>
<blockquote lang="fr">${extracts.map((text) => `<p>${e(text)}</p>`).join('\n')}</blockquote>
</section>`;
}

/** The donation form, as the visitor first sees it or as it comes back with errors. */
export function donationFormBody(view: DonationFormView): string {
  const { locale, settings } = view;
  const hidden = Object.entries(view.hidden)
    .map(([name, value]) => `<input type="hidden" name="${e(name)}" value="${e(value)}">`)
    .join('\n');
  const target = view.embed ? ' target="_top"' : '';
  return `<div class="donation">
<h1>${e(dt(locale, 'donate.title'))}</h1>
<p class="lead">${e(dt(locale, 'donate.intro', { beneficiary: settings.beneficiary }))}</p>
${view.formError ? `<p class="form-error" role="alert">${e(view.formError)}</p>` : ''}
<form method="post" action="${e(view.action)}" class="donation-form" novalidate${target}>
${hidden}
${frequencyChoice(view)}
${amountChoices(view)}
<fieldset><legend>${e(dt(locale, 'donate.identity'))}</legend>
<p class="hint">${e(dt(locale, 'donate.identityNote'))}</p>
${civilitySelect(view)}
${input(view, 'firstName', 'field.firstName', 'autocomplete="given-name" maxlength="100" required')}
${input(view, 'lastName', 'field.lastName', 'autocomplete="family-name" maxlength="100" required')}
${input(view, 'addressLine1', 'field.addressLine1', 'autocomplete="address-line1" maxlength="200" required')}
${input(view, 'addressLine2', 'field.addressLine2', 'autocomplete="address-line2" maxlength="200"', true)}
${input(view, 'postalCode', 'field.postalCode', 'autocomplete="postal-code" maxlength="20" required')}
${input(view, 'commune', 'field.commune', 'autocomplete="address-level2" maxlength="100" required')}
${countrySelect(view)}
${nationalitySelect(view)}
${input(view, 'email', 'field.email', 'type="email" autocomplete="email" maxlength="254" required')}
${input(view, 'phone', 'field.phone', 'type="tel" autocomplete="tel" maxlength="30"', true)}
</fieldset>
<fieldset><legend>${e(dt(locale, 'donate.attest'))}</legend>
${checkbox(view, 'naturalPerson', dt(locale, 'donate.naturalPerson'))}
${checkbox(view, 'frenchOrResident', dt(locale, 'donate.frenchOrResident'))}
${settings.mode === 'party' ? checkbox(view, 'otherPartiesWithinCap', dt(locale, 'donate.otherParties', { year: view.year })) : ''}
</fieldset>
<button type="submit">${e(dt(locale, 'donate.submit'))}</button>
<p class="hint">${e(dt(locale, 'donate.secure'))}</p>
</form>
${legalNotices(locale, settings)}
</div>`;
}

/** A page that only says something (closed, thanks, a test payment gone). */
export function noticeBody(
  title: string,
  text: string,
  link?: { href: string; label: string },
): string {
  return `<div class="donation"><h1>${e(title)}</h1><p>${e(text)}</p>${link ? `<p><a href="${e(link.href)}">${e(link.label)}</a></p>` : ''}</div>`;
}

/** The development adapter's test page: the amount, and buttons for each outcome. */
export function devPayBody(
  locale: Locale,
  action: string,
  amountCents: number | null,
  setup: boolean,
): string {
  const button = (outcome: string, key: DonationPageKey) =>
    `<button type="submit" name="outcome" value="${outcome}">${e(dt(locale, key))}</button>`;
  return `<div class="donation dev-pay">
<h1>${e(dt(locale, 'devpay.title'))}</h1>
<p class="notice" role="note">${e(dt(locale, 'devpay.warning'))}</p>
${amountCents !== null ? `<p class="amount">${e(dt(locale, 'devpay.amount', { amount: euros(amountCents, locale) }))}</p>` : ''}
<form method="post" action="${e(action)}">
${setup ? `${button('succeed', 'devpay.saveCard')} ${button('declined_card', 'devpay.saveDeclined')} ${button('cancel', 'devpay.cancelSetup')}` : `${button('succeed', 'devpay.succeed')} ${button('fail', 'devpay.fail')}`}
</form></div>`;
}

export const donationStyle = `<style>
.donation{max-width:40rem;margin:0 auto}
.donation fieldset{border:1px solid #d0d5dd;border-radius:8px;padding:1rem;margin:0 0 1rem}
.donation legend{font-weight:600;padding:0 .25rem}
.amounts{display:grid;gap:.5rem}
.amount-choice{display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline;padding:.5rem;border:1px solid #d0d5dd;border-radius:6px}
.amount-choice .amount{font-weight:600}
.amount-choice .cost{color:#555;font-size:.9em}
.field.check{display:flex;gap:.5rem;align-items:flex-start}
.field.check input{margin-top:.3rem}
.donation-law{font-size:.9em;color:#333;margin-top:2rem}
.donation-law blockquote{margin:0;padding-left:1rem;border-left:3px solid #d0d5dd}
.dev-pay .notice{background:#fff3bf;padding:.75rem;border-radius:6px}
.dev-pay button{margin:.25rem}
</style>`;
