import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EffectSettings,
  EffectSizes,
  ImpactMap,
  ImpactSummary,
  TerritoryList,
  Trends,
} from '../../../contracts/insights.ts';
import {
  Browser,
  createCampaignApp,
  createTestApp,
  engines,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { personForEmail } from '../accounts/admin.ts';
import { DEFAULT_EFFECTS } from './model.ts';
import { refreshAllCampaigns, refreshImpact } from './refresh.ts';

/*
 * The impact dashboard on both engines: the sources' rows are written straight into their
 * tables (a scene), the aggregates only by refreshImpact, the figures read over HTTP.
 */

const STATION_A = '01001_0001';
const STATION_B = '01001_0002';
const STATION_C = '01004_0001';

function expectOk<T>(response: { statusCode: number; body: string; json(): unknown }): T {
  if (response.statusCode !== 200) throw new Error(`${response.statusCode}: ${response.body}`);
  return response.json() as T;
}

describe.each(engines)('impact dashboard (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let admin: Browser;
  let finance: Browser;
  let moderator: Browser;
  let campaign: number;
  let volunteer: number;
  const ids = { matched: 0, unmatched: 0 };
  const people = { inCommune: 0, nowhere: 0, metAtDoor: 0 };

  const run = (text: string, params: unknown[] = []) => t.ctx.database.query(text, params);

  const visit = (
    addressId: number,
    outcome: string,
    mode = 'door',
    personId: number | null = null,
  ) =>
    run(
      `INSERT INTO field_visits (campaign_id, id, turf_id, address_id, volunteer_person_id, outcome, mode,
                                 person_id, visited_at)
       VALUES ($1, $2, 1, $3, $4, $5, $6, $7, now())`,
      [campaign, randomUUID(), addressId, volunteer, outcome, mode, personId],
    );

  const summary = async (query = '') =>
    expectOk<ImpactSummary>(await staff.get(`/api/insights/impact${query}`));
  const kind = (s: ImpactSummary, k: string) => s.byKind.find((b) => b.kind === k)!;

  beforeAll(async () => {
    t = await createTestApp(engine);
    campaign = t.ctx.campaignId;
    staff = await staffBrowser(t, 'impact-staff@example.org', ['staff']);
    admin = await staffBrowser(t, 'impact-admin@example.org', ['admin']);
    finance = await staffBrowser(t, 'impact-finance@example.org', ['finance']);
    moderator = await staffBrowser(t, 'impact-moderator@example.org', ['moderator']);
    volunteer = await personForEmail(t.ctx, 'impact-volunteer@example.org');
    people.inCommune = await personForEmail(t.ctx, 'impact-commune@example.org');
    people.nowhere = await personForEmail(t.ctx, 'impact-nowhere@example.org');
    people.metAtDoor = await personForEmail(t.ctx, 'impact-door@example.org');
    await run(`UPDATE people SET commune_code = '01004' WHERE campaign_id = $1 AND id = $2`, [
      campaign,
      people.inCommune,
    ]);
    await run(`UPDATE people SET commune_code = NULL WHERE campaign_id = $1 AND id = ANY($2)`, [
      campaign,
      [people.nowhere, people.metAtDoor],
    ]);

    // Two addresses: one matched to station A, one in commune 01004 without a station.
    const addresses = (await run(
      `INSERT INTO field_addresses (campaign_id, ban_id, street_key, street_name, number, commune_code,
                                    commune_name, lon, lat, location, station_id, station_link)
       VALUES ($1, '01001_a_1', '01001|a', 'Rue A', 1, '01001', 'L''Abergement-Clémenciat', 4.92, 46.15,
               point(4.92, 46.15), $2, 'reu'),
              ($1, '01004_b_1', '01004|b', 'Rue B', 1, '01004', 'Ambérieu-en-Bugey', 5.36, 45.96,
               point(5.36, 45.96), NULL, NULL)
       RETURNING id, ban_id`,
      [campaign, STATION_A],
    )) as Array<{ id: number | string; ban_id: string }>;
    ids.matched = Number(addresses.find((a) => a.ban_id === '01001_a_1')!.id);
    ids.unmatched = Number(addresses.find((a) => a.ban_id === '01004_b_1')!.id);

    // Past results: panel 1 is ours. Station A: 120 to 100 (ahead by 20); B: 90 to 100
    // (behind by 10); C: 50 to 300 (behind by 250). Station A has a point.
    const [election] = (await run(
      `INSERT INTO field_elections (campaign_id, import_id, label, layout, candidates, stations)
       VALUES ($1, 1, 'Test 2022', '2017-2022', '[]', 3) RETURNING id`,
      [campaign],
    )) as Array<{ id: number | string }>;
    const electionId = Number(election.id);
    const result = (station: string, commune: string, name: string, ours: number, other: number) =>
      run(
        `INSERT INTO field_station_results (campaign_id, election_id, station_id, commune_code, commune_name,
                                            department_code, constituency_code, registered, abstentions,
                                            voters, expressed, candidates)
         VALUES ($1, $2, $3, $4, $5, '01', '0101', 1000, 500, 500, $6, $7)`,
        [
          campaign,
          electionId,
          station,
          commune,
          name,
          ours + other + 30,
          JSON.stringify([
            { panel: 1, lastName: 'Nous', nuance: 'DIV', votes: ours },
            { panel: 2, lastName: 'Eux', nuance: 'DVD', votes: other },
            { panel: 3, lastName: 'Autre', nuance: 'DVG', votes: 30 },
          ]),
        ],
      );
    await result(STATION_A, '01001', "L'Abergement-Clémenciat", 120, 100);
    await result(STATION_B, '01001', "L'Abergement-Clémenciat", 90, 100);
    await result(STATION_C, '01004', 'Ambérieu-en-Bugey', 50, 300);
    await run(
      `INSERT INTO field_stations (campaign_id, id, commune_code, lon, lat, reu_points)
       VALUES ($1, $2, '01001', 4.925, 46.151, 10)`,
      [campaign, STATION_A],
    );
    await run(
      `INSERT INTO field_targeting (campaign_id, election_id, choice, formula)
       VALUES ($1, $2, '{"kind":"candidate","panel":1}', 'score')`,
      [campaign, electionId],
    );

    // Door: 3 conversations and a leaflet at A (one conversation with a person who gave their
    // name), 1 not at home (no contact), 2 conversations at the unmatched address.
    await visit(ids.matched, 'conversation');
    await visit(ids.matched, 'conversation');
    await visit(ids.matched, 'conversation', 'door', people.metAtDoor);
    await visit(ids.matched, 'leaflet', 'leaflet');
    await visit(ids.matched, 'not_home');
    await visit(ids.unmatched, 'conversation');
    await visit(ids.unmatched, 'conversation');

    // Phone bank: a conversation (counted) and a no-answer (not) with the person of 01004.
    for (const outcome of ['conversation', 'no_answer']) {
      await run(
        `INSERT INTO phone_bank_calls (campaign_id, id, bank_id, target_id, person_id, caller_person_id, outcome)
         VALUES ($1, $2, 1, 1, $3, $4, $5)`,
        [campaign, randomUUID(), people.inCommune, volunteer, outcome],
      );
    }
    // A recorded call listened to the end by a person without an address, one hung up early.
    const [target] = (await run(
      `INSERT INTO call_targets (campaign_id, broadcast_id, e164, person_id, next_at)
       VALUES ($1, 1, '+33600000001', $2, now()) RETURNING id`,
      [campaign, people.nowhere],
    )) as Array<{ id: number | string }>;
    for (const listened of [true, false]) {
      await run(
        `INSERT INTO call_attempts (campaign_id, broadcast_id, target_id, to_e164, caller_id, state,
                                    listened_to_end, ended_at)
         VALUES ($1, 1, $2, '+33600000001', '+33100000000', 'completed', $3, now())`,
        [campaign, Number(target.id), listened],
      );
    }
    // A newsletter sent to the person met at the door (placed on station A by that visit), one
    // still pending; a campaign text sent to the person of 01004, a test text.
    await run(
      `INSERT INTO mail_outbox (campaign_id, kind, person_id, to_address, purpose, message_id, status, sent_at)
       VALUES ($1, 'newsletter', $2, 'door@example.org', 'newsletter', 1, 'sent', now()),
              ($1, 'newsletter', $2, 'door@example.org', 'newsletter', 2, 'pending', NULL)`,
      [campaign, people.metAtDoor],
    );
    await run(
      `INSERT INTO sms_outbox (campaign_id, kind, person_id, purpose, status, sent_at)
       VALUES ($1, 'campaign', $2, 'newsletter', 'sent', now()),
              ($1, 'test', $2, 'transactional', 'sent', now())`,
      [campaign, people.inCommune],
    );
  }, 120_000);

  afterAll(() => t?.close());

  it('counts each kind once', async () => {
    await refreshImpact(t.ctx, { lagSeconds: 0 });
    const after = await summary();
    expect(Object.fromEntries(after.byKind.map((b) => [b.kind, b.contacts]))).toEqual({
      door_conversation: 5,
      leaflet: 1,
      volunteer_call: 1,
      robocall: 1,
      email: 1,
      sms: 1,
    });
    expect(after.contacts).toBe(10);
    expect(after.freshness.refreshedUpTo).not.toBeNull();

    // A second refresh with nothing new adds nothing.
    await refreshImpact(t.ctx, { lagSeconds: 0 });
    expect((await summary()).contacts).toBe(10);
  });

  it('places contacts on stations, else communes, and says how many', async () => {
    const s = await summary();
    // On station A: 3 conversations, the leaflet, the mail (its person was met at A's door).
    // Commune only: 2 conversations at the unmatched address, the call and the text (01004).
    // Nowhere: the recorded call of a person without an address.
    expect(s.placement).toEqual({ station: 5, communeOnly: 4, unplaced: 1 });
    expect(kind(s, 'door_conversation')).toBeDefined();
    const door = s.placementByKind.find((p) => p.kind === 'door_conversation')!.placement;
    expect(door).toEqual({ station: 3, communeOnly: 2, unplaced: 0 });

    const stations = expectOk<TerritoryList>(
      await staff.get('/api/insights/impact/territories?level=station&sort=contacts'),
    );
    const a = stations.items.find((i) => i.id === STATION_A)!;
    expect(a.contacts).toBe(5);
    expect(a.byKind).toMatchObject({ door_conversation: 3, leaflet: 1, email: 1 });
    expect(a.communeOnly).toBe(0);
    expect([a.lat, a.lng, a.placedBy]).toEqual([46.151, 4.925, 'reu']);
    // Stations without contacts are listed too (B, C), from their results.
    expect(stations.items.map((i) => i.id).sort()).toEqual([STATION_A, STATION_B, STATION_C]);
    expect(stations.notPlacedAtLevel).toBe(5);

    const communes = expectOk<TerritoryList>(
      await staff.get('/api/insights/impact/territories?level=commune&sort=contacts'),
    );
    const amberieu = communes.items.find((i) => i.id === '01004')!;
    expect(amberieu).toMatchObject({ contacts: 4, communeOnly: 4, name: 'Ambérieu-en-Bugey' });
    expect(communes.notPlacedAtLevel).toBe(1);

    const constituencies = expectOk<TerritoryList>(
      await staff.get('/api/insights/impact/territories?level=constituency'),
    );
    expect(constituencies.items).toHaveLength(1);
    expect(constituencies.items[0]).toMatchObject({ id: '0101', contacts: 9 });
  });

  it('shows a new visit after one refresh, and counts it once after a crash and a rerun', async () => {
    await visit(ids.matched, 'conversation');
    await expect(
      refreshImpact(t.ctx, {
        lagSeconds: 0,
        afterCounts: () => {
          throw new Error('crash between the counts and the watermark');
        },
      }),
    ).rejects.toThrow('crash');
    expect(kind(await summary(), 'door_conversation').contacts).toBe(5);

    await refreshImpact(t.ctx, { lagSeconds: 0 });
    expect(kind(await summary(), 'door_conversation').contacts).toBe(6);
    await refreshImpact(t.ctx, { lagSeconds: 0 });
    expect(kind(await summary(), 'door_conversation').contacts).toBe(6);
    const days = (await run(
      `SELECT sum(contacts)::int AS n FROM insights_contact_days WHERE campaign_id = $1 AND kind = 'door_conversation'`,
      [campaign],
    )) as Array<{ n: number }>;
    expect(days[0].n).toBe(6);
  });

  it('leaves a contact recorded within the lag for the next refresh', async () => {
    await visit(ids.matched, 'leaflet', 'leaflet');
    await refreshImpact(t.ctx, { lagSeconds: 3600 });
    expect(kind(await summary(), 'leaflet').contacts).toBe(1);
    await refreshImpact(t.ctx, { lagSeconds: 0 });
    expect(kind(await summary(), 'leaflet').contacts).toBe(2);
  });

  it('turns contacts into votes with the defaults, then with edited effects', async () => {
    const defaults = expectOk<EffectSettings>(await staff.get('/api/insights/impact/effects'));
    expect(defaults.isDefault).toBe(true);
    expect(defaults.effects).toEqual(DEFAULT_EFFECTS);
    expect(defaults.sources.some((s) => s.citation.includes('Pons'))).toBe(true);
    const s = await summary();
    // 6 conversations × 1/14 ≈ 0.43 votes of turnout, central.
    expect(kind(s, 'door_conversation').votes.turnout.central).toBe(0.4);
    expect(kind(s, 'robocall').votes.total).toEqual({ low: 0, central: 0, high: 0 });

    const zero = { low: 0, central: 0, high: 0 };
    const edited: EffectSizes = {
      door_conversation: {
        turnout: { low: 0.1, central: 0.2, high: 0.3 },
        persuasion: { low: 0, central: 0.5, high: 1 },
      },
      leaflet: { turnout: { low: 0, central: 0.25, high: 0.5 }, persuasion: zero },
      volunteer_call: { turnout: { low: 1, central: 1, high: 1 }, persuasion: zero },
      robocall: { turnout: zero, persuasion: zero },
      email: { turnout: zero, persuasion: { low: 0, central: 0, high: 1 } },
      sms: { turnout: zero, persuasion: zero },
    };
    const saved = expectOk<EffectSettings>(await staff.put('/api/insights/impact/effects', edited));
    expect(saved).toMatchObject({ isDefault: false, effects: edited });
    const after = await summary();
    // Door: 6 × (0.1, 0.2, 0.3) turnout, 6 × (0, 0.5, 1) persuasion.
    expect(kind(after, 'door_conversation').votes).toEqual({
      turnout: { low: 0.6, central: 1.2, high: 1.8 },
      persuasion: { low: 0, central: 3, high: 6 },
      total: { low: 0.6, central: 4.2, high: 7.8 },
    });
    // Everything: door, 2 leaflets × (0, 0.25, 0.5), 1 call × 1, 1 mail × (0, 0, 1) persuasion.
    expect(after.votes).toEqual({
      turnout: { low: 1.6, central: 2.7, high: 3.8 },
      persuasion: { low: 0, central: 3, high: 7 },
      total: { low: 1.6, central: 5.7, high: 10.8 },
    });

    // Station A (ahead by 20): 4 conversations, 2 leaflets and a mail bring
    // 4 × 0.7 + 2 × 0.25 = 3.3 central: 16.7 short, 0.7 a conversation: 24 more.
    const stations = expectOk<TerritoryList>(
      await staff.get('/api/insights/impact/territories?level=station&sort=short'),
    );
    const a = stations.items.find((i) => i.id === STATION_A)!;
    expect(a.margin).toMatchObject({ ours: 120, bestOther: 100, margin: 20, registered: 1000 });
    expect(a.votes.total.central).toBe(3.3);
    expect(a.contactsNeeded).toBe(24);
    const b = stations.items.find((i) => i.id === STATION_B)!;
    expect(b.margin?.margin).toBe(-10);
    expect(b.contactsNeeded).toBe(15);
    // Short of contacts: B (15 more) before A (24) before C (behind by 250: 358 more).
    expect(stations.items.map((i) => i.id)).toEqual([STATION_B, STATION_A, STATION_C]);
    expect(stations.items.map((i) => i.rank)).toEqual([1, 2, 3]);

    // The commune adds its stations: 210 to 200 (the same rival summed), ahead by 10.
    const communes = expectOk<TerritoryList>(
      await staff.get('/api/insights/impact/territories?level=commune&commune=01001'),
    );
    expect(communes.items).toHaveLength(1);
    expect(communes.items[0].margin).toMatchObject({ ours: 210, bestOther: 200, margin: 10 });

    const reset = expectOk<EffectSettings>(await staff.delete('/api/insights/impact/effects'));
    expect(reset).toMatchObject({ isDefault: true, effects: DEFAULT_EFFECTS });
    const audit = (await run(
      `SELECT action FROM audit_log WHERE campaign_id = $1 AND action LIKE 'insights.%' ORDER BY id`,
      [campaign],
    )) as Array<{ action: string }>;
    expect(audit.map((r) => r.action)).toEqual([
      'insights.effects.update',
      'insights.effects.reset',
    ]);
  });

  it('draws the territories as GeoJSON points and counts those without one', async () => {
    const map = expectOk<ImpactMap>(await staff.get('/api/insights/impact/map?level=station'));
    expect(map.type).toBe('FeatureCollection');
    const a = map.features.find((f) => f.properties.id === STATION_A)!;
    expect(a.geometry).toEqual({ type: 'Point', coordinates: [4.925, 46.151] });
    // B and C have no REU point: their communes' centres place them.
    expect(map.features.find((f) => f.properties.id === STATION_C)?.properties.placedBy).toBe(
      'commune',
    );
    expect(map.withoutPoint + map.features.length).toBe(3);
  });

  it('gives the contacts per day and per week', async () => {
    const daily = expectOk<Trends>(await staff.get('/api/insights/impact/trends'));
    expect(daily.points.length).toBeGreaterThanOrEqual(1);
    expect(daily.points.reduce((sum, p) => sum + p.contacts, 0)).toBe(12);
    const weekly = expectOk<Trends>(await staff.get('/api/insights/impact/trends?interval=week'));
    expect(weekly.points.reduce((sum, p) => sum + p.byKind.leaflet, 0)).toBe(2);
    for (const point of weekly.points) expect(new Date(point.period).getUTCDay()).toBe(1);
    const none = expectOk<Trends>(
      await staff.get('/api/insights/impact/trends?from=2000-01-01&to=2000-01-31'),
    );
    expect(none.points).toEqual([]);
  });

  it('keeps each campaign to its own contacts', async () => {
    const other = await createCampaignApp(t, 'Impact elsewhere');
    try {
      const before = (await summary()).contacts;
      await run(
        `INSERT INTO field_visits (campaign_id, id, turf_id, address_id, volunteer_person_id, outcome, mode, visited_at)
         VALUES ($1, $2, 1, $3, $4, 'conversation', 'door', now() - interval '1 minute'),
                ($1, $5, 1, $3, $4, 'conversation', 'door', now() - interval '1 minute')`,
        [other.ctx.campaignId, randomUUID(), ids.matched, volunteer, randomUUID()],
      );
      await run(
        `UPDATE field_visits SET received_at = now() - interval '1 minute' WHERE campaign_id = $1`,
        [other.ctx.campaignId],
      );
      await refreshAllCampaigns(t.ctx);
      expect((await summary()).contacts).toBe(before);
      const rows = (await run(
        `SELECT kind, contacts::int AS contacts, commune_code FROM insights_contact_places WHERE campaign_id = $1`,
        [other.ctx.campaignId],
      )) as Array<{ kind: string; contacts: number; commune_code: string }>;
      // Its visits name an address of the first campaign: in its own, that address is unknown.
      expect(rows).toEqual([{ kind: 'door_conversation', contacts: 2, commune_code: '' }]);
    } finally {
      await other.close();
    }
  });

  it('refuses roles without the permission and bad input, changing nothing', async () => {
    expect((await new Browser(t.app).get('/api/insights/impact')).statusCode).toBe(401);
    expect((await moderator.get('/api/insights/impact')).statusCode).toBe(403);
    expect((await finance.get('/api/insights/impact')).statusCode).toBe(200);
    expect((await finance.put('/api/insights/impact/effects', DEFAULT_EFFECTS)).statusCode).toBe(
      403,
    );
    expect((await finance.delete('/api/insights/impact/effects')).statusCode).toBe(403);

    const backwards = {
      ...DEFAULT_EFFECTS,
      leaflet: {
        turnout: { low: 0.5, central: 0.1, high: 0.2 },
        persuasion: DEFAULT_EFFECTS.leaflet.persuasion,
      },
    };
    const refused = await admin.put('/api/insights/impact/effects', backwards);
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'leaflet.turnout.central', code: 'range_order' }],
    });
    const tooBig = await admin.put('/api/insights/impact/effects', {
      ...DEFAULT_EFFECTS,
      sms: { turnout: { low: 0, central: 0, high: 2 }, persuasion: DEFAULT_EFFECTS.sms.persuasion },
    });
    expect(tooBig.statusCode).toBe(400);
    const missing = await admin.put('/api/insights/impact/effects', {
      leaflet: DEFAULT_EFFECTS.leaflet,
    });
    expect(missing.statusCode).toBe(400);
    expect(
      expectOk<EffectSettings>(await staff.get('/api/insights/impact/effects')).isDefault,
    ).toBe(true);

    for (const query of [
      'level=region',
      'limit=0',
      'commune=Paris',
      'departement=1',
      'sort=random',
    ]) {
      const response = await staff.get(`/api/insights/impact/territories?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
    }
    const backwardsPeriod = await staff.get('/api/insights/impact?from=2026-02-01&to=2026-01-01');
    expect(backwardsPeriod.statusCode).toBe(400);
    expect(backwardsPeriod.json()).toMatchObject({
      errors: [{ field: 'to', code: 'range_order' }],
    });
    expect((await staff.get('/api/insights/impact/trends?interval=month')).statusCode).toBe(400);
  });
});
