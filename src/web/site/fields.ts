import { signupErrorKey } from '../../contracts/signup-rules.ts';
import { t } from './messages.ts';

/** An input of the form (or the commune's select) and the paragraph holding its error. */
function parts(form: HTMLFormElement, name: string) {
  const input = form.querySelector<HTMLInputElement | HTMLSelectElement>(
    `[name="${name}"]:not([type="hidden"])`,
  );
  const error = input ? document.getElementById(`${input.id}-error`) : null;
  return { input, error };
}

/** Shows (or clears, with null) a field's error: under the input, linked as its description. */
export function setFieldError(form: HTMLFormElement, name: string, code: string | null): boolean {
  const { input, error } = parts(form, name);
  if (!input || !error) return false;
  const described = (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter((id) => id && id !== error.id);
  if (code) {
    error.textContent = t(signupErrorKey(code));
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    // The error first: it is what a screen reader user must hear.
    described.unshift(error.id);
  } else {
    error.textContent = '';
    error.hidden = true;
    input.removeAttribute('aria-invalid');
  }
  if (described.length) input.setAttribute('aria-describedby', described.join(' '));
  else input.removeAttribute('aria-describedby');
  return true;
}

export function clearErrors(form: HTMLFormElement) {
  for (const input of form.querySelectorAll<HTMLElement>('[aria-invalid="true"]')) {
    const name = input.getAttribute('name');
    if (name) setFieldError(form, name, null);
  }
  setFormError(form, null);
}

/** An error about the whole form, above it (announced: role="alert"). */
export function setFormError(form: HTMLFormElement, message: string | null) {
  const alert = form.querySelector<HTMLElement>('[data-form-error]');
  if (!alert) return;
  alert.textContent = message ?? '';
  alert.hidden = !message;
}

export function focusFirstError(form: HTMLFormElement) {
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
