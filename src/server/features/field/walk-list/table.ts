/**
 * The street list: a table whose columns are the walk order, the number on the door, the
 * building when there is one, one empty box per outcome, one empty cell per question and the
 * notes; a shaded band names each street, and an address not to visit is struck through. The
 * electors the electoral list places at an address are written in small type under its line.
 */
import {
  BOLD,
  INK,
  ITALIC,
  LINE,
  MUTED,
  REGULAR,
  SHADE,
  fitText,
  writeLine,
  type Pdf,
} from './style.ts';

export type ColumnKind = 'order' | 'number' | 'building' | 'outcome' | 'question' | 'notes';

export interface Column {
  kind: ColumnKind;
  label: string;
  x: number;
  width: number;
}

export interface Row {
  order: number;
  number: string;
  building: string;
  doNotVisit: boolean;
  /** The electors' names as laid out by `electorLines`: one string per printed line. */
  electorLines?: string[];
}

export const ROW_HEIGHT = 20;
/** Electors' names: small type under the row's line, a few lines at most. */
const ELECTOR_SIZE = 6.5;
const ELECTOR_LINE = 8;
const ELECTORS_TOP = 17;
const ELECTORS_BOTTOM = 2;
export const MAX_ELECTOR_LINES = 6;
const ELECTOR_SEPARATOR = ' · ';
export const BAND_HEIGHT = 16;
export const DO_NOT_VISIT_LABEL = 'Ne pas visiter';

const ORDER_WIDTH = 22;
const NUMBER_WIDTH = 48;
const BUILDING_WIDTH = 56;
/** An outcome's column is as wide as its heading's longest word at 6.5 pt, within these. */
const OUTCOME_WIDTHS = [34, 46] as const;
/** A question's column leaves room to write an answer. */
const QUESTION_WIDTHS = [44, 64] as const;
const NOTES_MIN_WIDTH = 80;
const NARROWEST = 14;
const BOX = 9;
const CELL_PADDING = 3;
const HEADER_SIZE = 7;
const SMALLEST_HEADER_SIZE = 5;
const HEADER_PADDING = 2;

type Planned = Omit<Column, 'x'>;

/**
 * The columns across `width`. Answer columns narrow together, down to a floor, when many
 * outcomes and questions would leave the notes less than their minimum.
 */
export function tableColumns(
  doc: Pdf,
  left: number,
  width: number,
  headings: { outcomes: string[]; questions: string[]; withBuilding: boolean },
): Column[] {
  doc.font(BOLD).fontSize(6.5);
  const fitting = (label: string, [min, max]: readonly [number, number]) => {
    const widest = Math.max(0, ...label.split(' ').map((word) => doc.widthOfString(word)));
    return Math.min(max, Math.max(min, widest + 2 * HEADER_PADDING + 1));
  };
  const fixed: Planned[] = [
    { kind: 'order', label: 'N° ordre', width: ORDER_WIDTH },
    { kind: 'number', label: 'N° voie', width: NUMBER_WIDTH },
    ...(headings.withBuilding
      ? [{ kind: 'building' as const, label: 'Immeuble', width: BUILDING_WIDTH }]
      : []),
  ];
  const answers: Planned[] = [
    ...headings.outcomes.map((label) => ({
      kind: 'outcome' as const,
      label,
      width: fitting(label, OUTCOME_WIDTHS),
    })),
    ...headings.questions.map((label) => ({
      kind: 'question' as const,
      label,
      width: fitting(label, QUESTION_WIDTHS),
    })),
  ];
  const sum = (planned: Planned[]) => planned.reduce((total, c) => total + c.width, 0);
  const room = width - sum(fixed) - NOTES_MIN_WIDTH;
  const shrink = sum(answers) > room ? Math.max(room, 0) / sum(answers) : 1;
  const columns: Column[] = [];
  let x = left;
  for (const planned of [
    ...fixed,
    ...answers.map((c) => ({ ...c, width: Math.max(c.width * shrink, NARROWEST) })),
  ]) {
    columns.push({ ...planned, x });
    x += planned.width;
  }
  columns.push({ kind: 'notes', label: 'Notes', x, width: Math.max(left + width - x, 0) });
  return columns;
}

