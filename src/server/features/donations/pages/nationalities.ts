import type { Locale } from '../../../../contracts/common.ts';

/**
 * Codes the region names know that are not a nationality to choose: groupings, old or
 * duplicate codes, uninhabited places, and France's own territories (their people are French).
 */
const NOT_NATIONALITIES = new Set(
  (
    'AC AN AQ BU BV CP CQ CS DD DG EA EU EZ FX HM IC QO SU TA TP UK UM UN XA XB YD YU ZR ZZ ' +
    'BL GF GP MF MQ NC PF PM RE TF WF YT'
  ).split(' '),
);

const cache = new Map<Locale, Array<{ code: string; name: string }>>();

/**
 * Every nationality as its country's name in `locale`, France first, the others by name: the
 * donation page's choice (the agent records the donor's nationality, Code électoral R39-1).
 */
export function nationalities(locale: Locale): Array<{ code: string; name: string }> {
  const known = cache.get(locale);
  if (known) return known;
  const tag = locale === 'en' ? 'en-GB' : 'fr-FR';
  const names = new Intl.DisplayNames([tag], { type: 'region', fallback: 'none' });
  const list: Array<{ code: string; name: string }> = [];
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      const name = names.of(code);
      if (name && code !== 'FR' && !NOT_NATIONALITIES.has(code)) list.push({ code, name });
    }
  }
  const collator = new Intl.Collator(tag);
  list.sort((a, b) => collator.compare(a.name, b.name));
  const all = [{ code: 'FR', name: names.of('FR') ?? 'France' }, ...list];
  cache.set(locale, all);
  return all;
}
