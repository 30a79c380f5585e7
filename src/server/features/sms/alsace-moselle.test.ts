import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmsCampaign } from '../../../contracts/sms.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import {
  alsaceMoselleHolidays,
  inAlsaceMoselle,
  isAlsaceMoselleHoliday,
  isPublicHoliday,
} from '../compliance/holidays.ts';
import { smsSender } from './channel.ts';
import type { OutgoingSms, SmsProvider } from './port.ts';
import { alsaceMoselleHold } from './validity.ts';

describe("Alsace-Moselle's own public holidays", () => {
  it('are Good Friday and 26 December, in Moselle, Bas-Rhin and Haut-Rhin only', () => {
    // Easter Sunday: 5 April 2026, 28 March 2027, 16 April 2028.
    expect([...alsaceMoselleHolidays(2026)]).toEqual(['2026-04-03', '2026-12-26']);
    expect([...alsaceMoselleHolidays(2027)]).toEqual(['2027-03-26', '2027-12-26']);
    expect([...alsaceMoselleHolidays(2028)]).toEqual(['2028-04-14', '2028-12-26']);
    expect(isAlsaceMoselleHoliday('2026-12-25')).toBe(false);
    // Not national holidays: the rest of France works those days.
    expect(isPublicHoliday('2027-03-26', 'metropole')).toBe(false);
    expect(isPublicHoliday('2026-12-26', 'metropole')).toBe(false);

    for (const departementCode of ['57', '67', '68']) {
      expect(inAlsaceMoselle({ departementCode })).toBe(true);
    }
    expect(inAlsaceMoselle({ communeCode: '67482' })).toBe(true); // Strasbourg
    expect(inAlsaceMoselle({ communeCode: '57463' })).toBe(true); // Metz
    for (const place of [
      { departementCode: '54' }, // Meurthe-et-Moselle: not Moselle
      { departementCode: '69' },
      { departementCode: '976' },
      { communeCode: '90010' }, // Territoire de Belfort, once part of Haut-Rhin
      {},
    ]) {
      expect(inAlsaceMoselle(place), JSON.stringify(place)).toBe(false);
    }
  });

  it('hold a campaign text to people there until the hours open after the day', () => {
    const strasbourg = { departementCode: '67', communeCode: '67482' };
    const at = (moment: string) => new Date(moment);
    // Good Friday 2027, 10:00 in Paris: to Saturday 08:00.
    expect(alsaceMoselleHold(strasbourg, 'metropole', at('2027-03-26T10:00:00+01:00'))).toEqual(
      at('2027-03-27T08:00:00+01:00'),
    );
    // Saturday 26 December 2026: Sunday is closed too, to Monday 08:00.
    expect(alsaceMoselleHold(strasbourg, 'metropole', at('2026-12-26T15:00:00+01:00'))).toEqual(
      at('2026-12-28T08:00:00+01:00'),
    );
    // Saturday 26 December 2026 counts on the Paris clock: at 23:30 UTC on the 25th it is
    // already the 26th in Strasbourg.
    expect(alsaceMoselleHold(strasbourg, 'metropole', at('2026-12-25T23:30:00Z'))).toEqual(
      at('2026-12-28T08:00:00+01:00'),
    );
    // The day before, the day after, elsewhere, or a place not known: no hold.
    expect(alsaceMoselleHold(strasbourg, 'metropole', at('2027-03-25T10:00:00+01:00'))).toBeNull();
    expect(alsaceMoselleHold(strasbourg, 'metropole', at('2027-03-27T10:00:00+01:00'))).toBeNull();
    expect(
      alsaceMoselleHold({ departementCode: '69' }, 'metropole', at('2027-03-26T10:00:00+01:00')),
    ).toBeNull();
    expect(alsaceMoselleHold({}, null, at('2027-03-26T10:00:00+01:00'))).toBeNull();
  });
});

