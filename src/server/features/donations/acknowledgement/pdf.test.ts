import { describe, expect, it } from 'vitest';
import { acknowledgementDocument, type AcknowledgementInput } from './document.ts';
import { sampleAcknowledgement as sample } from './fixtures.ts';
import { pdfTextLines as textLines } from '../../../testing/pdf-text.ts';
import { bareReferenceLines, renderAcknowledgementPdf, renderBareReferencePdf } from './pdf.ts';

const nb = '\u00a0';

/** A PDF text string as pdfkit writes a non-ASCII one: UTF-16BE with its mark, escaped. */
function pdfTextString(text: string): string {
  let bytes = '\xfe\xff';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += String.fromCharCode(code >> 8, code & 0xff);
  }
  const escapes: Record<string, string> = {
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\b': '\\b',
    '\f': '\\f',
    '(': '\\(',
    ')': '\\)',
    '\\': '\\\\',
  };
  return `(${bytes.replace(/[\n\r\t\b\f()\\]/g, (c) => escapes[c]!)})`;
}

const pagesOf = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\n/g)?.length ?? 0;
const plain = (input: AcknowledgementInput, locale: 'fr' | 'en' = 'fr') =>
  renderAcknowledgementPdf(input, locale, { compress: false });

describe('the acknowledgement PDF', () => {
  it('is one A4 page of PDF', async () => {
    const pdf = await renderAcknowledgementPdf(sample, 'fr');
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    expect(pagesOf(pdf)).toBe(1);
    expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(text).toContain('/Count 1');
  });

  it('gives the same bytes for the same gift, and other bytes for another', async () => {
    const [a, b] = await Promise.all([
      renderAcknowledgementPdf(sample, 'fr'),
      renderAcknowledgementPdf(sample, 'fr'),
    ]);
    expect(a.equals(b)).toBe(true);
    const english = await renderAcknowledgementPdf(sample, 'en');
    expect(english.equals(await renderAcknowledgementPdf(sample, 'en'))).toBe(true);
    expect(english.equals(a)).toBe(false);
    const other = await renderAcknowledgementPdf({ ...sample, amountCents: 460_001 }, 'fr');
    expect(other.equals(a)).toBe(false);
  });

  it('uses the standard Helvetica fonts, with no font file', async () => {
    const text = (await renderAcknowledgementPdf(sample, 'fr')).toString('latin1');
    expect(text).toContain('/BaseFont /Helvetica\n');
    expect(text).toContain('/BaseFont /Helvetica-Bold\n');
    expect(text).toContain('/Encoding /WinAnsiEncoding');
    expect(text).not.toMatch(/\/FontFile/);
  });

  it('has a title, the beneficiary as author and the gift day as creation date', async () => {
    const text = (await renderAcknowledgementPdf(sample, 'fr')).toString('latin1');
    const content = acknowledgementDocument(sample, 'fr');
    expect(text).toContain(pdfTextString(content.title));
    expect(text).toContain(pdfTextString('Camille Lefèvre'));
    expect(text).toContain('(D:20261204120000Z)');
    expect(text).toContain('/Lang (fr-FR)');
  });

  it('writes every line of the acknowledgement, the amount in words among them', async () => {
    const lines = textLines(await plain(sample));
    expect(lines).toEqual(
      expect.arrayContaining([
        'Lyon en commun',
        `Don n°${nb}4217`,
        'Accusé de réception de votre don',
        'Mandataire financier',
        'Association de financement Lyon en commun',
        '12 rue de la République',
        '12 mars 2026',
        'Mme Hélène Dubois',
        'Bâtiment B',
        `4${nb}600,00${nb}€`,
        'quatre mille six cents euros',
        '4 décembre 2026',
        'carte bancaire',
      ]),
    );
    // A wrapped line keeps the space it broke at.
    const all = lines.join('');
    expect(all).toContain(`soit 3${nb}036,00${nb}€, dans la limite de 20${nb}%`);
    expect(all).toContain('des financements politiques (CNCCFP).');
  });

  it('writes the English acknowledgement', async () => {
    const pdf = await plain({ ...sample, amountCents: 5025, means: 'cheque' }, 'en');
    expect(textLines(pdf)).toEqual(
      expect.arrayContaining([
        'Acknowledgement of your gift',
        '€50.25',
        'fifty euros and twenty-five cents',
        'cheque',
        'Ms Hélène Dubois',
      ]),
    );
    expect(pdf.toString('latin1')).toContain('/Lang (en-GB)');
  });

  it('writes names beyond WinAnsi in letters the fonts have', async () => {
    const lines = textLines(
      await plain({
        ...sample,
        donor: { ...sample.donor, civility: 'M', firstName: 'Łukasz', lastName: 'Wałęsa' },
        agent: { ...sample.agent, name: 'Nguyễn Thị Lan' },
      }),
    );
    expect(lines).toContain('M. Lukasz Walesa');
    expect(lines).toContain('Nguyen Thi Lan');
  });

  it('stays on one page with a long address and a monthly gift', async () => {
    const pdf = await plain({
      ...sample,
      monthly: true,
      agent: {
        ...sample.agent,
        address: 'Bâtiment C\nEscalier 4\n12 rue de la République\n69002 Lyon',
      },
      donor: {
        ...sample.donor,
        addressLine2: 'Résidence des Tilleuls, appartement 1204, 12e étage',
        country: 'BE',
      },
    });
    expect(pagesOf(pdf)).toBe(1);
    expect(textLines(pdf)).toContain('Belgique');
  });
});

describe('the bare reference', () => {
  it('writes the same text, one line after another, on one page', async () => {
    const content = acknowledgementDocument(sample, 'fr');
    const pdf = await renderBareReferencePdf(bareReferenceLines(content), { compress: false });
    expect(pdf.toString('latin1').startsWith('%PDF-')).toBe(true);
    expect(pagesOf(pdf)).toBe(1);
    const lines = textLines(pdf);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Lyon en commun',
        'quatre mille six cents euros',
        `4${nb}600,00${nb}€`,
      ]),
    );
    expect(lines.join(' ')).toContain('(CNCCFP).');
  });

  it('lists each block once, with the amount in bold', () => {
    const lines = bareReferenceLines(acknowledgementDocument(sample, 'fr'));
    expect(lines.slice(0, 3)).toEqual([
      { text: 'Lyon en commun', bold: true },
      { text: `Don n°${nb}4217`, bold: false },
      { text: 'Accusé de réception de votre don', bold: true },
    ]);
    expect(lines).toContainEqual({ text: `4${nb}600,00${nb}€`, bold: true });
    expect(lines).toContainEqual({ text: 'quatre mille six cents euros', bold: false });
  });
});
