// Types only from the contracts with zod: this small script carries none.
import type { Problem } from '../../contracts/common.ts';
import { nameProblem } from '../../contracts/names.ts';
import type { recruitmentApi } from '../../contracts/recruitment-api.ts';
import type { CallInput } from '../../contracts/route.ts';
import { linkLike, signupMaxLength } from '../../contracts/signup-rules.ts';
import { CommunePicker } from './commune.ts';
import { clearErrors, focusFirstError, setFieldError, setFormError } from './fields.ts';
import { locale, t } from './messages.ts';

const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** The browser's checks, with the server's codes; the server has the final word. */
function check(form: HTMLFormElement, picker: CommunePicker): Array<[string, string]> {
  const value = (name: string) =>
    (form.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value ?? '').trim();
  const errors: Array<[string, string]> = [];
  for (const name of ['firstName', 'lastName'] as const) {
    const text = value(name);
    if (!text) errors.push([name, 'required']);
    else if (text.length > signupMaxLength[name]) errors.push([name, 'too_long']);
    else if (nameProblem(text)) errors.push([name, nameProblem(text)!]);
    else if (linkLike.test(text)) errors.push([name, 'no_links']);
  }
  const email = value('email');
  if (!email) errors.push(['email', 'required']);
  else if (email.length > signupMaxLength.email) errors.push(['email', 'too_long']);
  else if (!isEmail(email)) errors.push(['email', 'invalid_email']);
  const postalCode = value('postalCode');
  if (!postalCode) errors.push(['postalCode', 'required']);
  else if (picker.unknown || !/^\d{5}$/.test(postalCode.replace(/\s/g, '')))
    errors.push(['postalCode', 'unknown_postal_code']);
  else if (picker.needsChoice && !picker.value()) errors.push(['communeCode', 'commune_required']);
  if (value('phone').length > signupMaxLength.phone) errors.push(['phone', 'too_long']);
  return errors;
}

type Body<Route extends keyof typeof recruitmentApi> = CallInput<
  (typeof recruitmentApi)[Route]
>['body'];

/** The form as POST /api/signup takes it. */
function payload(form: HTMLFormElement): Body<'signup'> {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const optional = (name: string) => text(name) || undefined;
  return {
    firstName: text('firstName'),
    lastName: text('lastName'),
    email: text('email'),
    postalCode: text('postalCode'),
    communeCode: optional('communeCode'),
    phone: optional('phone'),
    consents: {
      email: data.get('consents.email') === 'on',
      sms: data.get('consents.sms') === 'on',
      phone: data.get('consents.phone') === 'on',
    },
    wordingVersion: optional('wordingVersion'),
    locale: text('locale') === 'en' ? 'en' : 'fr',
    source: text('source') === 'embed' ? 'embed' : 'signup',
    ref: optional('ref'),
    utmSource: optional('utmSource'),
    utmMedium: optional('utmMedium'),
    utmCampaign: optional('utmCampaign'),
    referrerUrl: optional('referrerUrl'),
  };
}

/** The routes this script sends to, their paths checked against the contracts. */
const paths = {
  signup: '/api/signup',
  resend: '/api/signup/resend',
} as const satisfies { [Route in 'signup' | 'resend']: (typeof recruitmentApi)[Route]['path'] };

async function post<Route extends keyof typeof paths>(
  route: Route,
  body: Body<Route>,
): Promise<{ ok: boolean; status: number; problem: Partial<Problem> }> {
  const response = await fetch(paths[route], {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const problem = response.ok
    ? {}
    : ((await response.json().catch(() => ({}))) as Partial<Problem>);
  return { ok: response.ok, status: response.status, problem };
}

function busy(button: HTMLButtonElement | null, on: boolean) {
  if (!button) return;
  button.disabled = on;
  button.setAttribute('aria-busy', String(on));
}

/** The "check your mail" panel in place of the form, focused (its button is gone). */
function showSent(form: HTMLFormElement, email: string) {
  const template = form.parentElement?.querySelector<HTMLTemplateElement>(
    'template[data-sent-template]',
  );
  if (!template) return;
  const panel = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
  panel.querySelector('[data-email]')!.textContent = email;
  panel.querySelector<HTMLInputElement>('input[name="email"]')!.value = email;
  form.replaceWith(panel);
  enhanceResend(panel.querySelector<HTMLFormElement>('form[data-resend]')!);
  panel.querySelector<HTMLElement>('[data-sent-status]')?.focus();
}

/** Checks the form in the page and sends it with fetch; field errors land under the inputs. */
export function enhanceSignup(form: HTMLFormElement) {
  const postalCode = form.querySelector<HTMLInputElement>('input[name="postalCode"]');
  const slot = form.querySelector<HTMLElement>('[data-commune]');
  if (!postalCode || !slot) return;
  const picker = new CommunePicker(form, postalCode, slot);
  // Marks the form for tests and the benchmark: from here on it is checked in the page.
  form.dataset.enhanced = 'true';
  // An error goes once the field is edited.
  form.addEventListener('input', (event) => {
    const name = (event.target as HTMLInputElement).name;
    if (name && name !== 'postalCode') setFieldError(form, name, null);
  });
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  let sending = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    clearErrors(form);
    const errors = check(form, picker);
    if (errors.length > 0) {
      for (const [field, code] of errors) setFieldError(form, field, code);
      focusFirstError(form);
      return;
    }
    sending = true;
    busy(button, true);
    const body = payload(form);
    void post('signup', body)
      .then(({ ok, status, problem }) => {
        if (ok) return showSent(form, body.email);
        const unplaced = (problem.errors ?? []).filter(
          (e) => !setFieldError(form, e.field, e.code),
        );
        if (status === 429) setFormError(form, t('error.rate_limited'));
        else if (!problem.errors?.length)
          setFormError(form, t(`error.${problem.code ?? 'generic'}`));
        else if (unplaced.length) setFormError(form, t('error.validation_failed'));
        focusFirstError(form);
      })
      .catch(() => setFormError(form, t('error.network')))
      .finally(() => {
        sending = false;
        busy(button, false);
      });
  });
}

/** "Send the email again": with fetch, the time of the new sending said in the status. */
export function enhanceResend(form: HTMLFormElement) {
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const said = form.parentElement?.querySelector<HTMLElement>('[data-resent]');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const email = String(new FormData(form).get('email') ?? '');
    busy(button, true);
    void post('resend', { email })
      .then(({ ok, status }) => {
        if (!said) return;
        const time = new Date().toLocaleTimeString(locale() === 'en' ? 'en-GB' : 'fr-FR');
        said.textContent = ok
          ? t('signup.resent', { email, time })
          : t(status === 429 ? 'error.rate_limited' : 'error.generic');
        said.hidden = false;
      })
      .catch(() => {
        if (said) {
          said.textContent = t('error.network');
          said.hidden = false;
        }
      })
      .finally(() => busy(button, false));
  });
}
