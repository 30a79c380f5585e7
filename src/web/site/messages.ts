/** The messages the server put in the page, in the page's language (see pages/i18n.ts). */
type Messages = Record<string, string>;

let messages: Messages | null = null;

function all(): Messages {
  if (!messages) {
    const element = document.getElementById('levier-messages');
    messages = element ? (JSON.parse(element.textContent || '{}') as Messages) : {};
  }
  return messages;
}

/** A message with `{name}` replaced; the key itself if the page lacks it. */
export function t(key: string, vars: Record<string, string> = {}): string {
  const text = all()[key] ?? all()['error.generic'] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? vars[name] : whole));
}

export const locale = () => (document.documentElement.lang === 'en' ? 'en' : 'fr');
