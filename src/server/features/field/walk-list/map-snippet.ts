/**
 * The turf drawn in vector from its addresses' own coordinates, with no map tiles: the streets
 * (or, without them, each street's addresses joined in walk order), one dot per address
 * numbered in walk order, a scale bar in metres and a north arrow.
 */
import {
  fitProjection,
  isPosition,
  placeLabels,
  roundScaleLength,
  scaleLabel,
  type Box,
  type Frame,
} from './map-geometry.ts';
import { BOLD, INK, LINE, MUTED, REGULAR, writeLine, type Pdf } from './style.ts';
import type { LonLat } from './types.ts';

export interface MapAddress {
  position: LonLat;
  /** The address's place in the walk, from 1, as its row in the list shows it. */
  order: number;
  doNotVisit: boolean;
}

export interface MapSnippet {
  /** Each street's addresses, in walk order. */
  stops: MapAddress[][];
  streets?: LonLat[][];
}

export interface MapDrawn {
  /** Numbers left out where they would have covered others. */
  omittedLabels: number;
}

const PADDING = 18;
const DO_NOT_VISIT = '#9a9a9a';
const GROUND = '#fbfbfb';

function strokePolylines(doc: Pdf, lines: [number, number][][]) {
  let any = false;
  for (const line of lines) {
    if (line.length < 2) continue;
    doc.moveTo(line[0]![0], line[0]![1]);
    for (const [x, y] of line.slice(1)) doc.lineTo(x, y);
    any = true;
  }
  if (any) doc.stroke();
}

function drawNorthArrow(doc: Pdf, frame: Frame): Box {
  const x = frame.x + frame.width - 18;
  const top = frame.y + 8;
  doc.font(BOLD).fontSize(8).fillColor(INK);
  writeLine(doc, 'N', x - 5, top, 10, 'center');
  doc
    .polygon([x, top + 10], [x + 5, top + 24], [x, top + 20], [x - 5, top + 24])
    .fillColor(INK)
    .fill();
  return { x: x - 8, y: top - 2, width: 16, height: 28 };
}

function drawScaleBar(doc: Pdf, frame: Frame, metresPerPoint: number): Box {
  const metres = roundScaleLength((frame.width / 4) * metresPerPoint);
  const length = metres / metresPerPoint;
  const x = frame.x + 10;
  const y = frame.y + frame.height - 10;
  const box = { x: x - 4, y: y - 16, width: length + 8, height: 20 };
  doc.rect(box.x, box.y, box.width, box.height).fillColor('#ffffff').fill();
  doc
    .moveTo(x, y - 4)
    .lineTo(x, y)
    .lineTo(x + length, y)
    .lineTo(x + length, y - 4)
    .lineWidth(1)
    .strokeColor(INK)
    .stroke();
  doc.font(REGULAR).fontSize(7).fillColor(INK);
  writeLine(doc, scaleLabel(metres), x, y - 13, length, 'center');
  return box;
}

/** Clear space kept around a number, so that two never touch. */
const LABEL_MARGIN = 1;

/** Where a number may go around its dot, best first, its margin included. */
function labelCandidates(x: number, y: number, width: number, height: number, gap: number) {
  const w = width + 2 * LABEL_MARGIN;
  const h = height + 2 * LABEL_MARGIN;
  return [
    { x: x + gap, y: y - h - gap / 2, width: w, height: h },
    { x: x + gap, y: y + gap / 2, width: w, height: h },
    { x: x - gap - w, y: y - h - gap / 2, width: w, height: h },
    { x: x - gap - w, y: y + gap / 2, width: w, height: h },
    { x: x - w / 2, y: y - h - gap, width: w, height: h },
    { x: x - w / 2, y: y + gap, width: w, height: h },
  ];
}

