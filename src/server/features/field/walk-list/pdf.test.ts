import { describe, expect, it } from 'vitest';
import { pdfTextLines as textLines } from '../../../testing/pdf-text.ts';
import { OUTCOMES, longWalkList, sampleWalkList as sample } from './fixtures.ts';
import { PRIVACY_LINE } from './header.ts';
import { walkListPdf, type WalkListInput } from './pdf.ts';
import { MAX_ELECTOR_LINES, ROW_HEIGHT } from './table.ts';

const plain = (input: WalkListInput) => walkListPdf(input, { compress: false });
const pagesOf = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\n/g)?.length ?? 0;
/** The outcome boxes: pdfkit writes each 9 pt square as `x y 9 9 re`. */
const boxesOf = (pdf: Buffer) => pdf.toString('latin1').match(/ 9 9 re\n/g)?.length ?? 0;
/** All the text in reading order; a heading wrapped in its column keeps its space. */
const allText = async (input: WalkListInput) => textLines(await plain(input)).join('');

describe('the walk list PDF', () => {
  it('is A4 PDF in the standard fonts, the same bytes for the same input', async () => {
    const [a, b] = await Promise.all([walkListPdf(sample), walkListPdf(sample)]);
    const text = a.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(text).toContain('/BaseFont /Helvetica-Bold\n');
    expect(text).not.toMatch(/\/FontFile/);
    expect(a.equals(b)).toBe(true);
    const later = await walkListPdf({ ...sample, printedAt: new Date('2026-03-06T17:06:00Z') });
    expect(later.equals(a)).toBe(false);
  });

  it('heads the list with the turf, campaign, committee, dates, count and privacy line', async () => {
    const lines = textLines(await plain(sample));
    expect(lines).toEqual(
      expect.arrayContaining([
        'Guillotière – secteur 3',
        'Lyon en commun',
        'Comité Guillotière',
        'Lyon 7e – bureau 0712',
        'Du 07/03/2026 au 08/03/2026',
        '7 adresses, dont 1 à ne pas visiter',
        // 17:05 UTC is 18:05 in Paris in March.
        '06/03/2026 à 18:05',
        PRIVACY_LINE,
        'page 1/1',
      ]),
    );
    expect(PRIVACY_LINE).toBe(
      'Document de campagne – ne pas laisser chez un habitant ; à détruire après la campagne',
    );
  });

  it("writes the printing time on the campaign's clock", async () => {
    const lines = textLines(await plain({ ...sample, timeZone: 'Pacific/Noumea', dates: null }));
    expect(lines).toContain('07/03/2026 à 04:05');
    expect(lines).not.toContain('Dates');
  });

  it('lists every street with its commune and side, and every address by its number', async () => {
    const lines = textLines(await plain(sample));
    expect(lines).toEqual(
      expect.arrayContaining([
        'Rue de Marseille – Lyon · côté impair',
        'Grande Rue de la Guillotière – Lyon',
        '4 adresses',
        '3 adresses',
        '6 ét. · 24 portes',
        '4 ét.',
      ]),
    );
    for (const stop of sample.stops) {
      for (const address of stop.addresses.filter((a) => a.label !== '')) {
        expect(lines).toContain(address.label);
      }
    }
    // The address with no number.
    expect(lines).toContain('s/n');
    // Walk order 1 to 7 beside the rows (and on the map).
    for (let order = 1; order <= 7; order++) expect(lines).toContain(String(order));
  });

  it('writes the electors of the electoral list under their address, in small type', async () => {
    const [rue, grande] = sample.stops;
    const building = Array.from({ length: 120 }, (_, i) => `Prénom${i + 1} NOM${i + 1}`);
    const input: WalkListInput = {
      ...sample,
      stops: [
        {
          ...rue!,
          addresses: rue!.addresses.map((a) =>
            a.id === 1
              ? { ...a, electors: ['Marie Anne DURAND', 'Paul MARTIN'] }
              : a.doNotVisit
                ? { ...a, electors: ['Jean LEROY'] }
                : a,
          ),
        },
        {
          ...grande!,
          addresses: grande!.addresses.map((a) =>
            a.id === 6 ? { ...a, electors: ['Zoé\u0000 PETIT\u202e', ...building] } : a,
          ),
        },
      ],
    };
    const pdf = await plain(input);
    const lines = textLines(pdf);
    expect(lines).toContain('Marie Anne DURAND · Paul MARTIN');
    // No one knocks at an address not to visit: its electors are left out.
    expect(lines.join('\n')).not.toContain('LEROY');
    // A large building: a few lines of names, then how many are left out.
    const named = lines.filter((line) => /NOM\d+|PETIT/.test(line));
    expect(named.length).toBe(MAX_ELECTOR_LINES);
    expect(named[0]!.startsWith('Zoé PETIT · Prénom1 NOM1 · ')).toBe(true);
    const shown = named.join(' · ').match(/NOM\d+/g)!.length;
    expect(named.at(-1)).toMatch(new RegExp(` · et ${120 - shown} autres$`));
    // The same rows and boxes as without names.
    expect(boxesOf(pdf)).toBe(36);
    expect(pagesOf(pdf)).toBe(1);
  });

  it('heads the table with every outcome, the questions and the notes', async () => {
    const text = await allText(sample);
    for (const { label } of OUTCOMES) expect(text).toContain(label);
    expect(text).toContain('Vacant / déménagé');
    expect(text).toContain('Soutien 1–5');
    expect(text).toContain('Notes');
  });

  it('gives an address not to visit the marker and no box', async () => {
    const pdf = await plain(sample);
    expect(textLines(pdf).filter((line) => line === 'Ne pas visiter')).toHaveLength(1);
    // 6 addresses to visit, 6 outcomes each.
    expect(boxesOf(pdf)).toBe(36);
    const none = await plain({
      ...sample,
      stops: sample.stops.map((s) => ({
        ...s,
        addresses: s.addresses.map((a) => ({ ...a, doNotVisit: true })),
      })),
    });
    expect(boxesOf(none)).toBe(0);
    expect(textLines(none).filter((line) => line === 'Ne pas visiter')).toHaveLength(7);
  });

  it('keeps French accents and writes other letters in ones the fonts have', async () => {
    const lines = textLines(
      await plain({
        ...sample,
        campaignName: 'Ensemble pour Bègles',
        stops: [
          {
            street: 'Allée des Œillets',
            communeName: 'Saint-Étienne',
            side: 'even',
            addresses: [{ ...sample.stops[0]!.addresses[0]!, label: '2 ter' }],
          },
          {
            street: 'Ulica Łódzka',
            communeName: 'Nouméa',
            addresses: [sample.stops[0]!.addresses[1]!],
          },
        ],
      }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        'Ensemble pour Bègles',
        'Allée des Œillets – Saint-Étienne · côté pair',
        'Ulica Lódzka – Nouméa',
        'Guillotière – secteur 3',
        'Imprimé le',
      ]),
    );
  });

  it('writes control and direction characters of the input as nothing', async () => {
    // pdfTextLines throws on a control code in the text; none is left to find.
    const lines = textLines(
      await plain({
        ...sample,
        turfName: 'Secteur\u0000 nord\u202e\u0007',
        stops: [
          {
            street: 'Rue\tdu\r\nPort\u001b[31m',
            communeName: 'Lyon\u200f',
            addresses: [{ ...sample.stops[0]!.addresses[0]!, label: '9\u0000\u0008' }],
          },
        ],
      }),
    );
    expect(lines).toEqual(expect.arrayContaining(['Secteur nord', 'Rue du Port[31m – Lyon', '9']));
  });

  it('says so on one page when the turf has no address', async () => {
    const pdf = await plain({ ...sample, stops: [] });
    expect(pagesOf(pdf)).toBe(1);
    const lines = textLines(pdf);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Guillotière – secteur 3',
        '0 adresse',
        'Ce secteur ne compte aucune adresse : il n’y a rien à visiter.',
        PRIVACY_LINE,
        'page 1/1',
      ]),
    );
    expect(lines).not.toContain('Notes');
    const emptyStreets = await plain({
      ...sample,
      stops: [{ ...sample.stops[0]!, addresses: [] }],
    });
    expect(textLines(emptyStreets)).toContain('0 adresse');
  });

  it('draws no map, and says why, when no address has coordinates', async () => {
    const lines = textLines(
      await plain({
        ...sample,
        stops: [
          {
            ...sample.stops[0]!,
            addresses: sample.stops[0]!.addresses.map((a) => ({ ...a, lon: NaN, lat: 999 })),
          },
        ],
      }),
    );
    expect(lines).toContain("Pas de carte : aucune adresse de ce secteur n'a de coordonnées.");
    expect(lines).toContain('3 bis');
    expect(lines).not.toContain('N');
  });

  it('draws the map with a scale bar and a north arrow, with or without street lines', async () => {
    const streets: WalkListInput['streets'] = [
      [
        [4.8415, 45.756],
        [4.843, 45.7535],
      ],
      [
        [NaN, 45],
        [4.8441, 45.7538],
        [4.846, 45.7531],
      ],
    ];
    for (const input of [sample, { ...sample, streets }]) {
      const lines = textLines(await plain(input));
      expect(lines).toContain('N');
      expect(lines.some((line) => /^\d+ k?m$/.test(line))).toBe(true);
      expect(lines.join(' ')).toContain('Points numérotés dans l’ordre de passage');
    }
  });

  it('spreads 2,000 addresses over numbered pages, the table heading on each', async () => {
    const input = longWalkList(2000);
    const pdf = await plain(input);
    const pages = pagesOf(pdf);
    // At most a page's height of rows on each page, and not much less.
    const rowsPerPage = Math.floor((841.89 - 36 - 44) / ROW_HEIGHT);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(2000 / rowsPerPage));
    expect(pages).toBeLessThanOrEqual(Math.ceil(2000 / (rowsPerPage - 6)) + 1);
    const lines = textLines(pdf);
    for (let page = 1; page <= pages; page++) expect(lines).toContain(`page ${page}/${pages}`);
    expect(lines.filter((line) => line === 'Conversation')).toHaveLength(pages);
    expect(lines.filter((line) => line.endsWith('(suite)')).length).toBeGreaterThan(0);
    for (const stop of input.stops) expect(lines.join('\n')).toContain(stop.street);
    expect(lines).toContain('2000');
    expect(lines).toContain('2\u00a0000 adresses, dont 21 à ne pas visiter');
    // Compressed, as served: a few hundred kilobytes.
    expect((await walkListPdf(input)).length).toBeLessThan(1_500_000);
  });
});
