/**
 * The printable walk list of one turf, the paper a canvasser carries when phones fail: an A4
 * header (turf, campaign, dates, count, when printed, how to treat the paper), a map drawn from
 * the addresses' own coordinates, then each street with a row per address and a box per
 * outcome. Pure: data in, PDF bytes out, the same bytes for the same input (the PDF's dates
 * and identifier come from `printedAt`, never from the clock).
 */
import PDFDocument from 'pdfkit';
import { toBuffer } from '../../donations/acknowledgement/pdf.ts';
import { drawHeader } from './header.ts';
import { frameHeight, isPosition } from './map-geometry.ts';
import { drawMapSnippet, type MapAddress } from './map-snippet.ts';
import {
  BAND_HEIGHT,
  ROW_HEIGHT,
  drawBand,
  drawRow,
  drawTableHeader,
  electorLines,
  rowHeight,
  tableColumns,
} from './table.ts';
import { INK, MUTED, REGULAR, writeLine, type Pdf } from './style.ts';
import { addressCountText, buildingText, capped, inert, numberText, stopHeading } from './text.ts';
import type { WalkListInput, WalkListStop } from './types.ts';

export type { WalkListInput } from './types.ts';

export interface WalkListPdfOptions {
  /** Deflate the content streams (default); tests read them uncompressed. */
  compress?: boolean;
}

const MARGIN = 36;
const BOTTOM_MARGIN = 44;
const MAP_MIN_HEIGHT = 170;
const MAP_MAX_HEIGHT = 330;

interface Placed {
  stop: WalkListStop;
  /** Walk order of the stop's first address, from 1. */
  firstOrder: number;
}

function placeStops(stops: WalkListStop[]): Placed[] {
  let next = 1;
  return stops
    .filter((stop) => stop.addresses.length > 0)
    .map((stop) => {
      const placed = { stop, firstOrder: next };
      next += stop.addresses.length;
      return placed;
    });
}

function missingText(missing: number): string {
  if (missing === 0) return '';
  if (missing === 1) return 'Une adresse sans coordonnées n’est pas sur la carte.';
  return `${addressCountText(missing)} sans coordonnées ne sont pas sur la carte.`;
}

function drawMap(doc: Pdf, input: WalkListInput, placed: Placed[]) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const stops = placed.map(({ stop, firstOrder }) =>
    stop.addresses.map((a, i): MapAddress => ({
      position: [a.lon, a.lat],
      order: firstOrder + i,
      doNotVisit: a.doNotVisit,
    })),
  );
  const positions = stops
    .flat()
    .map((a) => a.position)
    .filter(isPosition);
  doc.font(REGULAR).fontSize(7.5).fillColor(MUTED);
  if (positions.length === 0) {
    doc.text("Pas de carte : aucune adresse de ce secteur n'a de coordonnées.", left, doc.y, {
      width,
    });
    doc.y += 10;
    return;
  }
  const frame = {
    x: left,
    y: doc.y,
    width,
    height: frameHeight(positions, width, MAP_MIN_HEIGHT, MAP_MAX_HEIGHT),
  };
  const { omittedLabels } = drawMapSnippet(doc, { stops, streets: input.streets }, frame);
  const missing = stops.flat().length - positions.length;
  const caption = [
    'Points numérotés dans l’ordre de passage (cerclé : départ ; gris : ne pas visiter).',
    omittedLabels > 0 ? 'Numéros masqués là où ils se chevauchent : voir la liste.' : '',
    missingText(missing),
  ]
    .filter((s) => s !== '')
    .join(' ');
  doc.font(REGULAR).fontSize(7.5).fillColor(MUTED);
  doc.text(caption, left, frame.y + frame.height + 4, { width });
  doc.y += 10;
}

function drawList(doc: Pdf, input: WalkListInput, placed: Placed[]) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom;
  const withBuilding = placed.some(({ stop }) =>
    stop.addresses.some((a) => buildingText(a.building) !== ''),
  );
  const columns = tableColumns(doc, left, width, {
    outcomes: input.outcomes.map((o) => inert(o.label) || inert(o.code)),
    questions: (input.questions ?? []).map(inert),
    withBuilding,
  });
  let y = doc.y;
  const startPage = () => {
    y += drawTableHeader(doc, columns, y);
  };
  const newPage = () => {
    doc.addPage();
    y = doc.page.margins.top;
    startPage();
  };
  // The headings' height is known once drawn; 40 pt covers three lines of 7 pt.
  if (y + 40 + BAND_HEIGHT + ROW_HEIGHT > bottom) newPage();
  else startPage();

  for (const { stop, firstOrder } of placed) {
    const heading = stopHeading(stop);
    const count = addressCountText(stop.addresses.length);
    // No one knocks at an address not to visit: its electors are not printed.
    const names = stop.addresses.map((address) =>
      address.doNotVisit
        ? []
        : electorLines(
            doc,
            columns,
            (address.electors ?? []).map(inert).filter((name) => name !== ''),
          ),
    );
    if (y + BAND_HEIGHT + rowHeight(names[0]!.length) > bottom) newPage();
    drawBand(doc, columns, y, heading, count);
    y += BAND_HEIGHT;
    stop.addresses.forEach((address, i) => {
      if (y + rowHeight(names[i]!.length) > bottom) {
        newPage();
        drawBand(doc, columns, y, `${heading} (suite)`, count);
        y += BAND_HEIGHT;
      }
      y += drawRow(doc, columns, y, {
        order: firstOrder + i,
        number: numberText(address),
        building: buildingText(address.building),
        doNotVisit: address.doNotVisit,
        electorLines: names[i],
      });
    });
  }
}

/** "page 2/5" on every page, with the turf's name, in the bottom margin. */
function drawFooters(doc: Pdf, turfName: string) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const y = doc.page.height - BOTTOM_MARGIN + 16;
    doc.font(REGULAR).fontSize(7.5).fillColor(MUTED);
    writeLine(doc, `page ${i - start + 1}/${count}`, left, y, width, 'right');
    writeLine(doc, `${turfName} – ne pas laisser chez un habitant`, left, y, width - 60);
  }
}

/** The walk list of one turf as A4 PDF bytes. */
export async function walkListPdf(
  input: WalkListInput,
  options: WalkListPdfOptions = {},
): Promise<Buffer> {
  const turfName = capped(inert(input.turfName), 120) || 'Secteur sans nom';
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: BOTTOM_MARGIN },
    compress: options.compress ?? true,
    font: REGULAR,
    bufferPages: true,
    lang: 'fr-FR',
    info: {
      Title: `Liste de porte-à-porte – ${turfName}`,
      Author: inert(input.campaignName),
      Creator: 'Levier',
      CreationDate: input.printedAt,
    },
  });
  const placed = placeStops(input.stops);
  const addresses = placed.flatMap(({ stop }) => stop.addresses);
  drawHeader(doc, input, {
    addresses: addresses.length,
    doNotVisit: addresses.filter((a) => a.doNotVisit).length,
  });
  if (addresses.length === 0) {
    doc.font(REGULAR).fontSize(11).fillColor(INK);
    doc.text(
      'Ce secteur ne compte aucune adresse : il n’y a rien à visiter.',
      doc.page.margins.left,
      doc.y + 8,
    );
  } else {
    drawMap(doc, input, placed);
    drawList(doc, input, placed);
  }
  drawFooters(doc, turfName);
  return toBuffer(doc);
}
