/**
 * The sheets staff copy onto the commission's numbered forms: for each form, what goes on the
 * stub and the receipt alike, a form never split across two pages. A4, pdfkit's standard
 * fonts, the same drawing as the donor's acknowledgement.
 */
import type { AcknowledgementBlock } from '../acknowledgement/document.ts';
import { drawBlock, newDocument, toBuffer, type PdfOptions } from '../acknowledgement/pdf.ts';
import type { FormContent } from './form-content.ts';

export interface SheetsHeading {
  beneficiary: string;
  /** The day the sheets were printed, as written (DD/MM/YYYY). */
  printedOn: string;
}

/** Points one written line takes, for keeping a form on one page. */
const LINE_HEIGHT = 14;
const FIELD_SPACING = 7;

function formBlocks(form: FormContent): AcknowledgementBlock[] {
  const kind = form.kind === 'dues' ? 'cotisation' : 'don';
  return [
    { kind: 'title', text: `Formule n° ${form.number} (${kind})` },
    ...form.lines
      .filter((line) => line.key !== 'number')
      .map((line): AcknowledgementBlock => ({
        kind: 'field',
        label: line.label,
        // The signature line is left for the donor: a space keeps its place on the sheet.
        lines: line.value.length > 0 ? line.value : [' '],
        strong: line.key === 'amount',
      })),
    { kind: 'rule' },
  ];
}

function heightOf(blocks: AcknowledgementBlock[]) {
  return blocks.reduce(
    (sum, block) =>
      sum + (block.kind === 'field' ? block.lines.length * LINE_HEIGHT + FIELD_SPACING : 30),
    0,
  );
}

/** The sheets for `forms`, in their order, as PDF bytes. */
export async function renderFormSheetsPdf(
  forms: FormContent[],
  heading: SheetsHeading,
  options: PdfOptions = {},
): Promise<Buffer> {
  const doc = newDocument(
    { Title: `Reçus à reporter sur les formules — ${heading.beneficiary}`, Creator: 'Levier' },
    'fr',
    options,
  );
  doc.y = doc.page.margins.top;
  const intro: AcknowledgementBlock[] = [
    { kind: 'title', text: 'Reçus à reporter sur les formules de la Commission' },
    {
      kind: 'paragraph',
      text: `${heading.beneficiary} — imprimé le ${heading.printedOn}. Recopiez chaque bloc sur la souche et sur le reçu de la formule qui porte le même numéro, faites signer le reçu par le donateur s'il ne l'est pas, envoyez-lui le reçu et gardez la souche pour la Commission.`,
    },
    { kind: 'rule' },
  ];
  for (const block of intro) drawBlock(doc, block);
  if (forms.length === 0) {
    drawBlock(doc, { kind: 'paragraph', text: 'Aucune formule à remplir.' });
  }
  const bottom = doc.page.height - doc.page.margins.bottom;
  for (const form of forms) {
    const blocks = formBlocks(form);
    if (doc.y + heightOf(blocks) > bottom) {
      doc.addPage();
      doc.y = doc.page.margins.top;
    }
    for (const block of blocks) drawBlock(doc, block);
  }
  return toBuffer(doc);
}
