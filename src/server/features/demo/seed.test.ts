import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peopleQuerySchema } from '../../../contracts/people.ts';
import { geoReference } from '../../core/geo/communes.ts';
import { forCampaign } from '../../core/context.ts';
import { createTestApp, engines, type TestApp } from '../../testing/harness.ts';
import { createCampaign } from '../../core/campaigns/service.ts';
import { buildSearchText } from '../people/normalize.ts';
import { listPeople, personDetail } from '../people/queries.ts';
import { purgeUnconfirmed } from '../recruitment/service.ts';
import { readPublicSite } from '../settings/service.ts';
import { DEFAULT_PRIORITY_FORMULA } from '../../../contracts/field-formula.ts';
import { listAreas } from '../field/areas/service.ts';
import { listFieldImports } from '../field/imports/service.ts';
import { fieldProgress } from '../field/progress/service.ts';
import { listQuestionnaires } from '../field/questionnaires/service.ts';
import { stationPriorities, targetingOf } from '../field/targeting/service.ts';
import { DEMO_CANDIDATE_PANEL } from './field-names.ts';
import { planDemo } from './generate.ts';
import { seedDemo, type SeedDemoResult } from './seed.ts';

const DAY = 86_400_000;

describe('demo plan', () => {
  it('is the same campaign for the same seed and day, whatever the hour', () => {
    const geo = geoReference();
    const now = Date.parse('2026-11-25T15:00:00Z');
    const plan = (at: number) => planDemo({ people: 400, now: at, timeZone: 'Europe/Paris', geo });
    const a = plan(now);
    expect(JSON.stringify(plan(now))).toBe(JSON.stringify(a));
    const later = plan(now + 2 * 3_600_000);
    const same = later.people.filter((p, i) => p.emailNormalized === a.people[i].emailNormalized);
    expect(same.length).toBeGreaterThan(380);
  });
});

