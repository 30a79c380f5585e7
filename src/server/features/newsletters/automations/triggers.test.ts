import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../../../contracts/committees.ts';
import type { Event } from '../../../../contracts/events.ts';
import type { Automation } from '../../../../contracts/newsletters-automations.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../../testing/harness.ts';
import { tellGiftPaid } from '../../conversions.ts';
import { chargeDuePlans } from '../../donations/plan-charges.ts';
import { donorPerson, insertActivePlan, planTestSettings } from '../../donations/plan-fixtures.ts';
import { giftForm, openCandidateDonations } from '../../donations/test-fixtures.ts';
import { rsvpListeners } from '../../events/rsvp.ts';

const DAY = 86_400_000;
const form = { 'content-type': 'application/x-www-form-urlencoded' };

/**
 * Every path that answers an event or makes a gift paid enrols, once, inside its own
 * transaction: a visitor's answer confirmed with their sign-up, a provider's payment, a plan's
 * monthly charge, a cheque recorded by the finance officer (not membership dues).
 */
describe.each(engines)('what enrols in automations (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let finance: Browser;
  let firstRsvp: Automation;
  let firstGift: Automation;
  let n = 0;

  const personOf = async (email: string) =>
    Number(
      (
        await t.ctx.database.query<{ id: number }>(
          sql`SELECT id FROM people WHERE campaign_id = ${t.ctx.campaignId}
                 AND email_normalized = ${email}`,
        )
      )[0]?.id ?? 0,
    );
  /** The person's enrolments in an automation, and its step mails queued for them. */
  const enrolled = async (personId: number, automation: Automation) => {
    const [row] = await t.ctx.database.query<{ enrolments: number; mails: number }>(
      sql`SELECT (SELECT count(*) FROM newsletter_enrolments
                   WHERE campaign_id = ${t.ctx.campaignId} AND person_id = ${personId}
                     AND automation_id = ${automation.id})::int AS enrolments,
                 (SELECT count(*) FROM mail_outbox
                   WHERE campaign_id = ${t.ctx.campaignId} AND person_id = ${personId}
                     AND kind = 'newsletter_step'
                     AND message_id = ${automation.steps[0]!.id})::int AS mails`,
    );
    return row!;
  };
  const cheque = (email: string, overrides: Record<string, unknown> = {}) =>
    finance.post('/api/donations/manual', {
      donor: {
        civility: 'M',
        firstName: 'Paul',
        lastName: 'Lefèvre',
        addressLine1: '3 rue Victor Hugo',
        postalCode: '33000',
        commune: 'Bordeaux',
        email,
      },
      amount: '50',
      means: 'cheque',
      givenOn: '2027-02-10',
      bank: 'Banque Populaire',
      chequeNumber: String(1_000_000 + ++n),
      naturalPerson: true,
      frenchOrResident: true,
      ...overrides,
    });

  beforeAll(async () => {
    t = await createTestApp(engine, { DONATION_RATE_LIMIT: '1000' });
    staff = await staffBrowser(t, 'triggers@staff.example', ['staff']);
    finance = await staffBrowser(t, 'mandataire@triggers.example', ['finance']);
    await openCandidateDonations(t, finance, planTestSettings);
    const create = async (trigger: string, subject: string) => {
      const created = await staff.post('/api/newsletter-automations', {
        name: subject,
        trigger,
        steps: [{ delayDays: 0, subject, body: 'Merci {prénom}.' }],
      });
      if (created.statusCode !== 201) throw new Error(created.body);
      return created.json() as Automation;
    };
    firstRsvp = await create('first_rsvp', 'Merci de votre réponse');
    firstGift = await create('first_gift', 'Merci pour votre premier don');
  }, 120_000);
  afterAll(() => t?.close());

  it('enrols a visitor whose answer, made with a sign-up, is confirmed later; once', async () => {
    const organiser = await supporterBrowser(t, 'orga@triggers.example');
    const committee = (
      await organiser.browser.post('/api/committees', {
        name: 'Comité des Brotteaux',
        place: { postalCode: '69006' },
      })
    ).json() as Committee;
    const event = async (title: string) => {
      const created = await organiser.browser.post(`/api/committees/${committee.id}/events`, {
        type: 'public_meeting',
        title,
        startsAt: new Date(Date.now() + 5 * DAY).toISOString(),
        endsAt: new Date(Date.now() + 5 * DAY + 7_200_000).toISOString(),
        place: { postalCode: '69006', street: '1 place Jules Ferry' },
      });
      if (created.statusCode !== 201) throw new Error(created.body);
      return (created.json() as Event).id;
    };
    const first = await event('Réunion des Brotteaux');
    const email = 'louise@triggers.example';
    const since = t.smtp.received.length;
    const answered = await new Browser(t.app, '10.81.0.1').request(
      'POST',
      `/events/${first}/rsvp/visitor`,
      new URLSearchParams({
        firstName: 'Louise',
        lastName: 'Martin',
        postalCode: '69006',
        guests: '0',
        email,
        'consents.email': 'on',
      }).toString(),
      form,
    );
    expect(answered.statusCode, answered.body).toBe(303);
    // Pending until the address is proved: nobody enrolled yet.
    const personId = await personOf(email);
    expect(await enrolled(personId, firstRsvp)).toEqual({ enrolments: 0, mails: 0 });

    const confirmation = await t.smtp.waitFor(
      email,
      (m) => m.text.includes('/confirm?token='),
      10_000,
      since,
    );
    const token = /confirm\?token=([\w.-]+)/.exec(confirmation.text)![1]!;
    const confirmed = await new Browser(t.app, '10.81.0.2').request(
      'POST',
      '/confirm',
      new URLSearchParams({ token, locale: 'fr' }).toString(),
      form,
    );
    expect(confirmed.statusCode).toBe(200);
    expect(await enrolled(personId, firstRsvp)).toEqual({ enrolments: 1, mails: 1 });
    const mail = await t.smtp.waitFor(
      email,
      (m) => m.subject === 'Merci de votre réponse',
      10_000,
      since,
    );
    expect(mail.text).toContain('Merci Louise.');

    // Her next answer, to another event as a member now, enrols her no second time.
    const member = new Browser(t.app, '10.81.0.3');
    await member.login(t, email);
    const again = await member.put(`/api/events/${await event('Deuxième réunion')}/rsvp`, {
      guests: 0,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(await enrolled(personId, firstRsvp)).toEqual({ enrolments: 1, mails: 1 });
  });

  it('enrols a donor whose online gift the provider reports paid; a replay changes nothing', async () => {
    const email = 'online@triggers.example';
    const visitor = new Browser(t.app, '10.81.1.1');
    const started = await visitor.request('POST', '/donate', giftForm({ email }), form);
    expect(started.statusCode, started.body).toBe(303);
    const personId = await personOf(email);
    expect(await enrolled(personId, firstGift)).toEqual({ enrolments: 0, mails: 0 });
    const pay = new URL(started.headers.location as string).pathname;
    expect((await visitor.request('POST', pay, 'outcome=succeed', form)).statusCode).toBe(303);
    expect(await enrolled(personId, firstGift)).toEqual({ enrolments: 1, mails: 1 });
    // A second gift, paid too: still one enrolment, one mail.
    const second = await visitor.request('POST', '/donate', giftForm({ email }), form);
    const secondPay = new URL(second.headers.location as string).pathname;
    await visitor.request('POST', secondPay, 'outcome=succeed', form);
    expect(await enrolled(personId, firstGift)).toEqual({ enrolments: 1, mails: 1 });
  });

  it('enrols a donor whose gift the finance officer records, and not one who pays dues', async () => {
    const email = 'cheque@triggers.example';
    const recorded = await cheque(email);
    expect(recorded.statusCode, recorded.body).toBe(200);
    const personId = await personOf(email);
    expect(await enrolled(personId, firstGift)).toEqual({ enrolments: 1, mails: 1 });
    expect((await cheque(email, { means: 'transfer', reference: 'VIR-1' })).statusCode).toBe(200);
    expect(await enrolled(personId, firstGift)).toEqual({ enrolments: 1, mails: 1 });

    const member = 'dues@triggers.example';
    const dues = await cheque(member, { kind: 'dues' });
    expect(dues.statusCode, dues.body).toBe(200);
    expect(await enrolled(await personOf(member), firstGift)).toEqual({
      enrolments: 0,
      mails: 0,
    });
  });

  it('enrols a donor at their monthly plan’s first charge, once', async () => {
    const email = 'monthly@triggers.example';
    const personId = await donorPerson(t, email);
    await insertActivePlan(t, personId, email, { amountCents: 2_000, nextChargeOn: '2027-03-15' });
    expect(await enrolled(personId, firstGift)).toEqual({ enrolments: 0, mails: 0 });
    expect(await chargeDuePlans(t.ctx, '2027-03-15')).toMatchObject({ charged: 1 });
    expect(await enrolled(personId, firstGift)).toEqual({ enrolments: 1, mails: 1 });
    expect(await chargeDuePlans(t.ctx, '2027-04-15')).toMatchObject({ charged: 1 });
    expect(await enrolled(personId, firstGift)).toEqual({ enrolments: 1, mails: 1 });
  });

  it('enrols within the trigger’s transaction: committed with it or not at all', async () => {
    for (const [automation, tell] of [
      [
        firstGift,
        (query, personId) =>
          tellGiftPaid(query, t.ctx, {
            donationId: 987_654,
            personId,
            kind: 'gift',
            amountCents: 5_000,
            means: 'card',
          }),
      ],
      [
        firstRsvp,
        async (query, personId) => {
          for (const listener of rsvpListeners) await listener(query, t.ctx, personId);
        },
      ],
    ] as const satisfies ReadonlyArray<
      readonly [
        Automation,
        (query: Parameters<typeof tellGiftPaid>[0], personId: number) => Promise<void>,
      ]
    >) {
      const personId = await donorPerson(t, `lost${++n}@triggers.example`);
      let inside: unknown;
      // The process dies before the commit: neither the change nor the enrolment stays.
      await expect(
        t.ctx.database.transaction(async (query) => {
          await tell(query, personId);
          [inside] = await query(
            sql`SELECT (SELECT count(*) FROM newsletter_enrolments
                         WHERE campaign_id = ${t.ctx.campaignId} AND person_id = ${personId}
                           AND automation_id = ${automation.id})::int AS enrolments,
                       (SELECT count(*) FROM mail_outbox
                         WHERE campaign_id = ${t.ctx.campaignId} AND person_id = ${personId}
                           AND message_id = ${automation.steps[0]!.id})::int AS mails`,
          );
          throw new Error('the process died before the commit');
        }),
      ).rejects.toThrow('died');
      expect(inside).toEqual({ enrolments: 1, mails: 1 });
      expect(await enrolled(personId, automation)).toEqual({ enrolments: 0, mails: 0 });
      // Committed: the enrolment and its day-0 mail are there, with nothing left to run after.
      await t.ctx.database.transaction((query) => tell(query, personId));
      expect(await enrolled(personId, automation)).toEqual({ enrolments: 1, mails: 1 });
    }
  });

  it('never undoes a gift when its enrolment fails: the enrolment alone is undone', async () => {
    const email = 'refused@triggers.example';
    const personId = await donorPerson(t, email);
    const check = `refuses_${personId}`;
    // The enrolment's insert fails for this person only (a constraint added for the test).
    await t.ctx.database.query(
      `ALTER TABLE newsletter_enrolments ADD CONSTRAINT ${check}
         CHECK (person_id <> ${personId}) NOT VALID`,
    );
    try {
      const recorded = await cheque(email);
      expect(recorded.statusCode, recorded.body).toBe(200);
      const [gift] = await t.ctx.database.query<{ status: string }>(
        sql`SELECT status FROM donations WHERE campaign_id = ${t.ctx.campaignId}
               AND person_id = ${personId}`,
      );
      expect(gift).toEqual({ status: 'succeeded' });
      expect(await enrolled(personId, firstGift)).toEqual({ enrolments: 0, mails: 0 });
    } finally {
      await t.ctx.database.query(`ALTER TABLE newsletter_enrolments DROP CONSTRAINT ${check}`);
    }
  });
});
