import {
  formatEuros,
  isValidAmount,
  parseEuros,
  taxReductionCents,
} from '../../contracts/donation-law.ts';

/**
 * The donation form, enhanced: typing a free amount chooses it, and says at once what the
 * gift costs after the tax reduction (the suggested amounts say it in the page already).
 */
export function enhanceDonation(form: HTMLFormElement) {
  const other = form.querySelector<HTMLInputElement>('input[name="otherAmount"]');
  const otherChoice = form.querySelector<HTMLInputElement>('input[name="amount"][value="other"]');
  const preview = form.querySelector<HTMLElement>('[data-tax-preview]');
  if (!other || !otherChoice || !preview) return;
  const locale = document.documentElement.lang === 'en' ? 'en' : 'fr';
  const template = preview.dataset.taxPreview ?? '';
  const show = () => {
    const cents = parseEuros(other.value);
    preview.textContent =
      cents !== null && isValidAmount(cents)
        ? template.replace('{cost}', formatEuros(cents - taxReductionCents(cents), locale))
        : '';
  };
  other.addEventListener('input', () => {
    if (other.value.trim()) otherChoice.checked = true;
    show();
  });
  show();
}