describe.each(engines)('demo campaign on %s', (engine) => {
  let t: TestApp;
  let started: number;
  let seeded: SeedDemoResult;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** `$1` is the campaign of the test app, which the seed writes into. */
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    t.ctx.database.query<T>(text, [t.ctx.campaignId, ...params]);
  const one = async <T>(text: string, params?: unknown[]) => (await q<T>(text, params))[0];

  it('seeds supporters, their history, tags, segments and the home page', async () => {
    started = Date.now();
    const result = await seedDemo(t.ctx, { people: 500 });
    seeded = result;
    expect(result).toMatchObject({ people: 500, segments: 4, alreadySeeded: false });
    // Committees where its supporters live, with events and answers, found near them.
    expect(result.committees).toBeGreaterThanOrEqual(3);
    expect(result.events).toBeGreaterThan(result.committees);
    const near = await t.ctx.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM committees WHERE campaign_id = $1 AND status = 'published' AND member_count >= 2",
      [t.ctx.campaignId],
    );
    expect(near[0]!.n).toBe(result.committees);
    expect(result.tags).toBeGreaterThanOrEqual(7);
    // Analysed once seeded: the people counts past their exact cap rely on the statistics.
    const [{ reltuples }] = await t.ctx.database.query<{ reltuples: number }>(
      `SELECT reltuples FROM pg_class WHERE oid = 'people'::regclass`,
    );
    expect(Number(reltuples)).toBe(500);

    const totals = await one<Record<string, number>>(
      `SELECT count(*)::int AS people,
              count(confirmed_at)::int AS confirmed,
              count(phone)::int AS phones,
              count(recruited_by)::int AS recruited,
              count(DISTINCT departement_code)::int AS departements,
              count(DISTINCT commune_code)::int AS communes,
              count(DISTINCT recruit_code)::int AS codes,
              count(*) FILTER (WHERE email_normalized !~ '@example\\.(org|net|com)$')::int AS real_domains,
              count(*) FILTER (WHERE email_normalized <> lower(email))::int AS bad_normalization
         FROM people WHERE campaign_id = $1 AND source <> 'door_to_door'`,
    );
    expect(totals.people).toBe(500);
    expect(totals.codes).toBe(500);
    expect(totals.real_domains).toBe(0);
    expect(totals.bad_normalization).toBe(0);
    expect(totals.departements).toBeGreaterThan(25);
    expect(totals.communes).toBeGreaterThan(150);
    expect(totals.confirmed / totals.people).toBeGreaterThan(0.75);
    expect(totals.confirmed / totals.people).toBeLessThan(0.95);
    expect(totals.phones / totals.people).toBeGreaterThan(0.3);
    expect(totals.phones / totals.people).toBeLessThan(0.5);
    expect(totals.recruited / totals.people).toBeGreaterThan(0.12);
    expect(totals.recruited / totals.people).toBeLessThan(0.38);

    const sources = await q<{ source: string; n: number }>(
      'SELECT source, count(*)::int AS n FROM people WHERE campaign_id = $1 GROUP BY source ORDER BY n DESC',
    );
    expect(sources[0]).toEqual({ source: 'signup', n: 350 });
    expect(Object.fromEntries(sources.map((s) => [s.source, s.n]))).toMatchObject({
      import: 75,
      embed: 50,
    });
  });

  it('writes valid phones, consistent places and searchable text', async () => {
    const geo = geoReference();
    const people = await q<{
      id: number;
      first_name: string;
      last_name: string;
      email: string;
      phone: string | null;
      postal_code: string;
      commune_code: string;
      commune_name: string;
      departement_code: string;
      search_text: string;
      created_at: Date;
      confirmed_at: Date | null;
    }>("SELECT * FROM people WHERE campaign_id = $1 AND source <> 'door_to_door'");
    for (const p of people) {
      if (p.phone !== null) {
        expect(p.phone).toMatch(/^\+33[67]\d{8}$/);
        expect(parsePhoneNumberFromString(p.phone)?.isValid()).toBe(true);
      }
      const commune = geo.commune(p.commune_code);
      expect(commune, p.commune_code).toBeDefined();
      expect(p.commune_name).toBe(commune!.name);
      expect(p.departement_code).toBe(commune!.departementCode);
      expect(geo.communesByPostalCode(p.postal_code).map((c) => c.code)).toContain(p.commune_code);
      expect(p.search_text).toBe(
        buildSearchText({
          firstName: p.first_name,
          lastName: p.last_name,
          email: p.email,
          phone: p.phone,
          communeName: p.commune_name,
          postalCode: p.postal_code,
        }),
      );
      const created = new Date(p.created_at).getTime();
      expect(created).toBeGreaterThan(started - 121 * DAY);
      expect(created).toBeLessThanOrEqual(started);
      if (p.confirmed_at) expect(new Date(p.confirmed_at).getTime()).toBeGreaterThan(created);
    }
    const phones = people.filter((p) => p.phone).map((p) => p.phone);
    expect(new Set(phones).size).toBe(phones.length);
  });

  it('links recruits to supporters who were already there', async () => {
    const orphans = await one<{ n: number }>(
      `SELECT count(*)::int AS n
         FROM people p LEFT JOIN people r ON r.campaign_id = p.campaign_id AND r.id = p.recruited_by
        WHERE p.campaign_id = $1 AND p.recruited_by IS NOT NULL
          AND (r.id IS NULL OR r.id = p.id OR r.confirmed_at IS NULL OR r.confirmed_at >= p.created_at)`,
    );
    expect(orphans.n).toBe(0);
    const top = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM people WHERE campaign_id = $1 AND recruited_by IS NOT NULL
        GROUP BY recruited_by ORDER BY n DESC LIMIT 3`,
    );
    // A few champions bring many; most recruiters bring one or two.
    expect(top[0].n).toBeGreaterThanOrEqual(5);
  });

  it('backs every consent with its history', async () => {
    const mismatched = await one<{ n: number }>(
      `SELECT count(*)::int AS n
         FROM people p CROSS JOIN (VALUES ('email'), ('sms'), ('volunteer_call')) AS c(channel)
        WHERE p.campaign_id = $1
          AND (CASE c.channel WHEN 'email' THEN p.consent_email WHEN 'sms' THEN p.consent_sms
                              ELSE p.consent_phone END
                 IS DISTINCT FROM coalesce((SELECT e.granted FROM consent_events e
                                             WHERE e.campaign_id = $1 AND e.person_id = p.id AND e.channel = c.channel
                                             ORDER BY e.at DESC, e.id DESC LIMIT 1), false)
               OR (SELECT r.status FROM person_consents r
                    WHERE r.campaign_id = $1 AND r.person_id = p.id AND r.channel = c.channel)
                 IS DISTINCT FROM (SELECT CASE WHEN e.granted THEN 'granted' ELSE 'withdrawn' END
                                     FROM consent_events e
                                    WHERE e.campaign_id = $1 AND e.person_id = p.id AND e.channel = c.channel
                                    ORDER BY e.at DESC, e.id DESC LIMIT 1))`,
    );
    expect(mismatched.n).toBe(0);
    const consents = await one<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE consent_email)::int AS email,
              count(*) FILTER (WHERE consent_sms)::int AS sms,
              count(*) FILTER (WHERE consent_sms AND phone IS NULL)::int AS sms_without_phone,
              count(*)::int AS confirmed
         FROM people WHERE campaign_id = $1 AND confirmed_at IS NOT NULL`,
    );
    expect(consents.email / consents.confirmed).toBeGreaterThan(0.65);
    expect(consents.email / consents.confirmed).toBeLessThan(0.92);
    expect(consents.sms / consents.confirmed).toBeGreaterThan(0.15);
    expect(consents.sms / consents.confirmed).toBeLessThan(0.45);
    expect(consents.sms_without_phone).toBe(0);
    // Web sign-ups consent only once they confirm; nobody unconfirmed from the web has any.
    const early = await one<{ n: number }>(
      `SELECT count(*)::int AS n
         FROM consent_events e JOIN people p ON p.campaign_id = e.campaign_id AND p.id = e.person_id
        WHERE e.campaign_id = $1 AND p.source IN ('signup', 'embed') AND (p.confirmed_at IS NULL OR e.at < p.confirmed_at)`,
    );
    expect(early.n).toBe(0);
    const versions = await q<{ wording_version: string }>(
      'SELECT DISTINCT wording_version FROM consent_events WHERE campaign_id = $1 ORDER BY 1',
    );
    expect(versions.map((v) => v.wording_version)).toContain('fr-2026-11');
    const imported = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM consent_events
        WHERE campaign_id = $1 AND source = 'import'
          AND (import_id IS NULL OR import_id NOT IN (SELECT id FROM imports WHERE campaign_id = $1))`,
    );
    expect(imported.n).toBe(0);
  });

  it('keeps sign-ups and the timeline as the application writes them', async () => {
    const signups = await one<Record<string, number>>(
      `SELECT count(*)::int AS rows,
              count(*) FILTER (WHERE p.source NOT IN ('signup', 'embed'))::int AS wrong_source,
              count(*) FILTER (WHERE (s.confirmed_at IS NULL) <> (p.confirmed_at IS NULL))::int AS mismatch
         FROM signups s JOIN people p ON p.campaign_id = s.campaign_id AND p.id = s.person_id
        WHERE s.campaign_id = $1`,
    );
    expect(signups).toEqual({ rows: 400, wrong_source: 0, mismatch: 0 });

    const [web] = await q<{ id: number }>(
      `SELECT p.id FROM people p WHERE p.campaign_id = $1 AND p.source = 'signup' AND p.consent_email AND p.recruited_by IS NOT NULL
        ORDER BY p.id LIMIT 1`,
    );
    const detail = await personDetail(t.ctx, Number(web.id));
    const kinds = detail.timeline.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['signup', 'confirmed', 'consent']));
    expect(detail.recruitedBy).not.toBeNull();

    // Nothing seeded is old enough and unconfirmed enough for the nightly purge to remove.
    expect(await purgeUnconfirmed(t.ctx)).toEqual({ signups: 0, people: 0 });
  });

  it('tags people, saves segments that match someone, and sets the home page', async () => {
    const tags = await q<{ name: string; n: number }>(
      `SELECT t.name, count(pt.person_id)::int AS n
         FROM tags t JOIN person_tags pt ON pt.campaign_id = t.campaign_id AND pt.tag_id = t.id
        WHERE t.campaign_id = $1 GROUP BY t.name ORDER BY n DESC`,
    );
    const byName = Object.fromEntries(tags.map((r) => [r.name, r.n]));
    expect(byName['bénévole']).toBeGreaterThan(25);
    expect(byName['porte-à-porte']).toBeGreaterThan(5);
    expect(byName['jeunes']).toBeGreaterThan(10);

    const segments = await q<{ id: number; name: string }>(
      'SELECT id, name FROM segments WHERE campaign_id = $1',
    );
    expect(segments.map((s) => s.name).sort()).toEqual([
      'Bénévoles Île-de-France',
      'Lyon – consentement SMS',
      'Non confirmés récents',
      'Venus après le débat télévisé',
    ]);
    for (const name of ['Non confirmés récents', 'Venus après le débat télévisé']) {
      const segment = segments.find((s) => s.name === name)!;
      const page = await listPeople(t.ctx, peopleQuerySchema.parse({ segmentId: segment.id }));
      expect(page.total, name).toBeGreaterThan(0);
    }

    const site = await readPublicSite(t.ctx.database, t.ctx.campaignId);
    expect(site.home.title).toBe('Campagne 2027 — Ensemble pour nos territoires');
  });

  it('seeds door-to-door through the field’s own imports, targeting, turfs and visits', async () => {
    const { field } = seeded;
    expect(field.communes).toBeGreaterThanOrEqual(1);
    const imports = (await listFieldImports(t.ctx)).items;
    expect(imports.map((i) => [i.kind, i.status])).toEqual([
      ['electoral_list', 'succeeded'],
      ['addresses', 'succeeded'],
      ['reu', 'succeeded'],
      ['results', 'succeeded'],
    ]);
    const [list, addresses, reu, results] = imports;
    // The electoral list: every elector at a demo door, in a station the REU table knows.
    expect(list.counts).toMatchObject({ stored: field.electors, skipped: 0, stationsUnknown: 0 });
    expect(field.electors).toBeGreaterThan(field.addresses);
    expect(list.counts.tiedToAddress).toBe(field.electors);
    expect(results.counts).toMatchObject({ stored: field.stations, skipped: 0, candidates: 8 });
    expect(reu.counts).toMatchObject({ stations: field.stations, skipped: 0 });
    expect(addresses.counts).toMatchObject({ stored: field.addresses, skipped: 0, unlinked: 0 });
    expect(field.addresses).toBeGreaterThan(1000);
    expect(addresses.counts.linkedByReu / field.addresses).toBeGreaterThan(0.85);
    // HQ prepared the door-to-door before the canvassing of the last ten days.
    for (const i of imports) expect(Date.parse(i.createdAt)).toBeLessThan(started - 10 * DAY);

    expect(await targetingOf(t.ctx)).toMatchObject({
      choice: { kind: 'candidate', panel: DEMO_CANDIDATE_PANEL },
      formula: DEFAULT_PRIORITY_FORMULA,
    });
    const stations = (await stationPriorities(t.ctx, { limit: 1000 })).items;
    expect(stations).toHaveLength(field.stations);
    expect(stations.every((s) => s.placedBy === 'reu' && s.doors > 0 && s.votes > 0)).toBe(true);

    const areas = (await listAreas(t.ctx)).items;
    expect(areas).toHaveLength(field.communes);
    expect(areas.reduce((sum, area) => sum + area.turfCount, 0)).toBe(field.turfs);
    const turfs = await q<{
      door_count: number;
      committee_commune: string | null;
      communes: string[];
      volunteer_communes: string[];
    }>(
      `SELECT t.door_count, c.commune_code AS committee_commune,
              (SELECT array_agg(DISTINCT a.commune_code) FROM field_turf_addresses ta
                 JOIN field_addresses a ON a.campaign_id = ta.campaign_id AND a.id = ta.address_id
                WHERE ta.campaign_id = t.campaign_id AND ta.turf_id = t.id) AS communes,
              (SELECT coalesce(array_agg(p.commune_code), '{}') FROM field_turf_assignees x
                 JOIN people p ON p.campaign_id = x.campaign_id AND p.id = x.person_id
                WHERE x.campaign_id = t.campaign_id AND x.turf_id = t.id) AS volunteer_communes
         FROM field_turfs t LEFT JOIN committees c ON c.campaign_id = t.campaign_id AND c.id = t.committee_id
        WHERE t.campaign_id = $1`,
    );
    expect(turfs).toHaveLength(field.turfs);
    for (const turf of turfs) {
      // Each turf lies in one commune, given to that commune's committee or its volunteers.
      expect(turf.communes).toHaveLength(1);
      if (turf.committee_commune) expect(turf.committee_commune).toBe(turf.communes[0]);
      for (const commune of turf.volunteer_communes) expect(commune).toBe(turf.communes[0]);
      expect(turf.door_count).toBeGreaterThanOrEqual(30);
      expect(turf.door_count).toBeLessThanOrEqual(88);
    }
    const inBounds = turfs.filter((turf) => turf.door_count >= 60 && turf.door_count <= 80);
    expect(inBounds.length / turfs.length).toBeGreaterThan(0.8);
    expect(turfs.filter((turf) => turf.committee_commune).length).toBe(field.turfsForCommittees);
    expect(turfs.filter((turf) => turf.volunteer_communes.length).length).toBe(
      field.turfsForVolunteers,
    );
    expect(field.turfsForCommittees).toBeGreaterThan(0);
    expect(field.turfsForVolunteers).toBeGreaterThan(0);

    const progress = await fieldProgress(t.ctx, {});
    expect(progress).toMatchObject({
      visits: field.visits,
      conversations: field.conversations,
      contacts: field.contacts,
    });
    expect(field.visits).toBeGreaterThan(100);
    expect(field.conversations).toBeGreaterThan(10);
    expect(field.contacts).toBeGreaterThan(0);
    expect(progress.support.length).toBeGreaterThan(0);
    expect(progress.answers.map((a) => a.questionId)).toContain('main_concern');
    const [questionnaire] = (await listQuestionnaires(t.ctx)).items;
    expect(questionnaire.answered).toBeGreaterThan(0);

    const visits = await one<{ first: string; last: string; strangers: number }>(
      `SELECT min(v.visited_at)::text AS first, max(v.visited_at)::text AS last,
              count(*) FILTER (WHERE p.id IS NULL OR p.source = 'door_to_door')::int AS strangers
         FROM field_visits v
         LEFT JOIN people p ON p.campaign_id = v.campaign_id AND p.id = v.volunteer_person_id
        WHERE v.campaign_id = $1`,
    );
    expect(Date.parse(visits.first)).toBeGreaterThan(started - 11 * DAY);
    expect(Date.parse(visits.last)).toBeLessThan(started);
    expect(visits.strangers).toBe(0);
    // Residents who left their contact are people, with the consents they gave at the door.
    const met = await one<{ people: number; consents: number }>(
      `SELECT (SELECT count(*)::int FROM people WHERE campaign_id = $1 AND source = 'door_to_door') AS people,
              (SELECT count(*)::int FROM consent_events WHERE campaign_id = $1 AND source = 'door_to_door') AS consents`,
    );
    expect(met.people).toBe(field.contacts);
    expect(met.consents).toBeGreaterThan(0);
  });

  const tables = [
    'people',
    'signups',
    'consent_events',
    'person_events',
    'person_tags',
    'tags',
    'segments',
    'imports',
    'field_imports',
    'field_station_results',
    'field_addresses',
    'field_turfs',
    'field_turf_assignees',
    'field_visits',
  ];
  /** How many rows each seeded table holds for a campaign. */
  const count = async (campaignId: number) =>
    Object.fromEntries(
      await Promise.all(
        tables.map(async (table) => {
          const [row] = await t.ctx.database.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM ${table} WHERE campaign_id = $1`,
            [campaignId],
          );
          return [table, row.n] as const;
        }),
      ),
    );

  it('runs again without failing or duplicating anything', async () => {
    const before = await count(t.ctx.campaignId);
    const again = await seedDemo(t.ctx, { people: 500 });
    expect(again).toMatchObject({ people: 500, segments: 4, alreadySeeded: true });
    expect(again.field).toEqual(seeded.field);
    expect(await count(t.ctx.campaignId)).toEqual(before);
  });

  it('seeds another campaign of the same database on its own', async () => {
    const first = await count(t.ctx.campaignId);
    const other = await createCampaign(t.ctx.database, 'Autre démo');
    const result = await seedDemo(forCampaign(t.ctx, other.id), { people: 200 });
    expect(result).toMatchObject({ people: 200, segments: 4, alreadySeeded: false });
    const second = await count(other.id);
    // Residents who gave their contact at a door are people too.
    expect(second).toMatchObject({ people: 200 + result.field.contacts, segments: 4 });
    // The same seed gives the same addresses: unique within each campaign, not renamed.
    const [shared] = await t.ctx.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM people a JOIN people b ON b.email_normalized = a.email_normalized
        WHERE a.campaign_id = $1 AND b.campaign_id = $2`,
      [t.ctx.campaignId, other.id],
    );
    expect(shared.n).toBeGreaterThan(100);
    expect(await count(t.ctx.campaignId)).toEqual(first);
    const otherSite = await readPublicSite(t.ctx.database, other.id);
    expect(otherSite.home.title).toBe('Campagne 2027 — Ensemble pour nos territoires');
  });

  it('canvasses where its supporters live when no committee has started yet', async () => {
    const small = await createCampaign(t.ctx.database, 'Petite démo');
    const result = await seedDemo(forCampaign(t.ctx, small.id), { people: 40 });
    expect(result).toMatchObject({ committees: 0, field: { turfsForCommittees: 0 } });
    expect(result.field.communes).toBeGreaterThan(0);
    expect(result.field.turfs).toBeGreaterThan(0);
  });

  it('refuses a nonsensical size', async () => {
    await expect(seedDemo(t.ctx, { people: 0 })).rejects.toThrow(/--people/);
    await expect(seedDemo(t.ctx, { people: Number.NaN })).rejects.toThrow(/--people/);
  });
});
