import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldForSearch, SEARCH_PUNCTUATION } from '../../../contracts/fold.ts';
import {
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  type Browser,
  type TestApp,
} from '../../testing/harness.ts';
import { buildSearchText, foldText } from './normalize.ts';

const migration = readFileSync(
  new URL('../../../../migrations/0018_search_text_without_punctuation.sql', import.meta.url),
  'utf8',
);

describe('search folding', () => {
  it('drops apostrophes, hyphens and other punctuation like accents', () => {
    expect(foldForSearch("O'Brien")).toBe('obrien');
    expect(foldForSearch('O’Brien')).toBe('obrien');
    expect(foldForSearch("Côte-d'Or")).toBe('cotedor');
    expect(foldForSearch('La Réunion')).toBe('la reunion');
    expect(foldForSearch(' Jean - Pierre ')).toBe('jean pierre');
    expect(buildSearchText({ firstName: 'Seán', lastName: "O'Brien", email: 'sean.ob@x.ie' })).toBe(
      'sean obrien seanobxie',
    );
  });
});

describe.each(engines)('people search without punctuation on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let obrien: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'staff@folding.example', ['staff']);
    obrien = await signupAndConfirm(t, {
      email: 'sean@folding.example',
      firstName: 'Seán',
      lastName: "O'Brien",
      postalCode: '42000',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const found = async (q: string) => {
    const response = await staff.get(`/api/people?q=${encodeURIComponent(q)}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: Array<{ id: number }> }).items.map((i) => i.id);
  };

  it("finds O'Brien however the name is typed, and a hyphenated town without its hyphens", async () => {
    for (const q of ['obrien', "o'brien", 'O’BRIEN', 'sean obrien', 'o brien'])
      expect(await found(q), q).toEqual([obrien]);
    for (const q of ['saint etienne', 'saint-étienne', 'saintetienne'])
      expect(await found(q), q).toContain(obrien);
    expect(await found('obrian')).toEqual([]);
  });

  it('recomputes the search text stored before the upgrade (migration 0018)', async () => {
    const person = {
      firstName: `A${SEARCH_PUNCTUATION}B`,
      lastName: "D'Artagnan-Lupin",
      email: 'd.artagnan+test@folding.example',
      phone: '+33612345678',
      communeName: "L'Haÿ-les-Roses",
      postalCode: '94240',
    };
    // What the search text of this person was before: folded, punctuation kept.
    const phone = `${person.phone.replace(/\D/g, '')} 0${person.phone.replace(/\D/g, '').slice(2)}`;
    const before = foldText(
      [
        person.firstName,
        person.lastName,
        person.email,
        phone,
        person.communeName,
        person.postalCode,
      ].join(' '),
    );
    await t.ctx.database.query(
      'UPDATE people SET search_text = $3 WHERE campaign_id = $1 AND id = $2',
      [t.ctx.campaignId, obrien, before],
    );
    expect(await found('dartagnan')).toEqual([]);
    await t.ctx.database.exec(migration);
    const [row] = await t.ctx.database.query<{ search_text: string }>(
      'SELECT search_text FROM people WHERE campaign_id = $1 AND id = $2',
      [t.ctx.campaignId, obrien],
    );
    expect(row.search_text).toBe(buildSearchText(person));
    expect(await found('dartagnan lupin')).toEqual([obrien]);
    expect(await found('lhay les roses')).toEqual([obrien]);
  });
});