/** Draws `map` inside `frame`; positions outside the world (NaN, 999) are left off. */
export function drawMapSnippet(doc: Pdf, map: MapSnippet, frame: Frame): MapDrawn {
  const stops = map.stops.map((stop) => stop.filter((a) => isPosition(a.position)));
  const addresses = stops.flat();
  if (addresses.length === 0) throw new RangeError('a map needs an address with a position');
  const projection = fitProjection(
    addresses.map((a) => a.position),
    frame,
    PADDING,
  );
  const page = (position: LonLat) => projection.toPage(position);

  doc.save();
  doc.rect(frame.x, frame.y, frame.width, frame.height).fillColor(GROUND).fill();
  doc.rect(frame.x, frame.y, frame.width, frame.height).clip();
  doc.lineCap('round').lineJoin('round');
  const streets = (map.streets ?? []).map((line) => line.filter(isPosition).map(page));
  if (streets.some((line) => line.length >= 2)) {
    doc.lineWidth(3.5).strokeColor('#d6d6d6');
    strokePolylines(doc, streets);
  } else {
    doc.lineWidth(0.8).strokeColor(LINE);
    strokePolylines(
      doc,
      stops.map((stop) => stop.map((a) => page(a.position))),
    );
  }

  const dense = addresses.length > 300;
  const radius = dense ? 1.3 : 2.2;
  const drawn = addresses.map((a) => ({ address: a, at: page(a.position) }));
  const visited = drawn.filter((d) => !d.address.doNotVisit);
  if (visited.length > 0) {
    for (const { at } of visited) doc.circle(at[0], at[1], radius);
    doc.fillColor(INK).fill();
  }
  const avoided = drawn.filter((d) => d.address.doNotVisit);
  if (avoided.length > 0) {
    for (const { at } of avoided) doc.circle(at[0], at[1], radius);
    doc.lineWidth(0.6).strokeColor(DO_NOT_VISIT).stroke();
  }
  const start = drawn[0];
  if (start) {
    doc
      .circle(start.at[0], start.at[1], radius + 2.5)
      .lineWidth(0.9)
      .strokeColor(INK)
      .stroke();
  }
  doc.restore();

  // Numbers keep clear of the arrow, the scale bar and every dot, the start's ring included.
  const ringed = (i: number) => (i === 0 ? radius + 3 : radius);
  const reserved = [
    drawNorthArrow(doc, frame),
    drawScaleBar(doc, frame, projection.metresPerPoint),
    ...drawn.map(({ at }, i) => ({
      x: at[0] - ringed(i),
      y: at[1] - ringed(i),
      width: 2 * ringed(i),
      height: 2 * ringed(i),
    })),
  ];
  const fontSize = dense ? 5.5 : 6.5;
  doc.font(REGULAR).fontSize(fontSize);
  // pdfkit sets a line's baseline an ascender (0.718 em in Helvetica) below the top it is
  // given, and digits reach nearly that high: the box a number covers.
  const height = fontSize * 0.75;
  // On a crowded map the numbers that first go out are those where each street starts and
  // ends, then the others in walk order.
  const ends = new Set(stops.flatMap((stop) => [stop[0]?.order, stop.at(-1)?.order]));
  const byPriority = [...drawn.keys()].sort(
    (a, b) =>
      Number(!ends.has(drawn[a]!.address.order)) - Number(!ends.has(drawn[b]!.address.order)) ||
      a - b,
  );
  const placedByPriority = placeLabels(
    byPriority.map((i) => {
      const { address, at } = drawn[i]!;
      const width = doc.widthOfString(String(address.order));
      return labelCandidates(at[0], at[1], width, height, ringed(i) + 0.5);
    }),
    frame,
    reserved,
  );
  const placed: (Box | null)[] = [];
  byPriority.forEach((i, rank) => (placed[i] = placedByPriority[rank] ?? null));
  // A halo of the map's ground behind each number keeps the lines under it from crossing it.
  const shown = placed.flatMap((box, i) => (box ? [{ box, address: drawn[i]!.address }] : []));
  if (shown.length > 0) {
    for (const { box } of shown) doc.rect(box.x, box.y, box.width, box.height);
    doc.fillColor(GROUND).fill();
  }
  for (const { box, address } of shown) {
    doc.fillColor(address.doNotVisit ? DO_NOT_VISIT : INK);
    doc.text(String(address.order), box.x + LABEL_MARGIN, box.y + LABEL_MARGIN, {
      lineBreak: false,
    });
  }

  doc.rect(frame.x, frame.y, frame.width, frame.height).lineWidth(0.75).strokeColor(LINE).stroke();
  doc.fillColor(MUTED);
  return { omittedLabels: placed.length - shown.length };
}
