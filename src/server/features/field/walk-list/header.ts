/** The walk list's first lines: what the turf is, when it is walked, and how to treat the paper. */
import {
  addressCountText,
  capped,
  datesText,
  doNotVisitCountText,
  inert,
  printedAtText,
} from './text.ts';
import { BOLD, INK, LINE, MUTED, REGULAR, type Pdf } from './style.ts';
import type { WalkListInput } from './types.ts';

export const PRIVACY_LINE =
  'Document de campagne – ne pas laisser chez un habitant ; à détruire après la campagne';

const LABEL_WIDTH = 62;
const GAP = 14;

export interface HeaderCounts {
  addresses: number;
  doNotVisit: number;
}

function facts(input: WalkListInput, counts: HeaderCounts): [string, string][] {
  const pairs: [string, string | null | undefined][] = [
    ['Campagne', input.campaignName],
    ['Comité', input.committeeName],
    ['Secteur', input.areaLabel],
    ['Dates', input.dates ? datesText(input.dates) : null],
    ['Adresses', addressCountText(counts.addresses) + doNotVisitCountText(counts.doNotVisit)],
    ['Imprimé le', printedAtText(input.printedAt, input.timeZone)],
  ];
  return pairs
    .map(([label, value]): [string, string] => [label, value ? capped(inert(value), 160) : ''])
    .filter(([, value]) => value !== '');
}

/** Draws the header from the top margin down; leaves `doc.y` under it. */
export function drawHeader(doc: Pdf, input: WalkListInput, counts: HeaderCounts) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  let y = doc.page.margins.top;
  doc.font(REGULAR).fontSize(8.5).fillColor(MUTED);
  doc.text('Liste de porte-à-porte', left, y, { width });
  doc.font(BOLD).fontSize(16).fillColor(INK);
  doc.text(capped(inert(input.turfName), 120) || 'Secteur sans nom', left, doc.y + 1, { width });
  y = doc.y + 6;

  // Two facts a line: label in grey, value beside it, a long value wrapping in its half.
  const half = (width - GAP) / 2;
  const list = facts(input, counts);
  for (let i = 0; i < list.length; i += 2) {
    let bottom = y;
    list.slice(i, i + 2).forEach(([label, value], j) => {
      const x = left + j * (half + GAP);
      doc.font(REGULAR).fontSize(8).fillColor(MUTED);
      doc.text(label, x, y + 1, { width: LABEL_WIDTH });
      doc.font(REGULAR).fontSize(9.5).fillColor(INK);
      doc.text(value, x + LABEL_WIDTH, y, { width: half - LABEL_WIDTH });
      bottom = Math.max(bottom, doc.y);
    });
    y = bottom + 3;
  }

  y += 4;
  doc.font(BOLD).fontSize(8.5).fillColor(INK);
  const inset = 9;
  doc.text(PRIVACY_LINE, left + inset, y, { width: width - inset });
  // A bar along the line's left edge sets it apart, as on the donor's acknowledgement.
  doc
    .rect(left, y - 2, 3, doc.y - y + 2)
    .fillColor(LINE)
    .fill();
  doc.y += 10;
}