/** The largest size, down to 5 pt, at which every word of `label` fits the width. */
function headerSize(doc: Pdf, label: string, width: number): number {
  const words = label.split(' ');
  let size = HEADER_SIZE;
  while (size > SMALLEST_HEADER_SIZE) {
    doc.fontSize(size);
    if (words.every((word) => doc.widthOfString(word) <= width)) break;
    size -= 0.5;
  }
  return size;
}

/** The column headings, wrapped in their columns; returns the height they took. */
export function drawTableHeader(doc: Pdf, columns: Column[], y: number): number {
  doc.font(BOLD);
  const cells = columns.map((column) => {
    const width = Math.max(column.width - 2 * HEADER_PADDING, 1);
    const size = headerSize(doc, column.label, width);
    doc.fontSize(size);
    return { column, width, size, height: doc.heightOfString(column.label, { width }) };
  });
  const height = Math.max(...cells.map((cell) => cell.height)) + 2 * HEADER_PADDING + 2;
  const left = columns[0]!.x;
  doc
    .rect(left, y, rightOf(columns) - left, height)
    .fillColor(SHADE)
    .fill();
  doc.fillColor(INK);
  for (const { column, width, size, height: textHeight } of cells) {
    doc.fontSize(size);
    // Wrapped text written where it fits never reaches the page's end, so pdfkit adds none.
    doc.text(column.label, column.x + HEADER_PADDING, y + (height - textHeight) / 2, {
      width,
      align: column.kind === 'outcome' || column.kind === 'question' ? 'center' : 'left',
      lineGap: 0,
    });
  }
  strokeGrid(doc, columns, y, height);
  return height;
}

const rightOf = (columns: Column[]) => columns.at(-1)!.x + columns.at(-1)!.width;

/** Names run from the door number's cell to the table's right edge. */
function electorSpan(columns: Column[]) {
  const from = columns.find((column) => column.kind === 'number') ?? columns[0]!;
  const x = from.x + CELL_PADDING;
  return { x, width: Math.max(rightOf(columns) - x - CELL_PADDING, 1) };
}

const othersText = (count: number) => `et ${count} ${count > 1 ? 'autres' : 'autre'}`;

/**
 * The electors' names wrapped into lines under the row, a name never cut between two lines; past
 * `MAX_ELECTOR_LINES` (a large building), the last line ends with how many are left out.
 */
export function electorLines(doc: Pdf, columns: Column[], names: readonly string[]): string[] {
  if (names.length === 0) return [];
  const { width } = electorSpan(columns);
  doc.font(REGULAR).fontSize(ELECTOR_SIZE);
  const fits = (parts: string[]) => doc.widthOfString(parts.join(ELECTOR_SEPARATOR)) <= width;
  const lines: string[][] = [[]];
  for (const name of names) {
    const line = lines.at(-1)!;
    if (line.length === 0 || fits([...line, name])) line.push(name);
    else lines.push([name]);
  }
  if (lines.length > MAX_ELECTOR_LINES) {
    lines.length = MAX_ELECTOR_LINES;
    const last = lines.at(-1)!;
    let shown = lines.reduce((total, line) => total + line.length, 0);
    while (last.length > 0 && !fits([...last, othersText(names.length - shown)])) {
      last.pop();
      shown -= 1;
    }
    last.push(othersText(names.length - shown));
  }
  return lines.map((line) => fitText(doc, line.join(ELECTOR_SEPARATOR), width));
}

/** A row's height: its line, and its electors' lines under it. */
export const rowHeight = (electorLineCount: number) =>
  electorLineCount === 0
    ? ROW_HEIGHT
    : Math.max(ROW_HEIGHT, ELECTORS_TOP + electorLineCount * ELECTOR_LINE + ELECTORS_BOTTOM);
const isAnswer = (column: Column) =>
  column.kind !== 'order' && column.kind !== 'number' && column.kind !== 'building';

/**
 * The line under a row and between its cells; `merged` leaves the answer cells as one. Under
 * `cellsHeight` (electors' names across the row), only the walk order keeps its cell.
 */
