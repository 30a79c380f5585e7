import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  signupBody,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { peopleQuerySchema } from '../../../contracts/people.ts';
import { forCampaign, type AppContext } from '../../core/context.ts';
import { createCampaign } from '../../core/campaigns/service.ts';
import { recruitmentStats } from '../recruitment/stats.ts';
import { buildSearchText } from './normalize.ts';
import { importReport, runImport, storeImport } from './import/service.ts';
import { parseOptions } from './import/upload.ts';
import { COUNT_CAP, listPeople, personDetail, segmentsWithCounts } from './queries.ts';
import { createSegment, listSegments } from './segments.ts';
import { bulkTag } from './tags.ts';

interface Problem {
  status: number;
  code: string;
  errors?: Array<{ field: string; code: string }>;
}
interface PeoplePage {
  items: Array<{ id: number; tags: string[]; lastName: string | null }>;
  total: number;
  totalIsEstimate: boolean;
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
}
interface Detail {
  id: number;
  communeCode: string | null;
  recruitedBy: { id: number; name: string } | null;
  recruitedCount: number;
  confirmedAt: string | null;
  tags: string[];
  timeline: Array<{ kind: string; data: Record<string, unknown>; actorName: string | null }>;
}

describe.each(engines)('people at HQ on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let staffId: number;
  /** The known data set: ids by role. */
  const p = { eloise: 0, marc: 0, zoe: 0, paul: 0 };
  let dataset: number[] = [];

  /** Raw SQL on the test app's campaign: `$1` is its id, the given parameters follow. */
  const inCampaign = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    t.ctx.database.query<T>(text, [t.ctx.campaignId, ...params]);
  const setCreatedAt = (id: number, at: string) =>
    inCampaign('UPDATE people SET created_at = $3 WHERE campaign_id = $1 AND id = $2', [id, at]);

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'staff@people.example', ['staff']);
    staffId = (await staff.session()).me!.personId;

    p.eloise = await signupAndConfirm(t, {
      email: 'p1@hq.example',
      firstName: 'Éloïse',
      lastName: 'Lefèvre',
      phone: '06 12 34 56 78',
      postalCode: '69001',
      consents: { email: true, sms: false, phone: false },
    });
    const [{ recruit_code: eloiseCode }] = await inCampaign<{ recruit_code: string }>(
      'SELECT recruit_code FROM people WHERE campaign_id = $1 AND id = $2',
      [p.eloise],
    );
    p.marc = await signupAndConfirm(t, {
      email: 'p2@hq.example',
      firstName: 'Marc',
      lastName: 'Dupont',
      phone: '07 11 22 33 44',
      postalCode: '13001',
      consents: { email: false, sms: true, phone: false },
      source: 'embed',
    });
    p.zoe = await signupAndConfirm(t, {
      email: 'p3@hq.example',
      firstName: 'Zoé',
      lastName: 'Martin',
      postalCode: '42000',
      consents: { email: false, sms: false, phone: true },
      ref: eloiseCode,
    });
    const pending = await new Browser(t.app).post(
      '/api/signup',
      signupBody({
        email: 'p4@hq.example',
        firstName: 'Paul',
        lastName: 'Attente',
        postalCode: '75001',
      }),
    );
    expect(pending.statusCode).toBe(200);
    [{ id: p.paul }] = await inCampaign<{ id: number }>(
      "SELECT id FROM people WHERE campaign_id = $1 AND email_normalized = 'p4@hq.example'",
    );
    // Creation times straddling midnight in Paris (UTC+1 in March).
    await setCreatedAt(p.marc, '2024-03-10T12:00:00Z');
    await setCreatedAt(p.eloise, '2024-03-10T23:30:00Z'); // 11 March, 00:30 in Paris
    await setCreatedAt(p.zoe, '2024-03-12T08:00:00Z');
    dataset = [p.eloise, p.marc, p.zoe, p.paul, staffId];
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (query: string) => {
    const response = await staff.get(`/api/people?pageSize=200&${query}`);
    expect(response.statusCode, `${query}: ${response.body}`).toBe(200);
    return response.json() as PeoplePage;
  };
  /** Which people of the data set a query returns, in the data set's order. */
  const ids = async (query: string) => {
    const found = new Set((await list(query)).items.map((i) => i.id));
    return dataset.filter((id) => found.has(id));
  };

  describe('search', () => {
    it('ignores accents and case in names', async () => {
      expect(await ids('q=eloise')).toEqual([p.eloise]);
      expect(await ids('q=LEFEVRE')).toEqual([p.eloise]);
      expect(await ids(`q=${encodeURIComponent('éloïse lefèvre')}`)).toEqual([p.eloise]);
      expect(await ids('q=zoe')).toEqual([p.zoe]);
    });

    it('finds by email, whole or part', async () => {
      expect(await ids('q=p2%40hq.example')).toEqual([p.marc]);
      expect(await ids('q=P2%40HQ')).toEqual([p.marc]);
      expect(await ids('q=hq.example')).toEqual([p.eloise, p.marc, p.zoe, p.paul]);
    });

    it('finds by phone in national or international format', async () => {
      expect(await ids(`q=${encodeURIComponent('06 12 34 56 78')}`)).toEqual([p.eloise]);
      expect(await ids(`q=${encodeURIComponent('+33 6 12 34 56 78')}`)).toEqual([p.eloise]);
      expect(await ids('q=0711223344')).toEqual([p.marc]);
      expect(await ids('q=06.12.34.56.78')).toEqual([p.eloise]);
      // The beginning of a number, typed with spaces, finds it too.
      expect(await ids(`q=${encodeURIComponent('06 12 34')}`)).toEqual([p.eloise]);
      expect(await ids(`q=${encodeURIComponent('+33 7 11 22')}`)).toEqual([p.marc]);
    });

    it('finds by commune name', async () => {
      expect(await ids('q=saint-etienne')).toEqual([p.zoe]);
      expect(await ids(`q=${encodeURIComponent('Saint-Étienne')}`)).toEqual([p.zoe]);
      expect(await ids('q=Marseille')).toEqual([p.marc]);
    });

    it('matches the parts of a hyphenated term, and words too short for the index', async () => {
      expect(await ids('q=etienne-saint')).toEqual([p.zoe]);
      expect(await ids(`q=${encodeURIComponent('marseille 13')}`)).toEqual([p.marc]);
      expect(await ids(`q=${encodeURIComponent('marseille zz')}`)).toEqual([]);
    });

    it('treats LIKE wildcards as plain characters', async () => {
      expect(await ids('q=%25')).toEqual([]);
      expect(await ids('q=p_%40hq')).toEqual([]);
      expect(await ids('q=nobody-has-this')).toEqual([]);
    });
  });

  describe('pagination', () => {
    it('pages people of several départements in creation order, either way', async () => {
      const walk = async (query: string) => {
        const seen: number[] = [];
        for (const page of [1, 2, 3, 4, 5]) {
          const body = (
            await staff.get(`/api/people?${query}&pageSize=1&page=${page}`)
          ).json() as PeoplePage;
          seen.push(...body.items.map((i) => i.id));
        }
        return seen;
      };
      const newestFirst = [p.paul, p.zoe, p.eloise, p.marc];
      expect(await walk('departementCodes=13,42,69,75')).toEqual(newestFirst);
      expect(await walk('departementCodes=75,69,42,13&sort=created_asc')).toEqual(
        [...newestFirst].reverse(),
      );
      expect(await walk('departementCodes=13,42,69&q=hq.example')).toEqual([
        p.zoe,
        p.eloise,
        p.marc,
      ]);
    });

    it('pages through a search without gaps or repeats', async () => {
      const pages: number[][] = [];
      for (const page of [1, 2]) {
        const result = await staff.get(
          `/api/people?q=hq.example&pageSize=3&page=${page}&sort=created_asc`,
        );
        const body = result.json() as PeoplePage;
        expect(body).toMatchObject({ total: 4, totalIsEstimate: false, page, pageSize: 3 });
        pages.push(body.items.map((i) => i.id));
      }
      expect(pages).toEqual([[p.marc, p.eloise, p.zoe], [p.paul]]);
      const beyond = (
        await staff.get('/api/people?q=hq.example&pageSize=3&page=3')
      ).json() as PeoplePage;
      expect(beyond.items).toEqual([]);
      expect(beyond.total).toBe(4);
    });

    it('sorts newest first by default, or by name', async () => {
      expect((await list('q=hq.example')).items.map((i) => i.id)).toEqual([
        p.paul,
        p.zoe,
        p.eloise,
        p.marc,
      ]);
      expect((await list('q=hq.example&sort=name_asc')).items.map((i) => i.lastName)).toEqual([
        'Attente',
        'Dupont',
        'Lefèvre',
        'Martin',
      ]);
    });

    it('pages an unfiltered list with an exact total', async () => {
      const first = (await staff.get('/api/people?pageSize=2')).json() as PeoplePage;
      const all = await list('');
      expect(first.items).toHaveLength(2);
      expect(first.total).toBe(all.total);
      expect(all.items).toHaveLength(all.total);
      expect(all.total).toBeGreaterThanOrEqual(dataset.length);
    });
  });

  describe('filters', () => {
    it('filters by commune and département', async () => {
      expect(await ids('communeCodes=69123')).toEqual([p.eloise]);
      expect(await ids('communeCodes=69123,13055')).toEqual([p.eloise, p.marc]);
      expect(await ids('communeCodes=69123&communeCodes=42218')).toEqual([p.eloise, p.zoe]);
      expect(await ids('departementCodes=42')).toEqual([p.zoe]);
      expect(await ids('departementCodes=13,42,75')).toEqual([p.marc, p.zoe, p.paul]);
    });

    it('filters by consent per channel', async () => {
      expect(await ids('consentEmail=yes')).toEqual([p.eloise]);
      expect(await ids('consentEmail=no')).toEqual([p.marc, p.zoe, p.paul, staffId]);
      expect(await ids('consentSms=yes')).toEqual([p.marc]);
      expect(await ids('consentPhone=yes')).toEqual([p.zoe]);
      expect(await ids('consentPhone=no&consentSms=no')).toEqual([p.eloise, p.paul, staffId]);
    });

    it('filters by confirmation', async () => {
      expect(await ids('confirmed=no')).toEqual([p.paul]);
      expect(await ids('confirmed=yes')).toEqual([p.eloise, p.marc, p.zoe, staffId]);
    });

    it('filters by source and recruiter', async () => {
      expect(await ids('sources=embed')).toEqual([p.marc]);
      expect(await ids('sources=staff')).toEqual([staffId]);
      expect(await ids('sources=signup,embed')).toEqual([p.eloise, p.marc, p.zoe, p.paul]);
      expect(await ids(`recruitedBy=${p.eloise}`)).toEqual([p.zoe]);
      expect(await ids(`recruitedBy=${p.marc}`)).toEqual([]);
    });

    it('filters by creation date, in the campaign time zone', async () => {
      expect(await ids('createdFrom=2024-03-11&createdTo=2024-03-11')).toEqual([p.eloise]);
      expect(await ids('createdTo=2024-03-10')).toEqual([p.marc]);
      expect(await ids('createdFrom=2024-03-10&createdTo=2024-03-12')).toEqual([
        p.eloise,
        p.marc,
        p.zoe,
      ]);
      expect(await ids('createdFrom=2024-03-12')).toEqual([p.zoe, p.paul, staffId]);
    });

    it('combines filters and search with AND', async () => {
      expect(await ids('departementCodes=13,42&consentSms=yes')).toEqual([p.marc]);
      expect(await ids('q=hq.example&confirmed=yes&createdFrom=2024-03-11')).toEqual([
        p.eloise,
        p.zoe,
      ]);
      expect(await ids('q=marseille&departementCodes=42')).toEqual([]);
    });

    it('refuses bad query parameters with field errors', async () => {
      const cases: Array<[string, string]> = [
        ['pageSize=10000', 'pageSize'],
        ['pageSize=0', 'pageSize'],
        ['page=0', 'page'],
        ['sort=random', 'sort'],
        ['consentEmail=maybe', 'consentEmail'],
        ['confirmed=1', 'confirmed'],
        ['createdFrom=2024-13-01', 'createdFrom'],
        ['recruitedBy=abc', 'recruitedBy'],
        ['segmentId=-1', 'segmentId'],
      ];
      for (const [query, field] of cases) {
        const response = await staff.get(`/api/people?${query}`);
        expect(response.statusCode, query).toBe(400);
        const body = response.json() as Problem;
        expect(body.code).toBe('validation_failed');
        expect(
          body.errors?.map((e) => e.field),
          query,
        ).toContain(field);
      }
    });

    it('refuses days PostgreSQL cannot hold or nobody means, as problems', async () => {
      const cases: Array<[string, string]> = [
        ['createdFrom=0000-01-01', 'createdFrom'],
        ['createdTo=0000-01-01', 'createdTo'],
        ['createdFrom=1800-01-01', 'createdFrom'],
        ['createdTo=2101-01-01', 'createdTo'],
      ];
      for (const [query, field] of cases) {
        const response = await staff.get(`/api/people?${query}`);
        expect(response.statusCode, query).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect((response.json() as Problem).errors, query).toEqual([
          expect.objectContaining({ field, code: 'date_out_of_range' }),
        ]);
      }
      expect(await ids('createdFrom=1900-01-01&createdTo=2100-12-31')).toEqual(dataset);
    });

    it('caps the lists of a filter: how many values, and how long each', async () => {
      const codes = (n: number) => Array.from({ length: n }, (_, i) => String(10000 + i));
      const cases: Array<[string, string, string]> = [
        [`communeCodes=${codes(201).join(',')}`, 'communeCodes', 'too_many'],
        [`communeCodes=${codes(201).join('&communeCodes=')}`, 'communeCodes', 'too_many'],
        ['communeCodes=69123,691230', 'communeCodes.1', 'too_long'],
        ['departementCodes=13,1300', 'departementCodes.1', 'too_long'],
        [`tags=${'t'.repeat(61)}`, 'tags.0', 'too_long'],
        [`sources=${'s'.repeat(61)}`, 'sources.0', 'too_long'],
      ];
      for (const [query, field, code] of cases) {
        const response = await staff.get(`/api/people?${query}`);
        expect(response.statusCode, field).toBe(400);
        expect((response.json() as Problem).errors, field).toEqual([
          expect.objectContaining({ field, code }),
        ]);
      }
      expect(await ids(`communeCodes=${codes(199).join(',')},69123`)).toEqual([p.eloise]);
      expect(await ids(`tags=${'t'.repeat(60)}`)).toEqual([]);
    });
  });

  describe('tags', () => {
    it('adds tags to chosen people, with a timeline entry each', async () => {
      const response = await staff.post('/api/people/tags/bulk', {
        personIds: [p.eloise, p.marc],
        add: ['vip', 'volunteer'],
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ matched: 2 });
      expect(await ids('tags=vip')).toEqual([p.eloise, p.marc]);
      const detail = (await staff.get(`/api/people/${p.marc}`)).json() as Detail;
      expect(detail.tags).toEqual(['vip', 'volunteer']);
      expect(detail.timeline[0]).toMatchObject({
        kind: 'tags',
        data: { added: ['vip', 'volunteer'], removed: [] },
      });
      // Adding the same tag again changes nothing.
      const again = await staff.post('/api/people/tags/bulk', {
        personIds: [p.marc],
        add: ['vip'],
      });
      expect(again.json()).toEqual({ matched: 1 });
      const tags = (await staff.get('/api/tags')).json() as Array<{ name: string; count: number }>;
      expect(tags.find((tag) => tag.name === 'vip')?.count).toBe(2);
    });

    it('tags everyone a filter matches, and removes tags', async () => {
      const response = await staff.post('/api/people/tags/bulk', {
        filter: { departementCodes: ['13', '42'] },
        add: ['south'],
        remove: ['vip'],
      });
      expect(response.json()).toEqual({ matched: 2 });
      expect(await ids('tags=south')).toEqual([p.marc, p.zoe]);
      expect(await ids('tags=vip')).toEqual([p.eloise]);
      expect(await ids('tags=vip,south')).toEqual([p.eloise, p.marc, p.zoe]);
      const zoe = (await staff.get(`/api/people/${p.zoe}`)).json() as Detail;
      expect(zoe.tags).toEqual(['south']);
      expect(zoe.timeline.filter((e) => e.kind === 'tags')).toHaveLength(1);

      const removal = await staff.post('/api/people/tags/bulk', {
        personIds: [p.eloise],
        remove: ['vip'],
      });
      expect(removal.json()).toEqual({ matched: 1 });
      expect(await ids('tags=vip')).toEqual([]);
    });

    it('tags nobody who is not matched, and nobody erased', async () => {
      const none = await staff.post('/api/people/tags/bulk', {
        filter: { departementCodes: ['2A'] },
        add: ['corsica'],
      });
      expect(none.json()).toEqual({ matched: 0 });
      const unknown = await staff.post('/api/people/tags/bulk', {
        personIds: [987654321],
        add: ['ghost'],
      });
      expect(unknown.json()).toEqual({ matched: 0 });
      expect(
        await inCampaign(
          'SELECT 1 FROM person_tags WHERE campaign_id = $1 AND person_id = 987654321',
        ),
      ).toHaveLength(0);
    });

    it('refuses a bulk change without target or without tags', async () => {
      const noTarget = await staff.post('/api/people/tags/bulk', { add: ['x'] });
      expect(noTarget.statusCode).toBe(400);
      expect((noTarget.json() as Problem).code).toBe('no_target');
      const noChange = await staff.post('/api/people/tags/bulk', { personIds: [p.eloise] });
      expect(noChange.statusCode).toBe(400);
      expect((noChange.json() as Problem).code).toBe('no_change');
      const tooLong = await staff.post('/api/people/tags/bulk', {
        personIds: [p.eloise],
        add: ['x'.repeat(61)],
      });
      expect(tooLong.statusCode).toBe(400);
      expect(
        await inCampaign("SELECT 1 FROM tags WHERE campaign_id = $1 AND name = 'x'"),
      ).toHaveLength(0);
    });
  });

  describe('segments', () => {
    let segmentId = 0;

    it('creates a segment and lists it', async () => {
      const response = await staff.post('/api/segments', {
        name: 'South',
        filter: { departementCodes: '13,42' },
      });
      expect(response.statusCode).toBe(200);
      const segment = response.json() as { id: number; name: string; filter: unknown };
      expect(segment).toMatchObject({ name: 'South', filter: { departementCodes: ['13', '42'] } });
      segmentId = segment.id;
      const all = (await staff.get('/api/segments')).json() as Array<{ id: number; name: string }>;
      expect(all).toContainEqual(expect.objectContaining({ id: segmentId, name: 'South' }));
    });

    it('lists each segment with how many people it matches now', async () => {
      const all = (await staff.get('/api/segments')).json() as Array<{ id: number; count: number }>;
      // The same two people the segment's list shows (marc and zoe, below).
      expect(all.find((s) => s.id === segmentId)).toMatchObject({
        count: 2,
        countIsEstimate: false,
      });
    });

    it('lists the people of a segment, narrowed by more filters', async () => {
      expect(await ids(`segmentId=${segmentId}`)).toEqual([p.marc, p.zoe]);
      expect(await ids(`segmentId=${segmentId}&consentSms=yes`)).toEqual([p.marc]);
      expect(await ids(`segmentId=${segmentId}&q=zoe`)).toEqual([p.zoe]);
      // The segment's départements and the list's own narrow each other down.
      expect(await ids(`segmentId=${segmentId}&departementCodes=42,69`)).toEqual([p.zoe]);
      expect(await ids(`segmentId=${segmentId}&departementCodes=69`)).toEqual([]);
      expect((await list(`segmentId=${segmentId}`)).total).toBe(2);
    });

    it('tags the people of a segment', async () => {
      const response = await staff.post('/api/people/tags/bulk', {
        filter: { segmentId },
        add: ['segment-tag'],
      });
      expect(response.json()).toEqual({ matched: 2 });
      expect(await ids('tags=segment-tag')).toEqual([p.marc, p.zoe]);
    });

    it('updates a segment', async () => {
      const response = await staff.put(`/api/segments/${segmentId}`, {
        name: 'Bouches-du-Rhône',
        filter: { departementCodes: ['13'] },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: segmentId, name: 'Bouches-du-Rhône' });
      expect(await ids(`segmentId=${segmentId}`)).toEqual([p.marc]);
    });

    it('refuses a segment built on another segment', async () => {
      const nested = await staff.post('/api/segments', {
        name: 'Nested',
        filter: { segmentId, consentSms: 'yes' },
      });
      expect(nested.statusCode).toBe(400);
      expect((nested.json() as Problem).code).toBe('segment_nesting');
      const nestedUpdate = await staff.put(`/api/segments/${segmentId}`, {
        name: 'Self',
        filter: { segmentId },
      });
      expect((nestedUpdate.json() as Problem).code).toBe('segment_nesting');
      const names = ((await staff.get('/api/segments')).json() as Array<{ name: string }>).map(
        (s) => s.name,
      );
      expect(names).not.toContain('Nested');
      expect(names).toContain('Bouches-du-Rhône');
    });

    it('refuses invalid segments', async () => {
      expect((await staff.post('/api/segments', { name: '', filter: {} })).statusCode).toBe(400);
      const badFilter = await staff.post('/api/segments', {
        name: 'Bad',
        filter: { consentEmail: 'perhaps' },
      });
      expect(badFilter.statusCode).toBe(400);
      expect((badFilter.json() as Problem).errors?.[0].field).toBe('filter.consentEmail');
    });

    it('refuses oversized or out-of-range filters in a body, storing nothing', async () => {
      const segments = async () =>
        await inCampaign<{ id: number; filter: unknown }>(
          'SELECT id, filter FROM segments WHERE campaign_id = $1 ORDER BY id',
        );
      const before = await segments();
      const codes = Array.from({ length: 201 }, (_, i) => String(10000 + i));
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ communeCodes: codes }, 'filter.communeCodes', 'too_many'],
        [{ departementCodes: codes.join(',') }, 'filter.departementCodes', 'too_many'],
        [{ tags: ['ok', 'x'.repeat(61)] }, 'filter.tags.1', 'too_long'],
        [{ createdFrom: '0000-01-01' }, 'filter.createdFrom', 'date_out_of_range'],
      ];
      for (const [filter, field, code] of cases) {
        for (const response of [
          await staff.post('/api/segments', { name: 'Too big', filter }),
          await staff.put(`/api/segments/${segmentId}`, { name: 'Too big', filter }),
          await staff.post('/api/people/tags/bulk', { filter, add: ['never-added'] }),
        ]) {
          expect(response.statusCode, field).toBe(400);
          expect((response.json() as Problem).errors, field).toEqual([
            expect.objectContaining({ field, code }),
          ]);
        }
      }
      expect(await segments()).toEqual(before);
      expect(
        await inCampaign("SELECT 1 FROM tags WHERE campaign_id = $1 AND name = 'never-added'"),
      ).toHaveLength(0);
    });

    it('deletes a segment', async () => {
      const response = await staff.delete(`/api/segments/${segmentId}`);
      expect(response.statusCode).toBe(204);
      const all = (await staff.get('/api/segments')).json() as Array<{ id: number }>;
      expect(all.map((s) => s.id)).not.toContain(segmentId);
      const gone = await staff.get(`/api/people?segmentId=${segmentId}`);
      expect(gone.statusCode).toBe(404);
      expect((await staff.delete(`/api/segments/${segmentId}`)).statusCode).toBe(404);
      const update = await staff.put(`/api/segments/${segmentId}`, { name: 'X', filter: {} });
      expect(update.statusCode).toBe(404);
    });
  });

  describe('person detail', () => {
    it('shows the person, recruiter, recruits and timeline', async () => {
      const zoe = (await staff.get(`/api/people/${p.zoe}`)).json() as Detail;
      expect(zoe).toMatchObject({
        id: p.zoe,
        communeCode: '42218',
        recruitedBy: { id: p.eloise, name: 'Éloïse Lefèvre' },
        recruitedCount: 0,
      });
      expect(zoe.confirmedAt).not.toBeNull();
      const kinds = zoe.timeline.map((e) => e.kind);
      expect(kinds).toEqual(expect.arrayContaining(['signup', 'confirmed', 'consent']));
      expect(zoe.timeline.at(-1)).toMatchObject({ kind: 'signup', data: { source: 'signup' } });
      const eloise = (await staff.get(`/api/people/${p.eloise}`)).json() as Detail;
      expect(eloise).toMatchObject({ recruitedBy: null, recruitedCount: 1 });
      const paul = (await staff.get(`/api/people/${p.paul}`)).json() as Detail;
      expect(paul.confirmedAt).toBeNull();
    });

    it('answers 404 for an unknown person and 400 for a malformed id', async () => {
      const missing = await staff.get('/api/people/987654321');
      expect(missing.statusCode).toBe(404);
      expect((missing.json() as Problem).code).toBe('not_found');
      expect((await staff.get('/api/people/abc')).statusCode).toBe(400);
      expect((await staff.get('/api/people/0')).statusCode).toBe(400);
    });
  });

  describe('recruitment statistics', () => {
    const stats = { r1: 0, r2: 0, s1: 0, s2: 0, s3: 0, s4: 0 };

    beforeAll(async () => {
      stats.r1 = await signupAndConfirm(t, {
        email: 'r1@stats.example',
        firstName: 'Rémi',
        lastName: 'Recruteur',
      });
      stats.r2 = await signupAndConfirm(t, {
        email: 'r2@stats.example',
        firstName: 'Rose',
        lastName: 'Relais',
      });
      const codes = await inCampaign<{ id: number; recruit_code: string }>(
        'SELECT id, recruit_code FROM people WHERE campaign_id = $1 AND id = ANY($2::bigint[])',
        [[stats.r1, stats.r2]],
      );
      const codeOf = (id: number) => codes.find((c) => c.id === id)!.recruit_code;
      stats.s1 = await signupAndConfirm(t, {
        email: 's1@stats.example',
        postalCode: '69001',
        ref: codeOf(stats.r1),
      });
      stats.s2 = await signupAndConfirm(t, {
        email: 's2@stats.example',
        postalCode: '13001',
        ref: codeOf(stats.r1),
      });
      const pending = await new Browser(t.app).post(
        '/api/signup',
        signupBody({ email: 's3@stats.example', postalCode: '13001', ref: codeOf(stats.r1) }),
      );
      expect(pending.statusCode).toBe(200);
      [{ id: stats.s3 }] = await inCampaign<{ id: number }>(
        "SELECT id FROM people WHERE campaign_id = $1 AND email_normalized = 's3@stats.example'",
      );
      stats.s4 = await signupAndConfirm(t, {
        email: 's4@stats.example',
        postalCode: '33000',
        source: 'embed',
        utmSource: 'newsletter',
        ref: codeOf(stats.r2),
      });
      await setCreatedAt(stats.r1, '2024-12-01T10:00:00Z');
      await setCreatedAt(stats.r2, '2024-12-01T10:00:00Z');
      await setCreatedAt(stats.s1, '2025-01-14T22:30:00Z'); // 23:30 on the 14th in Paris
      await setCreatedAt(stats.s2, '2025-01-14T23:30:00Z'); // 00:30 on the 15th in Paris
      await setCreatedAt(stats.s3, '2025-01-15T10:00:00Z');
      await setCreatedAt(stats.s4, '2025-01-16T12:00:00Z');
    });

    it('counts per day in Europe/Paris, by source, by département and by recruiter', async () => {
      const response = await staff.get('/api/stats/recruitment?from=2025-01-14&to=2025-01-16');
      expect(response.statusCode).toBe(200);
      const body = response.json() as {
        perDay: unknown[];
        bySource: unknown[];
        byUtmSource: unknown[];
        byDepartement: Array<{ code: string; name: string; count: number }>;
        topRecruiters: unknown[];
      };
      expect(body.perDay).toEqual([
        { day: '2025-01-14', signups: 1, confirmed: 1 },
        { day: '2025-01-15', signups: 2, confirmed: 1 },
        { day: '2025-01-16', signups: 1, confirmed: 1 },
      ]);
      expect(body.bySource).toEqual([
        { source: 'signup', count: 3 },
        { source: 'embed', count: 1 },
      ]);
      expect(body.byUtmSource).toEqual([
        { source: '(none)', count: 3 },
        { source: 'newsletter', count: 1 },
      ]);
      expect(body.byDepartement[0]).toEqual({ code: '13', name: 'Bouches-du-Rhône', count: 2 });
      expect(body.byDepartement.slice(1).sort((a, b) => a.code.localeCompare(b.code))).toEqual([
        { code: '33', name: 'Gironde', count: 1 },
        { code: '69', name: 'Rhône', count: 1 },
      ]);
      expect(body.topRecruiters).toEqual([
        { personId: stats.r1, name: 'Rémi Recruteur', recruited: 3, confirmed: 2 },
        { personId: stats.r2, name: 'Rose Relais', recruited: 1, confirmed: 1 },
      ]);
    });

    it('narrows everything to the chosen days', async () => {
      const body = (
        await staff.get('/api/stats/recruitment?from=2025-01-15&to=2025-01-15')
      ).json() as {
        perDay: unknown[];
        bySource: unknown[];
        topRecruiters: unknown[];
      };
      expect(body.perDay).toEqual([{ day: '2025-01-15', signups: 2, confirmed: 1 }]);
      expect(body.bySource).toEqual([{ source: 'signup', count: 2 }]);
      expect(body.topRecruiters).toEqual([
        { personId: stats.r1, name: 'Rémi Recruteur', recruited: 2, confirmed: 1 },
      ]);
    });

    it('gives totals over everyone not erased', async () => {
      const body = (await staff.get('/api/stats/recruitment')).json() as {
        totals: { people: number; confirmed: number; last7Days: number; last30Days: number };
        perDay: Array<{ day: string }>;
      };
      const [expected] = await inCampaign<{
        people: number;
        confirmed: number;
        d7: number;
      }>(
        `SELECT count(*)::int AS people, count(confirmed_at)::int AS confirmed,
                count(*) FILTER (WHERE created_at > now() - interval '7 days')::int AS d7
           FROM people WHERE campaign_id = $1 AND erased_at IS NULL`,
      );
      expect(body.totals).toMatchObject({
        people: expected.people,
        confirmed: expected.confirmed,
        last7Days: expected.d7,
      });
      // By default, the last 90 days.
      expect(body.perDay).toHaveLength(90);
    });

    it("ends the default range on today's date in the campaign time zone", async () => {
      // 23:30 UTC on 1 February is already 2 February in Paris.
      await setCreatedAt(stats.s4, '2025-02-01T23:30:00Z');
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-02-01T23:40:00Z') });
      try {
        const result = await recruitmentStats(t.ctx);
        expect(result.perDay.at(-1)).toEqual({ day: '2025-02-02', signups: 1, confirmed: 1 });
        expect(result.perDay).toHaveLength(90);
      } finally {
        vi.useRealTimers();
        await setCreatedAt(stats.s4, '2025-01-16T12:00:00Z');
      }
    });

    it('refuses malformed dates', async () => {
      const response = await staff.get('/api/stats/recruitment?from=14/01/2025');
      expect(response.statusCode).toBe(400);
      expect((response.json() as Problem).errors?.[0].field).toBe('from');
    });

    it('refuses days PostgreSQL cannot hold or nobody means, as problems', async () => {
      const cases: Array<[string, string[]]> = [
        ['from=0000-01-01', ['from']],
        ['to=0001-01-01', ['to']],
        ['from=1800-01-01&to=1800-12-31', ['from', 'to']],
        ['to=2101-01-01', ['to']],
      ];
      for (const [query, fields] of cases) {
        const response = await staff.get(`/api/stats/recruitment?${query}`);
        expect(response.statusCode, query).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        const errors = (response.json() as Problem).errors ?? [];
        expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual(
          fields.map((field) => `${field}:date_out_of_range`),
        );
      }
    });

    it('caps the range at 731 days, whichever bounds are given', async () => {
      const perDay = async (query: string) => {
        const response = await staff.get(`/api/stats/recruitment?${query}`);
        expect(response.statusCode, `${query}: ${response.body}`).toBe(200);
        return (response.json() as { perDay: Array<{ day: string }> }).perDay;
      };
      const refused = async (query: string) => {
        const response = await staff.get(`/api/stats/recruitment?${query}`);
        expect(response.statusCode, query).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect((response.json() as Problem).errors).toEqual([
          expect.objectContaining({ field: 'from', code: 'range_too_long' }),
        ]);
      };
      expect(await perDay('from=2023-01-01&to=2025-01-01')).toHaveLength(732);
      await refused('from=2023-01-01&to=2025-01-02');
      // From alone runs to today: long ago is too long.
      await refused('from=1900-01-01');
      // To alone starts 89 days before.
      const early = await perDay('to=1900-01-01');
      expect(early).toHaveLength(90);
      expect(early[0].day).toBe('1899-10-04');

      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-02-01T12:00:00Z') });
      try {
        expect((await recruitmentStats(t.ctx, '2023-02-01')).perDay).toHaveLength(732);
        await expect(recruitmentStats(t.ctx, '2023-01-31')).rejects.toMatchObject({
          status: 400,
          errors: [expect.objectContaining({ field: 'from', code: 'range_too_long' })],
        });
      } finally {
        vi.useRealTimers();
      }
    });
  });

  describe('another campaign in the same database', () => {
    /** Campaign 2's people: Marc's twin (same email and recruit code as Marc) and another. */
    const other = { id: 0, twin: 0, lyon: 0, segmentId: 0 };
    /** Every row campaign 2 holds in the tables HQ reads and writes, as text. */
    const otherRows = async () => {
      const rows: Record<string, string[]> = {};
      for (const table of ['people', 'tags', 'person_tags', 'person_events', 'segments']) {
        const found = await t.ctx.database.query<{ row: string }>(
          `SELECT to_jsonb(x)::text AS row FROM ${table} x WHERE campaign_id = $1 ORDER BY 1`,
          [other.id],
        );
        rows[table] = found.map((r) => r.row);
      }
      return rows;
    };
    let before: Record<string, string[]> = {};
    /** Campaign 1's people not erased, by id. */
    const ourIds = async () =>
      (
        await inCampaign<{ id: number }>(
          'SELECT id FROM people WHERE campaign_id = $1 AND erased_at IS NULL ORDER BY id',
        )
      ).map((r) => Number(r.id));

    beforeAll(async () => {
      other.id = (await createCampaign(t.ctx.database, 'Autre')).id;
      const otherCtx = forCampaign(t.ctx, other.id);
      const [{ recruit_code: marcCode }] = await inCampaign<{ recruit_code: string }>(
        'SELECT recruit_code FROM people WHERE campaign_id = $1 AND id = $2',
        [p.marc],
      );
      const person = (email: string, firstName: string, lastName: string, place: string[]) => {
        const [postalCode, communeCode, communeName, departementCode] = place;
        const searchText = buildSearchText({ firstName, lastName, email, communeName, postalCode });
        return [
          email,
          firstName,
          lastName,
          postalCode,
          communeCode,
          communeName,
          departementCode,
          searchText,
        ];
      };
      const twin = person('p2@hq.example', 'Marc', 'Jumeau', ['13001', '13055', 'Marseille', '13']);
      const lyon = person('lyon@other.example', 'Éloïse', 'Ailleurs', [
        '69001',
        '69123',
        'Lyon',
        '69',
      ]);
      const inserted = await t.ctx.database.query<{ id: number; email: string }>(
        `INSERT INTO people (campaign_id, email, email_normalized, first_name, last_name, postal_code, commune_code,
                             commune_name, departement_code, search_text, source, recruit_code, consent_email,
                             consent_sms, confirmed_at, created_at)
         SELECT $1, u.email, u.email, u.first_name, u.last_name, u.postal_code, u.commune_code, u.commune_name,
                u.departement_code, u.search_text, 'signup', u.recruit_code, true, true, now(), u.created_at
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                       $10::text[], $11::timestamptz[])
                AS u(email, first_name, last_name, postal_code, commune_code, commune_name, departement_code,
                     search_text, recruit_code, created_at)
         RETURNING id, email`,
        [
          other.id,
          ...twin.map((_, i) => [twin[i], lyon[i]]),
          [marcCode, 'autre002'],
          ['2024-03-10T12:00:00Z', '2024-03-11T09:00:00Z'],
        ],
      );
      other.twin = Number(inserted.find((r) => r.email === 'p2@hq.example')!.id);
      other.lyon = Number(inserted.find((r) => r.email === 'lyon@other.example')!.id);
      // Tag names and segments of the other campaign, some the same as ours.
      await bulkTag(
        otherCtx,
        { personIds: [other.twin, other.lyon] },
        ['vip', 'autre-tag'],
        [],
        other.twin,
      );
      other.segmentId = (
        await createSegment(otherCtx, 'Autre sud', { departementCodes: ['13'] }, other.twin)
      ).id;
      before = await otherRows();
    });

    it('lists and searches only its own people', async () => {
      const ours = await ourIds();
      const all = await list('');
      expect(all.items.map((i) => i.id).sort((a, b) => a - b)).toEqual(ours);
      expect(all.total).toBe(ours.length);
      // The same email in both campaigns: the search finds ours only.
      expect((await list('q=p2%40hq.example')).items.map((i) => i.id)).toEqual([p.marc]);
      expect((await list('q=Marseille')).items.map((i) => i.id)).not.toContain(other.twin);
      expect(await list('q=jumeau')).toMatchObject({ items: [], total: 0 });
      expect(await list('q=ailleurs')).toMatchObject({ items: [], total: 0 });
      // The per-département walks, and the name order.
      const south = await list('departementCodes=13,69');
      expect(south.items.map((i) => i.id)).not.toContain(other.twin);
      expect(south.items.map((i) => i.id)).not.toContain(other.lyon);
      expect(south.items.map((i) => i.id)).toContain(p.marc);
      const byName = await list('sort=name_asc');
      expect(byName.items.map((i) => i.lastName)).not.toContain('Jumeau');
      expect(await list('tags=autre-tag')).toMatchObject({ items: [], total: 0 });
      // Marc's tags are his own, not his twin's.
      const marc = all.items.find((i) => i.id === p.marc)!;
      expect(marc.tags).not.toContain('autre-tag');
      // And the other campaign sees its own people only, through the same services.
      const theirs = await listPeople(
        forCampaign(t.ctx, other.id),
        peopleQuerySchema.parse({ q: 'hq.example' }),
      );
      expect(theirs.items.map((i) => i.id)).toEqual([other.twin]);
    });

    it("answers 404 for the other campaign's person and segment", async () => {
      const page = await staff.get(`/api/people/${other.twin}`);
      expect(page.statusCode).toBe(404);
      expect((page.json() as Problem).code).toBe('not_found');
      expect((await staff.get(`/api/people?segmentId=${other.segmentId}`)).statusCode).toBe(404);
      const segments = (await staff.get('/api/segments')).json() as Array<{ id: number }>;
      expect(segments.map((s) => s.id)).not.toContain(other.segmentId);
      const tags = (await staff.get('/api/tags')).json() as Array<{ name: string; count: number }>;
      expect(tags.map((tag) => tag.name)).not.toContain('autre-tag');
      // Ours has nobody since the tag tests removed it; theirs has two.
      expect(tags.find((tag) => tag.name === 'vip')?.count ?? 0).toBe(0);
    });

    it('exports only its own people', async () => {
      const admin = await staffBrowser(t, 'admin@people.example', ['admin']);
      const response = await admin.get('/api/people/export.csv?format=csv');
      expect(response.statusCode).toBe(200);
      const lines = response.body.slice(1).split('\r\n').filter(Boolean).slice(1);
      const exported = lines.map((line) => Number(line.split(',')[0])).sort((a, b) => a - b);
      expect(exported).toEqual(await ourIds());
      expect(response.body).not.toContain('Jumeau');
      expect(response.body).not.toContain('lyon@other.example');
      const byEmail = await admin.get('/api/people/export.csv?format=csv&q=p2%40hq.example');
      const rows = byEmail.body.slice(1).split('\r\n').filter(Boolean).slice(1);
      expect(rows.map((line) => Number(line.split(',')[0]))).toEqual([p.marc]);
    });

    it('tags only its own people, by id or by filter', async () => {
      const byId = await staff.post('/api/people/tags/bulk', {
        personIds: [other.twin, other.lyon],
        add: ['intrus'],
        remove: ['vip'],
      });
      expect(byId.json()).toEqual({ matched: 0 });
      // The filter matches Marc and his twin's shared address: ours only are tagged.
      const byFilter = await staff.post('/api/people/tags/bulk', {
        filter: { q: 'p2@hq.example' },
        add: ['autre-tag'],
        remove: ['vip'],
      });
      expect(byFilter.json()).toEqual({ matched: 1 });
      expect((await list('tags=autre-tag')).items.map((i) => i.id)).toEqual([p.marc]);
      expect(await otherRows()).toEqual(before);
    });

    it('counts a segment over its own people only', async () => {
      const created = await staff.post('/api/segments', {
        name: 'Bouches-du-Rhône',
        filter: { departementCodes: ['13'] },
      });
      const segment = created.json() as { id: number };
      const [{ n }] = await inCampaign<{ n: number }>(
        "SELECT count(*)::int AS n FROM people WHERE campaign_id = $1 AND departement_code = '13' AND erased_at IS NULL",
      );
      expect(n).toBeGreaterThan(0);
      const segments = (await staff.get('/api/segments')).json() as Array<{
        id: number;
        count: number;
      }>;
      expect(segments.find((s) => s.id === segment.id)).toMatchObject({
        count: n,
        countIsEstimate: false,
      });
      expect((await list(`segmentId=${segment.id}`)).items.map((i) => i.id)).not.toContain(
        other.twin,
      );
    });

    it('changes nothing of the other campaign', async () => {
      expect(await otherRows()).toEqual(before);
      const twin = await personDetail(forCampaign(t.ctx, other.id), other.twin);
      expect(twin).toMatchObject({ lastName: 'Jumeau', tags: ['autre-tag', 'vip'] });
      expect(twin.timeline.map((e) => e.kind)).toEqual(['tags']);
    });
  });

  describe('counts of a large campaign', () => {
    /** A campaign of its own, so that the other tests keep their small data set. */
    let big: AppContext;
    const count = async (table: string) =>
      Number(
        (await t.ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n,
      );
    /** `n` people, the first `inRhone` of them in Rhône, the others in Paris. */
    const insertPeople = (n: number, inRhone: number, from = 0) =>
      t.ctx.database.query(
        `INSERT INTO people (campaign_id, email, email_normalized, last_name, departement_code,
                             search_text, source, recruit_code, created_at)
         SELECT $1::int, 'big' || g || '@example.org', 'big' || g || '@example.org', 'Nom' || g,
                CASE WHEN g - $2 <= $3 THEN '69' ELSE '75' END, 'nom' || g, 'import',
                'big' || $1::int || 'x' || g, now() - g * interval '1 second'
           FROM generate_series($2 + 1, $2 + $4) g`,
        [big.campaignId, from, inRhone, n],
      );

    beforeAll(async () => {
      big = forCampaign(t.ctx, (await createCampaign(t.ctx.database, 'Grande')).id);
      await insertPeople(1_500, 1_200);
    });

    it('counts 1,500 people exactly, filtered or not, with or without statistics', async () => {
      for (const analyse of [false, true]) {
        if (analyse) await t.ctx.database.query('ANALYZE people');
        const all = await listPeople(big, peopleQuerySchema.parse({ pageSize: 10 }));
        expect(all).toMatchObject({
          total: 1_500,
          totalIsEstimate: false,
          totalIsLowerBound: false,
        });
        const rhone = await listPeople(
          big,
          peopleQuerySchema.parse({ pageSize: 10, departementCodes: '69' }),
        );
        expect(rhone).toMatchObject({ total: 1_200, totalIsEstimate: false });
      }
    });

    it('counts a segment of 1,200 exactly', async () => {
      const [author] = await t.ctx.database.query<{ id: number }>(
        'SELECT id FROM people WHERE campaign_id = $1 LIMIT 1',
        [big.campaignId],
      );
      const segment = await createSegment(big, 'Rhône', { departementCodes: ['69'] }, author.id);
      const [counted] = await segmentsWithCounts(big, await listSegments(big));
      expect(counted).toMatchObject({ id: segment.id, count: 1_200, countIsEstimate: false });
    });

    it('past the exact cap, gives a lower bound unless the estimate is above it', async () => {
      await insertPeople(COUNT_CAP, COUNT_CAP, 1_500);
      const rhone = await listPeople(
        big,
        peopleQuerySchema.parse({ pageSize: 10, departementCodes: '69' }),
      );
      expect(rhone.totalIsEstimate).toBe(true);
      if (rhone.totalIsLowerBound) expect(rhone.total).toBe(COUNT_CAP);
      else expect(rhone.total).toBeGreaterThan(COUNT_CAP);
    });

    it('refreshes the statistics of people after an import that applied rows', async () => {
      const csv = ['email', ...Array.from({ length: 700 }, (_, i) => `imp${i}@example.org`)];
      const dir = await mkdtemp(join(tmpdir(), 'levier-count-test-'));
      const path = join(dir, 'people.csv');
      await writeFile(path, csv.join('\n') + '\n');
      try {
        const id = await storeImport(
          big,
          {
            path,
            fileName: 'people.csv',
            size: (await stat(path)).size,
            encoding: 'utf-8',
            options: parseOptions({ mapping: {} }),
            dispose: async () => undefined,
          },
          null,
        );
        await runImport(big, id);
        expect(await importReport(big, id)).toMatchObject({ status: 'applied', createdCount: 700 });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      // A small table is analysed from every row: the statistics then hold its exact size.
      const [{ reltuples }] = await t.ctx.database.query<{ reltuples: number }>(
        `SELECT reltuples FROM pg_class WHERE oid = 'people'::regclass`,
      );
      expect(Number(reltuples)).toBe(await count('people'));
    });
  });
});
