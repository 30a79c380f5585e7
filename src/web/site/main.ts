// The public pages' script: the server has drawn every page whole; this only enhances it
// (commune picker, checks in the page, sending with fetch, copy, the embed's height, and the
// committees' and events' maps, whose chunk is loaded only where one shows).
import './site.css';
import { enhanceDonation } from './donate.ts';
import { enhanceMap } from './map-panel.ts';
import { t } from './messages.ts';
import { enhanceResend, enhanceSignup } from './signup.ts';

const LOCALE_KEY = 'levier.locale';

// The app of login and the supporter space opens in the language read here.
try {
  window.localStorage.setItem(LOCALE_KEY, document.documentElement.lang === 'en' ? 'en' : 'fr');
} catch {
  // storage may be unavailable (private mode, a sandboxed frame)
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-signup]')) {
  enhanceSignup(form);
}
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-resend]')) {
  enhanceResend(form);
}

const donation = document.querySelector<HTMLFormElement>('form.donation-form');
if (donation) enhanceDonation(donation);

const mapPanel = document.querySelector<HTMLElement>('[data-map]');
if (mapPanel) enhanceMap(mapPanel);

// A message left by the page the visitor came from: read first, and not left in the address.
const notice = document.querySelector<HTMLElement>('[data-notice]');
if (notice) {
  notice.focus();
  const url = new URL(window.location.href);
  url.searchParams.delete('notice');
  window.history.replaceState(null, '', url);
}

// After a form post answered with a page, focus goes to what it says.
document.querySelector<HTMLElement>('[data-sent-status]')?.focus();

// The confirmation link opens a page with one button: with a script, it is pressed at once.
// (A mail scanner fetching the link does not confirm anything.)
document.querySelector<HTMLFormElement>('form[data-confirm]')?.requestSubmit();

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  const input = document.getElementById(button.dataset.copy ?? '') as HTMLInputElement | null;
  if (!input || !navigator.clipboard) continue;
  button.hidden = false;
  const label = button.textContent ?? '';
  button.addEventListener('click', () => {
    void navigator.clipboard.writeText(input.value).then(() => {
      button.textContent = t('common.copied');
      window.setTimeout(() => (button.textContent = label), 2000);
    });
  });
}
for (const input of document.querySelectorAll<HTMLInputElement>('[data-select-on-focus]')) {
  input.addEventListener('focus', () => input.select());
}

// In a frame on another site: tell /embed.js how tall the content is, so it is never clipped.
const main = document.querySelector<HTMLElement>('body.embed main');
if (main && window.parent !== window) {
  const report = () =>
    window.parent.postMessage(
      { levierEmbedHeight: Math.ceil(main.getBoundingClientRect().height) },
      '*',
    );
  new ResizeObserver(report).observe(main);
}