describe.each(engines)('campaign texts on Alsace-Moselle holidays (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  const people: Record<string, { id: number; phone: string }> = {};

  const outbox = (smsCampaignId: number) =>
    t.ctx.database.query<{
      person_id: number;
      status: string;
      last_error: string | null;
      next_attempt_at: Date;
    }>(
      `SELECT person_id, status, last_error, next_attempt_at FROM sms_outbox
        WHERE campaign_id = $1 AND sms_campaign_id = $2 AND kind = 'campaign' ORDER BY person_id`,
      [t.ctx.campaignId, smsCampaignId],
    );

  beforeAll(async () => {
    t = await createTestApp(engine, { SMS_CLOCK: '2026-12-08T10:00:00+01:00' });
    // Texts are sent only when a test drains them, each with the clock it chooses.
    await smsSender(t.ctx).stop();
    staff = await staffBrowser(t, 'alsace@staff.example', ['staff']);
    for (const [firstName, phone, postalCode] of [
      ['Odile', '06 12 00 00 01', '67000'], // Strasbourg, Bas-Rhin
      ['Gaspard', '06 12 00 00 02', '57000'], // Metz, Moselle
      ['Hélène', '06 12 00 00 03', '68100'], // Mulhouse, Haut-Rhin
      ['Nadia', '06 12 00 00 04', '54000'], // Nancy, Meurthe-et-Moselle
      ['Yves', '06 12 00 00 05', '69001'], // Lyon
    ] as const) {
      const id = await signupAndConfirm(t, {
        email: `${firstName.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')}@alsace.example`,
        firstName,
        lastName: 'Concordat',
        phone,
        postalCode,
        consents: { email: false, sms: true, phone: false },
      });
      people[firstName] = { id, phone: `+33${phone.replace(/\s/g, '').slice(1)}` };
    }
  }, 120_000);
  afterAll(() => t?.close());

  async function sendToAll(name: string) {
    const segment = await staff.post('/api/segments', {
      name: `Concordat ${name}`,
      filter: { q: 'Concordat' },
    });
    const created = await staff.post('/api/sms', {
      name,
      sender: 'Levier2027',
      body: 'Réunion publique samedi !',
      segmentId: (segment.json() as { id: number }).id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const text = created.json() as SmsCampaign;
    const scheduled = await staff.post(`/api/sms/${text.id}/schedule`, { at: null });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    return text.id;
  }

  it('holds texts to Moselle, Bas-Rhin and Haut-Rhin on Good Friday and 26 December, and sends the others', async () => {
    const sent: OutgoingSms[] = [];
    const provider: SmsProvider = {
      name: 'memory',
      async send(sms) {
        sent.push(sms);
        return { providerId: `SM${sent.length}` };
      },
    };
    const drain = (moment: string) =>
      smsSender(t.ctx, { provider, clock: () => new Date(moment) }).drain();
    const alsatians = ['Odile', 'Gaspard', 'Hélène'].map((name) => people[name]!);

    for (const [day, reopens] of [
      // Good Friday 2027: held until Saturday 08:00.
      ['2027-03-26T10:00:00+01:00', '2027-03-27T08:00:00+01:00'],
      // Saturday 26 December 2026: held until Monday 08:00 (Sunday is closed everywhere).
      ['2026-12-26T10:00:00+01:00', '2026-12-28T08:00:00+01:00'],
    ] as const) {
      sent.length = 0;
      const id = await sendToAll(`Jour ${day}`);
      await drain(day);
      const rows = await outbox(id);
      const of = (person: { id: number }) =>
        rows.find((row) => Number(row.person_id) === person.id)!;
      for (const person of alsatians) {
        expect(of(person)).toMatchObject({ status: 'pending', last_error: 'held: quiet_hours' });
        expect(new Date(of(person).next_attempt_at)).toEqual(new Date(reopens));
      }
      // Nancy and Lyon work that day: their texts go.
      expect(sent.map((sms) => sms.to).sort()).toEqual(
        [people.Nadia!.phone, people.Yves!.phone].sort(),
      );

      // When the hours open again, the held texts go.
      await t.ctx.database.query(
        `UPDATE sms_outbox SET next_attempt_at = now() WHERE campaign_id = $1 AND sms_campaign_id = $2`,
        [t.ctx.campaignId, id],
      );
      await drain(reopens);
      expect(sent.map((sms) => sms.to).sort()).toEqual(
        [...alsatians, people.Nadia!, people.Yves!].map((person) => person.phone).sort(),
      );
    }
  });
});
