/** The walk list's fonts, colours and one-line text: pdfkit's standard fonts, as the receipts. */
import type PDFDocument from 'pdfkit';

export type Pdf = InstanceType<typeof PDFDocument>;

export const REGULAR = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const ITALIC = 'Helvetica-Oblique';
export const INK = '#1a1a1a';
export const MUTED = '#5c5c5c';
export const LINE = '#b3b3b3';
export const SHADE = '#ececec';

const ELLIPSIS = '…';

/** `text` cut to `width` in the current font, ending in "…" when cut. */
export function fitText(doc: Pdf, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let [low, high] = [0, text.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(text.slice(0, mid).trimEnd() + ELLIPSIS) <= width) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? '' : text.slice(0, low).trimEnd() + ELLIPSIS;
}

/**
 * One line of text with its top at `y`, cut to `width`, aligned within it. No wrapping: pdfkit
 * then writes it as it is, never adding a page, which also lets the footer sit in the margin.
 */
export function writeLine(
  doc: Pdf,
  text: string,
  x: number,
  y: number,
  width: number,
  align: 'left' | 'center' | 'right' = 'left',
) {
  const fitted = fitText(doc, text, width);
  if (fitted === '') return;
  const spare = width - doc.widthOfString(fitted);
  const shift = align === 'left' ? 0 : align === 'center' ? spare / 2 : spare;
  doc.text(fitted, x + shift, y, { lineBreak: false });
}
