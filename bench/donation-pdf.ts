/**
 * The donor's acknowledgement PDF, no database:
 *   npm run bench -- donation-pdf [--seconds 3] [--rounds 5] [--locale fr]
 * Counts acknowledgements made per second by renderAcknowledgementPdf (content, layout,
 * metadata) against a bare pdfkit document with the same fonts and the same text, written
 * line after line, in alternating rounds (A, B, A, B…) of a few seconds each, after one
 * warm-up round of each. Target: acknowledgements ≥ 0.5 × bare documents per second.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { acknowledgementDocument } from '../src/server/features/donations/acknowledgement/document.ts';
import { sampleAcknowledgement } from '../src/server/features/donations/acknowledgement/fixtures.ts';
import {
  bareReferenceLines,
  renderAcknowledgementPdf,
  renderBareReferencePdf,
} from '../src/server/features/donations/acknowledgement/pdf.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '5' },
    locale: { type: 'string', default: 'fr' },
  },
});
const roundMs = Number(values.seconds) * 1000;
const rounds = Number(values.rounds);
const locale = values.locale === 'en' ? 'en' : 'fr';

const lines = bareReferenceLines(acknowledgementDocument(sampleAcknowledgement, locale));
const acknowledgement = () => renderAcknowledgementPdf(sampleAcknowledgement, locale);
const bare = () => renderBareReferencePdf(lines);

/** Documents made one after another for `ms`; the count and the time it really took. */
async function round(make: () => Promise<Buffer>, ms: number) {
  const start = performance.now();
  let made = 0;
  while (performance.now() - start < ms) {
    await make();
    made++;
  }
  return { made, ms: performance.now() - start };
}

const perSecond = (r: { made: number; ms: number }) => (r.made / r.ms) * 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await round(acknowledgement, Math.min(roundMs, 1000));
await round(bare, Math.min(roundMs, 1000));
const table: { round: number; acknowledgementsPerS: number; barePerS: number }[] = [];
const totals = { acknowledgement: { made: 0, ms: 0 }, bare: { made: 0, ms: 0 } };
for (let i = 1; i <= rounds; i++) {
  const a = await round(acknowledgement, roundMs);
  const b = await round(bare, roundMs);
  totals.acknowledgement.made += a.made;
  totals.acknowledgement.ms += a.ms;
  totals.bare.made += b.made;
  totals.bare.ms += b.ms;
  table.push({
    round: i,
    acknowledgementsPerS: +perSecond(a).toFixed(0),
    barePerS: +perSecond(b).toFixed(0),
  });
}

const acknowledgementPerS = perSecond(totals.acknowledgement);
const barePerS = perSecond(totals.bare);
const result = {
  date: new Date().toISOString(),
  locale,
  roundSeconds: roundMs / 1000,
  rounds,
  acknowledgementBytes: (await acknowledgement()).length,
  bareBytes: (await bare()).length,
  acknowledgementsPerS: +acknowledgementPerS.toFixed(0),
  barePerS: +barePerS.toFixed(0),
  ratio: +(acknowledgementPerS / barePerS).toFixed(2),
  ratioOfMedians: +(
    median(table.map((r) => r.acknowledgementsPerS)) / median(table.map((r) => r.barePerS))
  ).toFixed(2),
  perRound: table,
};
console.table(table);
console.table([
  {
    acknowledgementsPerS: result.acknowledgementsPerS,
    barePerS: result.barePerS,
    ratio: result.ratio,
    ratioOfMedians: result.ratioOfMedians,
    acknowledgementBytes: result.acknowledgementBytes,
    bareBytes: result.bareBytes,
  },
]);
console.log(`ratio acknowledgement / bare pdfkit document: ${result.ratio} (target ≥ 0.5)`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/donation-pdf.json', import.meta.url),
  JSON.stringify(result, null, 2),
);
