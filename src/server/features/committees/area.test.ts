import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitteeAreaForEdit, Position } from '../../../contracts/committee-area.ts';
import type { Committee } from '../../../contracts/committees.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { areaCovers, areaOf, committeesCovering } from './area.ts';

interface Problem {
  code: string;
  detail?: string;
  maxKm2?: number;
  errors?: Array<{ field: string; code: string }>;
}

const polygon = (ring: Position[]) => ({ type: 'Polygon', coordinates: [ring] });

/**
 * A U around Lyon: open to the north, its notch (longitude 4.75–4.90, latitude 45.75–45.85)
 * outside though inside the bounding box. Oullins' centre is in its base, Villeurbanne's in
 * the notch.
 */
const U: Position[] = [
  [4.7, 45.7],
  [4.95, 45.7],
  [4.95, 45.85],
  [4.9, 45.85],
  [4.9, 45.75],
  [4.75, 45.75],
  [4.75, 45.85],
  [4.7, 45.85],
  [4.7, 45.7],
];

describe.each(engines)('committee areas on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let n = 0;

  const supporter = () => {
    n += 1;
    return supporterBrowser(t, `area-${n}@committees.example`, { firstName: 'Aude' });
  };
  const create = async (browser: Browser, name: string, place: Record<string, string>) => {
    const response = await browser.post('/api/committees', { name, place });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as Committee).id;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'staff@areas.example', ['staff']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is the commune by default, then communes, then a drawn polygon, then the commune again', async () => {
    const { browser } = await supporter();
    const id = await create(browser, 'Comité Presqu’île', { postalCode: '69001' });
    const initial = (
      await browser.get(`/api/committees/${id}/area`)
    ).json() as CommitteeAreaForEdit;
    expect(initial).toMatchObject({
      kind: 'commune',
      communes: [{ code: '69123', name: 'Lyon', departementCode: '69' }],
      polygon: null,
      areaKm2: null,
      around: '69001 Lyon',
      updatedAt: null,
      limits: { communes: 200, vertices: 2000, areaKm2: 10_000 },
    });
    expect(initial.communes[0]!.lat).toBeCloseTo(45.75, 1);
    expect(initial.landmarks.map((l) => l.name)).toEqual(
      expect.arrayContaining(['Lyon', 'Villeurbanne']),
    );

    const communes = await browser.put(`/api/committees/${id}/area`, {
      kind: 'communes',
      communes: ['69266', '69123', '69266', '2a004'],
    });
    expect(communes.statusCode, communes.body).toBe(200);
    expect((communes.json() as CommitteeAreaForEdit).communes.map((c) => c.name)).toEqual([
      'Villeurbanne',
      'Lyon',
      'Ajaccio',
    ]);

    const drawn = await browser.put(`/api/committees/${id}/area`, {
      kind: 'polygon',
      polygon: polygon(U),
    });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const area = drawn.json() as CommitteeAreaForEdit;
    expect(area).toMatchObject({ kind: 'polygon', communes: [], polygon: polygon(U) });
    expect(area.areaKm2).toBeGreaterThan(150);
    expect(area.areaKm2).toBeLessThan(250);
    expect((await areaOf(t.ctx, id)).kind).toBe('polygon');

    const back = await browser.put(`/api/committees/${id}/area`, { kind: 'commune' });
    expect((back.json() as CommitteeAreaForEdit).communes.map((c) => c.code)).toEqual(['69123']);
    const rows = await t.ctx.database.query(
      'SELECT 1 FROM committee_areas WHERE campaign_id = $1 AND committee_id = $2',
      [t.ctx.campaignId, id],
    );
    expect(rows).toEqual([]);
    const audited = await t.ctx.database.query<{ details: { kind: string } }>(
      "SELECT details FROM audit_log WHERE campaign_id = $1 AND action = 'committees.area.update' AND target = $2 ORDER BY id",
      [t.ctx.campaignId, `committee:${id}`],
    );
    expect(audited.map((row) => row.details.kind)).toEqual(['communes', 'polygon', 'commune']);
  });

  it('finds the committees covering a point or a commune: a concave polygon, communes, the default', async () => {
    const { browser: a } = await supporter();
    const { browser: b } = await supporter();
    const { browser: c } = await supporter();
    const drawn = await create(a, 'Comité du U', { postalCode: '69600' });
    const chosen = await create(b, 'Comité des communes', { postalCode: '13001' });
    const ownCommune = await create(c, 'Comité Villeurbanne', { postalCode: '69100' });
    await a.put(`/api/committees/${drawn}/area`, { kind: 'polygon', polygon: polygon(U) });
    await b.put(`/api/committees/${chosen}/area`, {
      kind: 'communes',
      communes: ['69266', '13055'],
    });

    const at = (lng: number, lat: number) => committeesCovering(t.ctx, { point: { lat, lng } });
    expect(await at(4.83, 45.72)).toEqual([drawn]); // the U's base
    expect(await at(4.72, 45.8)).toEqual([drawn]); // its left arm
    expect(await at(4.83, 45.8)).toEqual([]); // the notch: inside the box, outside the U
    expect(await at(5.2, 45.72)).toEqual([]);

    // Villeurbanne: its own committee and the one that chose it; its centre is in the notch.
    expect(await committeesCovering(t.ctx, { commune: '69266' })).toEqual([chosen, ownCommune]);
    // Oullins: only the U holds its centre.
    expect(await committeesCovering(t.ctx, { commune: '69149' })).toEqual([drawn]);
    // An address in Villeurbanne at a point in the U's right arm.
    expect(
      await committeesCovering(t.ctx, { commune: '69266', point: { lat: 45.8, lng: 4.92 } }),
    ).toEqual([drawn, chosen, ownCommune]);
    expect(await areaCovers(t.ctx, chosen, { commune: '13055' })).toBe(true);
    expect(await areaCovers(t.ctx, chosen, { commune: '13001' })).toBe(false);
    expect(await areaCovers(t.ctx, drawn, { point: { lat: 45.8, lng: 4.83 } })).toBe(false);

    // A committee taken down covers nothing for the others.
    await t.ctx.database.query(
      "UPDATE committees SET status = 'unpublished' WHERE campaign_id = $1 AND id = $2",
      [t.ctx.campaignId, drawn],
    );
    expect(await at(4.83, 45.72)).toEqual([]);
    await t.ctx.database.query(
      "UPDATE committees SET status = 'published' WHERE campaign_id = $1 AND id = $2",
      [t.ctx.campaignId, drawn],
    );

    // The bounding-box index answers the point search (GiST cannot index polygon @> point).
    const plan = await t.ctx.database.transaction(async (query) => {
      await query('SET LOCAL enable_seqscan = off');
      return query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT committee_id FROM committee_areas
          WHERE campaign_id = $1 AND bbox @> box(point(4.83, 45.72), point(4.83, 45.72))
            AND polygon @> point(4.83, 45.72)`,
        [t.ctx.campaignId],
      );
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('committee_areas_bbox_idx');
    const communePlan = await t.ctx.database.transaction(async (query) => {
      await query('SET LOCAL enable_seqscan = off');
      return query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT committee_id FROM committee_areas WHERE communes @> ARRAY['69266']`,
      );
    });
    expect(communePlan.map((row) => row['QUERY PLAN']).join('\n')).toContain(
      'committee_areas_communes_idx',
    );
  });

  it('refuses bad areas with a stable code, changing nothing', async () => {
    const { browser } = await supporter();
    const id = await create(browser, 'Comité Gerland', { postalCode: '69007' });
    await browser.put(`/api/committees/${id}/area`, { kind: 'communes', communes: ['69123'] });
    const before = (await browser.get(`/api/committees/${id}/area`)).json();
    const refused = async (body: unknown, code: string) => {
      const response = await browser.put(`/api/committees/${id}/area`, body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json() as Problem;
      expect([problem.code, ...(problem.errors ?? []).map((e) => e.code)]).toContain(code);
      return problem;
    };
    const square = (size: number): Position[] => [
      [4.8, 45.7],
      [4.8 + size, 45.7],
      [4.8 + size, 45.7 + size],
      [4.8, 45.7 + size],
      [4.8, 45.7],
    ];
    await refused(
      { kind: 'polygon', polygon: polygon(square(0.1).slice(0, 4)) },
      'polygon_not_closed',
    );
    await refused(
      {
        kind: 'polygon',
        polygon: polygon([
          [4.8, 45.7],
          [4.9, 45.7],
          [4.8, 45.7],
        ]),
      },
      'polygon_vertices',
    );
    const many: Position[] = Array.from({ length: 2001 }, (_, i) => [
      4.8 + 0.1 * Math.cos((2 * Math.PI * i) / 2001),
      45.7 + 0.1 * Math.sin((2 * Math.PI * i) / 2001),
    ]);
    await refused({ kind: 'polygon', polygon: polygon([...many, many[0]!]) }, 'polygon_vertices');
    const bowtie: Position[] = [
      [4.8, 45.7],
      [4.9, 45.8],
      [4.9, 45.7],
      [4.8, 45.8],
      [4.8, 45.7],
    ];
    await refused({ kind: 'polygon', polygon: polygon(bowtie) }, 'polygon_self_intersecting');
    await refused({ kind: 'polygon', polygon: { type: 'Polygon', coordinates: [] } }, 'required');
    await refused(
      { kind: 'polygon', polygon: { type: 'Polygon', coordinates: [[null, [4.8, 45.7]]] } },
      'invalid_type',
    );
    await refused(
      { kind: 'polygon', polygon: { type: 'Polygon', coordinates: [square(0.1), square(0.05)] } },
      'polygon_holes',
    );
    await refused(
      {
        kind: 'polygon',
        polygon: polygon([
          [4.8, 45.7],
          [190, 45.7],
          [4.9, 95],
          [4.8, 45.7],
        ]),
      },
      'out_of_range',
    );
    const large = await refused(
      { kind: 'polygon', polygon: polygon(square(1.5)) },
      'area_too_large',
    );
    expect(large.maxKm2).toBe(10_000);
    expect(large.detail).toMatch(/at most 10,000 km²/);
    const unknown = await refused(
      { kind: 'communes', communes: ['69123', '99999'] },
      'unknown_communes',
    );
    expect(unknown.errors).toEqual([
      expect.objectContaining({ field: 'communes.1', code: 'unknown_commune_code' }),
    ]);
    await refused({ kind: 'communes', communes: ['lyon'] }, 'invalid_commune_code');
    await refused({ kind: 'communes', communes: [] }, 'required');
    const tooMany = Array.from({ length: 201 }, (_, i) => `01${String(i + 1).padStart(3, '0')}`);
    await refused({ kind: 'communes', communes: tooMany }, 'too_many_communes');
    await refused({ kind: 'circle' }, 'invalid_union');

    expect((await browser.get(`/api/committees/${id}/area`)).json()).toEqual(before);
    const audited = await t.ctx.database.query(
      "SELECT 1 FROM audit_log WHERE campaign_id = $1 AND action = 'committees.area.update' AND target = $2",
      [t.ctx.campaignId, `committee:${id}`],
    );
    expect(audited.length).toBe(1);
  });

  it('is read and set by its organisers, managers and staff; not by members or other organisers', async () => {
    const { browser: organiser } = await supporter();
    const { browser: other } = await supporter();
    const { browser: member, personId: memberId } = await supporter();
    const id = await create(organiser, 'Comité Croix-Rousse', { postalCode: '69004' });
    const otherId = await create(other, 'Comité Confluence', { postalCode: '69002' });
    await member.put(`/api/committees/${id}/membership`, { as: 'member' });
    const body = { kind: 'communes', communes: ['69123'] };

    expect((await other.get(`/api/committees/${id}/area`)).statusCode).toBe(403);
    expect((await other.put(`/api/committees/${id}/area`, body)).statusCode).toBe(403);
    expect((await other.put(`/api/committees/${otherId}/area`, body)).statusCode).toBe(200);
    expect((await member.put(`/api/committees/${id}/area`, body)).statusCode).toBe(403);
    expect((await new Browser(t.app).get(`/api/committees/${id}/area`)).statusCode).toBe(401);
    expect((await areaOf(t.ctx, id)).kind).toBe('commune');

    await organiser.put(`/api/committees/${id}/members/${memberId}`, { rank: 'manager' });
    expect((await member.put(`/api/committees/${id}/area`, body)).statusCode).toBe(200);
    const byStaff = await staff.put(`/api/committees/${id}/area`, {
      kind: 'polygon',
      polygon: polygon(U),
    });
    expect(byStaff.statusCode, byStaff.body).toBe(200);
    expect((await staff.get('/api/committees/999999/area')).statusCode).toBe(404);
  });

  it('shows the area on the public page: communes by name, or a drawn area around the place', async () => {
    const { browser } = await supporter();
    const id = await create(browser, 'Comité Part-Dieu', { postalCode: '69003' });
    const anonymous = new Browser(t.app, '10.30.0.1');
    expect((await anonymous.get(`/committees/${id}`)).body).toMatch(/Secteur.*Lyon/s);
    await browser.put(`/api/committees/${id}/area`, {
      kind: 'communes',
      communes: ['69266', '69123'],
    });
    const page = (await anonymous.get(`/committees/${id}`)).body;
    expect(page).toMatch(/Secteur<\/strong>\s*<span>Villeurbanne et Lyon<\/span>/);
    await browser.put(`/api/committees/${id}/area`, { kind: 'polygon', polygon: polygon(U) });
    expect((await anonymous.get(`/committees/${id}`)).body).toContain(
      'Une zone dessinée autour de 69003 Lyon',
    );
    expect((await anonymous.get(`/committees/${id}?lang=en`)).body).toContain(
      'An area drawn around 69003 Lyon',
    );
  });
});
