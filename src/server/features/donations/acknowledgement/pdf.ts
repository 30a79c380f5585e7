/**
 * The acknowledgement as a one-page A4 PDF, drawn with pdfkit's standard fonts (Helvetica,
 * no font file), from the blocks of document.ts. The same input gives the same bytes: the
 * PDF's dates and file identifier come from the gift, never from the clock.
 */
import PDFDocument from 'pdfkit';
import type { Locale } from '../../../../contracts/common.ts';
import {
  acknowledgementDocument,
  type AcknowledgementBlock,
  type AcknowledgementDocument,
  type AcknowledgementInput,
} from './document.ts';
import { toWinAnsi } from './win-ansi.ts';

export type { AcknowledgementInput } from './document.ts';

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#1a1a1a';
const MUTED = '#5c5c5c';
const LINE = '#b3b3b3';
const MARGIN = 64;
const LABEL_WIDTH = 150;
const GUTTER = 12;

export interface PdfOptions {
  /** Deflate the page's content stream (default); tests read it uncompressed. */
  compress?: boolean;
}

type Pdf = InstanceType<typeof PDFDocument>;

export function toBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Noon UTC: every viewer's time zone, from UTC-11 to UTC+11, shows the gift's own day. */
const dayAsDate = (day: string) => new Date(`${day}T12:00:00Z`);

export function drawBlock(doc: Pdf, block: AcknowledgementBlock) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.y;
  switch (block.kind) {
    case 'header': {
      doc.font(REGULAR).fontSize(9).fillColor(MUTED);
      doc.text(toWinAnsi(block.reference), left, top + 5, { width, align: 'right' });
      const referenceBottom = doc.y;
      doc.font(BOLD).fontSize(15).fillColor(INK);
      doc.text(toWinAnsi(block.campaignName), left, top, { width: width * 0.7 });
      doc.y = Math.max(doc.y, referenceBottom) + 8;
      return;
    }
    case 'rule':
      doc
        .moveTo(left, top)
        .lineTo(left + width, top)
        .lineWidth(0.75)
        .strokeColor(LINE)
        .stroke();
      doc.y = top + 16;
      return;
    case 'title':
      doc.font(BOLD).fontSize(17).fillColor(INK).text(toWinAnsi(block.text), left, top, { width });
      doc.y += 10;
      return;
    case 'paragraph':
      doc.font(REGULAR).fontSize(10.5).fillColor(INK);
      doc.text(toWinAnsi(block.text), left, top, { width, lineGap: 2 });
      doc.y += 12;
      return;
    case 'field': {
      doc.font(REGULAR).fontSize(9).fillColor(MUTED);
      doc.text(toWinAnsi(block.label), left, top + (block.strong ? 2.5 : 1), {
        width: LABEL_WIDTH,
      });
      const labelBottom = doc.y;
      doc
        .font(block.strong ? BOLD : REGULAR)
        .fontSize(block.strong ? 13 : 10.5)
        .fillColor(INK);
      doc.text(block.lines.map(toWinAnsi).join('\n'), left + LABEL_WIDTH + GUTTER, top, {
        width: width - LABEL_WIDTH - GUTTER,
        lineGap: 1,
      });
      doc.y = Math.max(doc.y, labelBottom) + 7;
      return;
    }
    case 'notice': {
      const inset = 12;
      doc.font(REGULAR).fontSize(9.5).fillColor(INK);
      doc.text(toWinAnsi(block.text), left + inset, top, { width: width - inset, lineGap: 2 });
      const bottom = doc.y;
      // A bar along the notice's left edge sets it apart; drawn once its height is known.
      doc
        .rect(left, top - 2, 3, bottom - top + 2)
        .fillColor(LINE)
        .fill();
      doc.y = bottom + 8;
      return;
    }
  }
}

export function newDocument(
  info: PDFKit.DocumentInfo | undefined,
  locale: Locale | undefined,
  options: PdfOptions,
) {
  return new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    font: REGULAR,
    info,
    lang: locale === 'en' ? 'en-GB' : locale === 'fr' ? 'fr-FR' : undefined,
  });
}

/** The donor's acknowledgement of one gift, as PDF bytes. */
export async function renderAcknowledgementPdf(
  input: AcknowledgementInput,
  locale: Locale,
  options: PdfOptions = {},
): Promise<Buffer> {
  const content = acknowledgementDocument(input, locale);
  const doc = newDocument(
    {
      Title: content.title,
      Author: content.author,
      Creator: 'Levier',
      CreationDate: dayAsDate(input.givenOn),
    },
    locale,
    options,
  );
  doc.y = doc.page.margins.top;
  for (const block of content.blocks) drawBlock(doc, block);
  return toBuffer(doc);
}

export interface BareLine {
  text: string;
  bold: boolean;
}

/** The acknowledgement's text, line by line with its weight, for the bare reference. */
export function bareReferenceLines(content: AcknowledgementDocument): BareLine[] {
  const line = (text: string, bold = false) => ({ text: toWinAnsi(text), bold });
  return content.blocks.flatMap((block): BareLine[] => {
    switch (block.kind) {
      case 'header':
        return [line(block.campaignName, true), line(block.reference)];
      case 'rule':
        return [];
      case 'title':
        return [line(block.text, true)];
      case 'field':
        return [line(block.label), ...block.lines.map((l) => line(l, block.strong))];
      default:
        return [line(block.text)];
    }
  });
}

/**
 * The least pdfkit can do with the same fonts and text: each line written after the last,
 * no positions, sizes, colours, rules or metadata. The benchmark's reference.
 */
export function renderBareReferencePdf(
  lines: BareLine[],
  options: PdfOptions = {},
): Promise<Buffer> {
  const doc = newDocument(undefined, undefined, options);
  for (const { text, bold } of lines) doc.font(bold ? BOLD : REGULAR).text(text);
  return toBuffer(doc);
}
