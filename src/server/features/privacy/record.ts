import type { Locale } from '../../../contracts/common.ts';
import type { LegalBasisName, ProcessingRecord } from '../../../contracts/privacy.ts';
import type { AppContext } from '../../core/context.ts';
import { escapeHtml } from '../../core/html.ts';
import type { Erasure, PersonalData } from '../../core/personal-data/registry.ts';
import { personalData } from '../personal-data.ts';
import { campaignName } from '../settings/service.ts';

const erasureText = (erase: Erasure) =>
  'deleteWhere' in erase
    ? 'Deleted on erasure.'
    : 'run' in erase
      ? 'Deleted or blanked on erasure.'
      : 'keep' in erase
        ? `Kept on erasure: ${erase.keep}`
        : "The person's own row: blanked on erasure.";

/** Declarations that say what their processing is (every feature's, as a test checks). */
export function processingActivities(
  declarations: readonly PersonalData[] = personalData(),
  language: Locale = 'fr',
) {
  return declarations.flatMap((d) => {
    if (!d.processing) return [];
    const { fr, legalBasis, ...en } = d.processing;
    return [
      {
        feature: d.feature,
        ...(language === 'fr' ? fr : en),
        legalBasis,
        tables: d.tables.map((t) => ({
          table: t.table,
          holds: t.holds,
          erasure: erasureText(t.erase),
        })),
      },
    ];
  });
}

/**
 * The record of processing activities (GDPR art. 30(1)) as the code knows it: one activity per
 * feature, from the personal-data registry, so it cannot drift from what the code holds.
 */
export async function processingRecord(
  ctx: AppContext,
  language: Locale = 'fr',
): Promise<ProcessingRecord> {
  return {
    language,
    controller: await campaignName(ctx.database, ctx.campaignId),
    generatedAt: new Date().toISOString(),
    activities: processingActivities(personalData(), language),
  };
}

/** The printed record's headings and the legal bases' names, French first. */
const labelsFr = {
  title: 'Registre des activités de traitement',
  heading: 'Registre des activités de traitement (RGPD, art. 30)',
  intro: (controller: string, at: string) =>
    `Responsable du traitement : ${controller}. Établi le ${at} à partir du registre des données personnelles de Levier.`,
  purpose: 'Finalité',
  legalBasis: 'Base légale',
  people: 'Personnes concernées',
  data: 'Catégories de données',
  recipients: 'Destinataires',
  retention: 'Durée de conservation',
  tables: 'Tables (détail technique, en anglais)',
  basis: {
    consent: 'Consentement (art. 6(1)(a))',
    contract: 'Contrat (art. 6(1)(b))',
    legal_obligation: 'Obligation légale (art. 6(1)(c))',
    vital_interests: 'Intérêts vitaux (art. 6(1)(d))',
    public_task: 'Mission d’intérêt public (art. 6(1)(e))',
    legitimate_interests: 'Intérêt légitime (art. 6(1)(f))',
  } satisfies Record<LegalBasisName, string>,
};

const labels: Record<Locale, typeof labelsFr> = {
  fr: labelsFr,
  en: {
    title: 'Record of processing activities',
    heading: 'Record of processing activities (GDPR art. 30)',
    intro: (controller: string, at: string) =>
      `Controller: ${controller}. Drawn up on ${at} from Levier's personal-data registry.`,
    purpose: 'Purpose',
    legalBasis: 'Legal basis',
    people: 'Categories of people concerned',
    data: 'Categories of personal data',
    recipients: 'Recipients',
    retention: 'Retention period',
    tables: 'Tables (technical detail)',
    basis: {
      consent: 'Consent (art. 6(1)(a))',
      contract: 'Contract (art. 6(1)(b))',
      legal_obligation: 'Legal obligation (art. 6(1)(c))',
      vital_interests: 'Vital interests (art. 6(1)(d))',
      public_task: 'Public task (art. 6(1)(e))',
      legitimate_interests: 'Legitimate interests (art. 6(1)(f))',
    },
  },
};

/** The record as a printable HTML page, in the record's language (tables' details in English). */
export function recordHtml(record: ProcessingRecord): string {
  const e = escapeHtml;
  const l = labels[record.language];
  const row = (label: string, value: string) => `<tr><th>${e(label)}</th><td>${e(value)}</td></tr>`;
  const activities = record.activities
    .map(
      (a) => `<section>
<h2>${e(a.name)}</h2>
<table>
${row(l.purpose, a.purpose)}
${row(l.legalBasis, a.legalBasis.map((b) => l.basis[b]).join(' ; '))}
${row(l.people, a.people)}
${row(l.data, a.data)}
${row(l.recipients, a.recipients)}
${row(l.retention, a.retention)}
</table>
<details><summary>${e(l.tables)}</summary><ul lang="en">
${a.tables.map((t) => `<li><code>${e(t.table)}</code> : ${e(t.holds)} ${e(t.erasure)}</li>`).join('\n')}
</ul></details>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${record.language}"><head><meta charset="utf-8">
<title>${e(l.title)} — ${e(record.controller)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{width:16rem;background:#f2f2f2}section{break-inside:avoid;margin-bottom:1.5rem}</style>
</head><body>
<h1>${e(l.heading)}</h1>
<p>${e(l.intro(record.controller, record.generatedAt))}</p>
${activities}
</body></html>
`;
}
