import { phoneProblem } from '../../contracts/phone.ts';
import type { Translate } from './i18n/index.tsx';

/** A light client-side check; the server has the final word. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/**
 * Moves keyboard focus to the first invalid input after a failed submit. Errors from a server
 * answer may render a few frames later (the submit button, disabled while loading, has lost
 * focus meanwhile), so this looks again for up to ten frames.
 */
export function focusFirstError(): void {
  let frames = 0;
  const attempt = () => {
    const input = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (input) input.focus();
    else if (++frames < 10) window.requestAnimationFrame(attempt);
  };
  window.setTimeout(attempt, 0);
}

/**
 * The phone rule of the server's forms, checked before sending: an invalid number, or (when
 * `refuseLandlineForSms`) a landline where SMS is wanted. Null when the value is fine.
 */
export function phoneError(
  value: string,
  t: Translate,
  { forSms = false, refuseLandlineForSms = false } = {},
): string | null {
  const problem = phoneProblem(value, forSms && refuseLandlineForSms);
  return problem ? t(`error.${problem}`) : null;
}
