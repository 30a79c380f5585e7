import type { LegalTexts, PublicSite } from '../../../contracts/recruitment.ts';
import type { LegalUpdate } from '../../../contracts/settings.ts';
import { defaultLegal, trackingNotice } from './legal-defaults.ts';

export type Legal = PublicSite['legal'];

/** What is stored under the `legal` setting, read over the defaults. */
export function legalFromStored(stored: Partial<Legal> | undefined): Legal {
  const english = stored?.en && Object.keys(stored.en).length > 0 ? stored.en : undefined;
  return { fr: { ...defaultLegal.fr, ...stored?.fr }, ...(english ? { en: english } : {}) };
}

/** Empty English texts are not stored: they mean "show the French one". */
export function legalToStore(input: LegalUpdate): Legal {
  const filled = Object.entries(input.en ?? {}).filter(([, text]) => text);
  return filled.length
    ? { fr: input.fr, en: Object.fromEntries(filled) as Partial<LegalTexts> }
    : { fr: input.fr };
}

/** Which texts changed, for the audit log (not the texts: they are public anyway). */
export function changedLegalFields(before: Legal, after: Legal): string[] {
  const changed: string[] = [];
  for (const locale of ['fr', 'en'] as const)
    for (const field of ['legalNotice', 'privacyPolicy', 'formNotice'] as const)
      if ((before[locale]?.[field] ?? '') !== (after[locale]?.[field] ?? ''))
        changed.push(`${locale}.${field}`);
  return changed;
}

/**
 * What the privacy page adds after the campaign's own text, in the page's language: how the
 * opens and clicks of newsletters are measured (only with consent, off by default, how to
 * withdraw). Not a text staff edit: it says what Levier does.
 */
export const privacyAddendum = (locale: 'fr' | 'en') => trackingNotice[locale];
