/** A light client-side check; the server has the final word. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** Moves keyboard focus to the first invalid input after a failed submit. */
export function focusFirstError(): void {
  window.setTimeout(() => {
    const input = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    input?.focus();
  }, 0);
}