function strokeGrid(
  doc: Pdf,
  columns: Column[],
  y: number,
  height: number,
  { merged = false, cellsHeight = height } = {},
) {
  const left = columns[0]!.x;
  doc.moveTo(left, y + height).lineTo(rightOf(columns), y + height);
  const firstAnswer = columns.findIndex(isAnswer);
  columns.forEach((column, i) => {
    if (i === 0 || (merged && i > firstAnswer)) return;
    doc.moveTo(column.x, y).lineTo(column.x, y + (i === 1 ? height : cellsHeight));
  });
  doc.lineWidth(0.5).strokeColor(LINE).stroke();
}

/** A street's band across the table. */
export function drawBand(doc: Pdf, columns: Column[], y: number, text: string, count: string) {
  const left = columns[0]!.x;
  const width = rightOf(columns) - left;
  doc.rect(left, y, width, BAND_HEIGHT).fillColor('#d9d9d9').fill();
  doc.font(REGULAR).fontSize(8).fillColor(MUTED);
  const countWidth = doc.widthOfString(count);
  writeLine(doc, count, left + width - CELL_PADDING - countWidth, y + 4.5, countWidth);
  doc.font(BOLD).fontSize(9.5).fillColor(INK);
  writeLine(doc, text, left + CELL_PADDING, y + 3.5, width - 3 * CELL_PADDING - countWidth);
}

/**
 * One address's row: its boxes to tick, or, not to visit, struck through with no box; its
 * electors' names under it. Answers its height.
 */
export function drawRow(doc: Pdf, columns: Column[], y: number, row: Row): number {
  const left = columns[0]!.x;
  const names = row.doNotVisit ? [] : (row.electorLines ?? []);
  const height = rowHeight(names.length);
  if (row.doNotVisit) {
    doc
      .rect(left, y, rightOf(columns) - left, ROW_HEIGHT)
      .fillColor(SHADE)
      .fill();
  }
  for (const column of columns) {
    const inner = column.width - 2 * CELL_PADDING;
    const x = column.x + CELL_PADDING;
    if (column.kind === 'order') {
      doc.font(REGULAR).fontSize(7.5).fillColor(MUTED);
      writeLine(doc, String(row.order), x, y + 7, inner, 'right');
    } else if (column.kind === 'number') {
      doc
        .font(BOLD)
        .fontSize(10)
        .fillColor(row.doNotVisit ? MUTED : INK);
      writeLine(doc, row.number, x, y + 5.5, inner);
      if (row.doNotVisit) {
        const struck = doc.widthOfString(fitText(doc, row.number, inner));
        doc
          .moveTo(x - 1, y + 9.5)
          .lineTo(x + struck + 1, y + 9.5)
          .lineWidth(1)
          .strokeColor(INK)
          .stroke();
      }
    } else if (column.kind === 'building') {
      doc.font(REGULAR).fontSize(7).fillColor(MUTED);
      writeLine(doc, row.building, x, y + 7, inner);
    }
  }
  const firstAnswer = columns.find(isAnswer);
  if (row.doNotVisit && firstAnswer) {
    doc.font(ITALIC).fontSize(9).fillColor(INK);
    const x = firstAnswer.x + CELL_PADDING;
    writeLine(doc, DO_NOT_VISIT_LABEL, x, y + 6, rightOf(columns) - x - CELL_PADDING);
  }
  const outcomes = columns.filter((column) => column.kind === 'outcome');
  if (!row.doNotVisit && outcomes.length > 0) {
    // One path for the row's boxes, after its text: a PDF path may not enclose text.
    for (const column of outcomes) {
      doc.rect(column.x + (column.width - BOX) / 2, y + (ROW_HEIGHT - BOX) / 2, BOX, BOX);
    }
    doc.lineWidth(0.8).strokeColor(INK).stroke();
  }
  if (names.length > 0) {
    const { x, width } = electorSpan(columns);
    doc.font(REGULAR).fontSize(ELECTOR_SIZE).fillColor(INK);
    names.forEach((line, i) => writeLine(doc, line, x, y + ELECTORS_TOP + i * ELECTOR_LINE, width));
  }
  strokeGrid(doc, columns, y, height, {
    merged: row.doNotVisit,
    cellsHeight: names.length > 0 ? ELECTORS_TOP - 1 : height,
  });
  return height;
}
