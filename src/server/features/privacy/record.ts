import type { ProcessingRecord } from '../../../contracts/privacy.ts';
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
export function processingActivities(declarations: readonly PersonalData[] = personalData()) {
  return declarations.flatMap((d) =>
    d.processing
      ? [
          {
            feature: d.feature,
            ...d.processing,
            tables: d.tables.map((t) => ({
              table: t.table,
              holds: t.holds,
              erasure: erasureText(t.erase),
            })),
          },
        ]
      : [],
  );
}

/**
 * The record of processing activities (GDPR art. 30(1)) as the code knows it: one activity per
 * feature, from the personal-data registry, so it cannot drift from what the code holds.
 */
export async function processingRecord(ctx: AppContext): Promise<ProcessingRecord> {
  return {
    controller: await campaignName(ctx.database, ctx.campaignId),
    generatedAt: new Date().toISOString(),
    activities: processingActivities(),
  };
}

const basisFr: Record<string, string> = {
  consent: 'Consentement (art. 6(1)(a))',
  contract: 'Contrat (art. 6(1)(b))',
  legal_obligation: 'Obligation légale (art. 6(1)(c))',
  vital_interests: 'Intérêts vitaux (art. 6(1)(d))',
  public_task: 'Mission d’intérêt public (art. 6(1)(e))',
  legitimate_interests: 'Intérêt légitime (art. 6(1)(f))',
};

/** The record as a printable HTML page (French headings, the registry's English text). */
export function recordHtml(record: ProcessingRecord): string {
  const e = escapeHtml;
  const row = (label: string, value: string) => `<tr><th>${e(label)}</th><td>${e(value)}</td></tr>`;
  const activities = record.activities
    .map(
      (a) => `<section>
<h2>${e(a.feature)}</h2>
<table>
${row('Finalité (purpose)', a.purpose)}
${row('Base légale (legal basis)', a.legalBasis.map((b) => basisFr[b] ?? b).join(' ; '))}
${row('Personnes concernées (people)', a.people)}
${row('Catégories de données (data)', a.data)}
${row('Destinataires (recipients)', a.recipients)}
${row('Durée de conservation (retention)', a.retention)}
</table>
<details><summary>Tables</summary><ul>
${a.tables.map((t) => `<li><code>${e(t.table)}</code> : ${e(t.holds)} ${e(t.erasure)}</li>`).join('\n')}
</ul></details>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<title>Registre des activités de traitement — ${e(record.controller)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{width:16rem;background:#f2f2f2}section{break-inside:avoid;margin-bottom:1.5rem}</style>
</head><body>
<h1>Registre des activités de traitement (RGPD, art. 30)</h1>
<p>Responsable du traitement : ${e(record.controller)}. Établi le ${e(record.generatedAt)} à partir du registre des données personnelles de Levier.</p>
${activities}
</body></html>
`;
}
