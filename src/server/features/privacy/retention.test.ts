import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../testing/harness.ts';
import { suppressedAddresses } from '../compliance/mail-suppressions.ts';
import { optedOutNumbers } from '../compliance/phone-opt-outs.ts';
import { recordDecisions } from '../people/consents.ts';
import { personMetAtDoor } from '../people/met-at-door.ts';
import { purgeElectionProspects, retentionOverview, setRetentionSettings } from './retention.ts';

const none = { email: false, sms: false, phone: false };

describe.each(engines)('retention of election prospects on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    t.ctx.database.query<T>(text, params);
  const campaign = () => t.ctx.campaignId;

  /** A person met at a door `daysAgo` days ago. */
  async function metAtDoor(
    name: string,
    daysAgo: number,
    consents = none,
    contact: { email?: string; phone?: string } = {},
  ): Promise<number> {
    n += 1;
    const person = await t.ctx.database.transaction((query) =>
      personMetAtDoor(
        query,
        campaign(),
        {
          firstName: name,
          lastName: 'Prospect',
          email: contact.email ?? null,
          phone: contact.phone ?? null,
          consents,
        },
        { source: 'door_to_door', wordingVersion: 'v1', volunteerId: 1, visitId: `visit-${n}` },
      ),
    );
    await q(
      `UPDATE people SET created_at = now() - make_interval(days => $1) WHERE campaign_id = $2 AND id = $3`,
      [daysAgo, campaign(), person.id],
    );
    return person.id;
  }
  const exists = async (id: number) =>
    (await q('SELECT 1 FROM people WHERE campaign_id = $1 AND id = $2', [campaign(), id])).length >
    0;

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('purges people met only at a door after the vote and the delay, keeps everyone with a reason to stay', async () => {
    const [election] = await q<{ id: number }>(
      `INSERT INTO elections (campaign_id, name, kind) VALUES ($1, 'Municipales', 'local') RETURNING id`,
      [campaign()],
    );
    const electionId = Number(election!.id);
    for (const [number, daysAgo] of [
      [1, 67],
      [2, 60],
    ]) {
      await q(
        `INSERT INTO election_rounds (campaign_id, election_id, number, date, polls_close, territory_dates)
         VALUES ($1, $2, $3, (now() - make_interval(days => $4))::date, '20:00', '{}')`,
        [campaign(), electionId, number, daysAgo],
      );
    }
    const plain = await metAtDoor('Plain', 90);
    const withdrew = await metAtDoor('Withdrew', 80, none, {
      email: 'withdrew@retention.example',
      phone: '+33612340001',
    });
    await t.ctx.database.transaction((query) =>
      recordDecisions(query, campaign(), withdrew, [
        { channel: 'email', granted: false, source: 'unsubscribe_link', wordingVersion: '' },
        { channel: 'sms', granted: false, source: 'sms_stop', wordingVersion: '' },
      ]),
    );
    const consented = await metAtDoor(
      'Consented',
      90,
      { ...none, email: true },
      {
        email: 'consented@retention.example',
      },
    );
    const account = await metAtDoor('Account', 90);
    await q('INSERT INTO accounts (campaign_id, person_id) VALUES ($1, $2)', [campaign(), account]);
    const signedUp = await metAtDoor('SignedUp', 90);
    await q(
      `INSERT INTO signups (campaign_id, person_id, data, source) VALUES ($1, $2, '{}', 'signup')`,
      [campaign(), signedUp],
    );
    const member = await metAtDoor('Member', 90);
    await q(
      `INSERT INTO committee_members (campaign_id, committee_id, person_id, rank) VALUES ($1, 999, $2, 'member')`,
      [campaign(), member],
    );
    const rsvp = await metAtDoor('Rsvp', 90);
    await q(
      `INSERT INTO event_rsvps (campaign_id, event_id, person_id, status, source) VALUES ($1, 999, $2, 'yes', 'member')`,
      [campaign(), rsvp],
    );
    const donor = await metAtDoor('Donor', 90);
    await q(
      `INSERT INTO donation_plans (campaign_id, person_id, amount_cents, status, day_of_month, provider, donor)
       VALUES ($1, $2, 1000, 'active', 5, 'dev', '{}')`,
      [campaign(), donor],
    );
    const volunteer = await metAtDoor('Volunteer', 90);
    await q(
      `INSERT INTO field_turf_assignees (campaign_id, turf_id, person_id) VALUES ($1, 999, $2)`,
      [campaign(), volunteer],
    );
    const gave = await metAtDoor('Gave', 90);
    await q(
      `INSERT INTO donations (campaign_id, person_id, cap_key, amount_cents, means, status, counts)
       VALUES ($1, $2, '2026', 2000, 'cheque', 'paid', true)`,
      [campaign(), gave],
    );
    const knocker = await metAtDoor('Knocker', 90);
    await q(
      `INSERT INTO field_visits (campaign_id, id, turf_id, address_id, volunteer_person_id, outcome, mode, visited_at)
       VALUES ($1, gen_random_uuid(), 999, 999, $2, 'absent', 'door', now())`,
      [campaign(), knocker],
    );
    const caller = await metAtDoor('Caller', 90);
    await q(
      `INSERT INTO phone_bank_calls (campaign_id, id, bank_id, target_id, caller_person_id, outcome)
       VALUES ($1, gen_random_uuid(), 999, 999, $2, 'no_answer')`,
      [campaign(), caller],
    );
    // Call lists: one imported before the vote (its numbers go), one after (kept).
    const lists: number[] = [];
    for (const daysAgo of [90, 10]) {
      const [list] = await q<{ id: number }>(
        `INSERT INTO call_lists (campaign_id, name, file_name, size, status, created_at)
         VALUES ($1, 'Liste', 'liste.csv', 10, 'succeeded', now() - make_interval(days => $2)) RETURNING id`,
        [campaign(), daysAgo],
      );
      lists.push(Number(list!.id));
      await q(
        `INSERT INTO call_list_numbers (campaign_id, list_id, e164, number_class, consent_at, consent_source, line)
         VALUES ($1, $2, '+33699990001', 'mobile', now(), 'file', 1), ($1, $2, '+33699990002', 'mobile', now(), 'file', 2)`,
        [campaign(), list!.id],
      );
    }
    // A broadcast that called each list: the old list's targets lose their number.
    const targetsOf: number[] = [];
    for (const list of lists) {
      const [broadcast] = await q<{ id: number }>(
        `INSERT INTO call_broadcasts (campaign_id, name, status, audience_kind, list_id, windows, max_concurrent,
                calls_per_second, ramp_seconds, max_attempts, retry_minutes, ring_seconds, answer_rate_floor_percent)
         VALUES ($1, 'Appel', 'running', 'list', $2, '[]', 1, 1, 0, 1, 60, 30, 0) RETURNING id`,
        [campaign(), list],
      );
      const [target] = await q<{ id: number }>(
        `INSERT INTO call_targets (campaign_id, broadcast_id, e164, next_at)
         VALUES ($1, $2, '+33699990001', now()) RETURNING id`,
        [campaign(), broadcast!.id],
      );
      targetsOf.push(Number(target!.id));
      const [attempt] = await q<{ id: number }>(
        `INSERT INTO call_attempts (campaign_id, broadcast_id, target_id, to_e164, caller_id, state)
         VALUES ($1, $2, $3, '+33699990001', '+33100000000', 'completed') RETURNING id`,
        [campaign(), broadcast!.id, target!.id],
      );
      await q(
        `INSERT INTO call_callbacks (campaign_id, attempt_id, event_key, params)
         VALUES ($1, $2, 'completed', '{"To": "+33699990001"}')`,
        [campaign(), attempt!.id],
      );
    }
    // A door the prospect answered: the visit stays, blanked, and is counted.
    await q(
      `INSERT INTO field_visits (campaign_id, id, turf_id, address_id, volunteer_person_id, person_id, outcome, mode, visited_at, answers)
       VALUES ($1, gen_random_uuid(), 999, 999, $2, $3, 'contact', 'door', now(), '{"q": 1}')`,
      [campaign(), knocker, plain],
    );
    const metAfterVote = await metAtDoor('After', 10);
    const staffMade = await metAtDoor('Staff', 90);
    await q(`UPDATE people SET source = 'staff' WHERE campaign_id = $1 AND id = $2`, [
      campaign(),
      staffMade,
    ]);
    const kept = [
      consented,
      account,
      signedUp,
      member,
      rsvp,
      donor,
      volunteer,
      gave,
      knocker,
      caller,
      metAfterVote,
    ];

    // Not yet due with a longer delay: nothing moves.
    await setRetentionSettings(t.ctx, { prospectDelayDays: 90 }, null);
    expect(await purgeElectionProspects(t.ctx)).toEqual([]);
    expect(await exists(plain)).toBe(true);

    await setRetentionSettings(t.ctx, { prospectDelayDays: 30 }, null);
    const [run, ...more] = await purgeElectionProspects(t.ctx);
    expect(more).toEqual([]);
    expect(run).toMatchObject({ electionId, people: 2, delayDays: 30 });
    expect(run!.rows).toMatchObject({
      people: 2,
      person_events: 2,
      person_consents: 2,
      call_list_numbers: 2,
      call_targets: 1,
      call_attempts: 1,
      call_callbacks: 1,
      field_visits: 1,
    });
    const targets = await q<{ id: number; e164: string; status: string }>(
      'SELECT id, e164, status FROM call_targets WHERE campaign_id = $1 AND id = ANY($2) ORDER BY id',
      [campaign(), targetsOf],
    );
    expect(targets.map((row) => [row.e164.startsWith('+'), row.status])).toEqual([
      [false, 'done'],
      [true, 'due'],
    ]);
    const visits = await q<{ person_id: number | null; answers: unknown }>(
      `SELECT person_id, answers FROM field_visits WHERE campaign_id = $1 AND outcome = 'contact'`,
      [campaign()],
    );
    expect(visits).toEqual([{ person_id: null, answers: null }]);
    const numbers = await q<{ list_id: number }>(
      'SELECT list_id FROM call_list_numbers WHERE campaign_id = $1 AND list_id = ANY($2)',
      [campaign(), lists],
    );
    expect(numbers.map((row) => Number(row.list_id))).toEqual([lists[1], lists[1]]);
    expect(await exists(plain)).toBe(false);
    expect(await exists(withdrew)).toBe(false);
    for (const id of [...kept, staffMade]) expect(await exists(id)).toBe(true);
    expect(
      await q('SELECT 1 FROM person_events WHERE campaign_id = $1 AND person_id = ANY($2)', [
        campaign(),
        [plain, withdrew],
      ]),
    ).toEqual([]);

    // Their refusals stay, as keyed hashes: the address and number, seen again, are refused.
    const refused = await optedOutNumbers(t.ctx.database.query, campaign(), ['+33612340001']);
    expect([...refused]).toEqual(['+33612340001']);
    const addresses = await suppressedAddresses(t.ctx.database.query, campaign(), [
      'Withdrew@retention.example',
    ]);
    expect([...addresses.values()]).toEqual(['unsubscribed']);
    const hashes = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM mail_suppressions WHERE campaign_id = $1
         AND position(convert_to('withdrew@retention.example', 'UTF8') IN address_hash) > 0`,
      [campaign()],
    );
    expect(hashes[0]!.n).toBe(0);

    // Idempotent: a second run removes nothing and adds no report row.
    expect(await purgeElectionProspects(t.ctx)).toEqual([]);
    const overview = await retentionOverview(t.ctx);
    expect(overview.runs).toHaveLength(1);
    expect(overview.runs[0]).toMatchObject({ electionName: 'Municipales', people: 2 });
    expect(overview.elections).toEqual([expect.objectContaining({ id: electionId, purged: true })]);
    expect(overview.keptFor).toEqual(
      expect.arrayContaining([
        { key: 'account', reason: 'an account' },
        { key: 'consent', reason: 'a consent given on any channel' },
      ]),
    );
    const audited = await q<{ action: string }>(
      `SELECT action FROM audit_log WHERE campaign_id = $1 AND action LIKE 'privacy.retention%' ORDER BY id`,
      [campaign()],
    );
    expect(audited.map((a) => a.action)).toEqual([
      'privacy.retention_settings',
      'privacy.retention_settings',
      'privacy.retention_purge',
    ]);
  });

  it('answers the retention page to privacy managers only', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/privacy/retention' });
    expect(anonymous.statusCode).toBe(401);
  });
});
