import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../../contracts/field-answers.ts';
import {
  defaultQuestionnaire,
  questionnaireDefinitionSchema,
} from '../../../contracts/field-questionnaires.ts';
import { visitInputSchema } from '../../../contracts/field-visits.ts';
import { communeCentres } from '../../core/geo/commune-centres.ts';
import { banHeader } from '../field/addresses/fixtures/generate.ts';
import { collectBanAddresses } from '../field/addresses/parse.ts';
import { parseResults, type StationResult } from '../field/results/parse.ts';
import { collectReuAddresses } from '../field/stations/parse.ts';
import { lastDays } from './calendar.ts';
import { planCanvassing } from './field-canvass.ts';
import { demoFieldFiles, lambert93 } from './field-files.ts';
import { demoCandidates } from './field-names.ts';
import { layTown, type DemoFieldCommune, type DemoTown } from './field-town.ts';
import { Random } from './random.ts';

const commune = (code: string, name: string, stations: number): DemoFieldCommune => {
  const centre = communeCentres().get(code)!;
  return {
    code,
    name,
    departementCode: code.slice(0, 2),
    departementName: code.startsWith('31') ? 'Haute-Garonne' : 'Haute-Vienne',
    postalCodes: code === '31555' ? ['31000', '31100', '31200'] : ['87350'],
    lat: centre.lat,
    lng: centre.lng,
    stations,
  };
};
const towns = (seed: string): DemoTown[] => [
  layTown(commune('31555', 'Toulouse', 12), 1000, new Random(`${seed}:31555`)),
  layTown(commune('87114', 'Panazol', 3), 250, new Random(`${seed}:87114`)),
];
const files = (seed: string) => demoFieldFiles(towns(seed), new Random(`${seed}:files`));
async function* bytesOf(buffer: Buffer) {
  yield new Uint8Array(buffer);
}

describe('demo door-to-door files', () => {
  const made = files('test');

  it('are the same for the same seed', () => {
    const again = files('test');
    expect(again.results.bytes.equals(made.results.bytes)).toBe(true);
    expect(again.reu.bytes.equals(made.reu.bytes)).toBe(true);
    expect(gunzipSync(again.addresses.bytes).equals(gunzipSync(made.addresses.bytes))).toBe(true);
    expect(files('other').reu.bytes.equals(made.reu.bytes)).toBe(false);
  });

  it('write results by polling station in the 2017–2022 layout, counts that add up', async () => {
    const bytes = made.results.bytes;
    expect(bytes.includes(Buffer.from('\r\n'))).toBe(true);
    // Windows-1252: "Exprimés" with é as one byte, never UTF-8's two.
    expect(bytes.includes(Buffer.from([0x45, 0x78, 0x70, 0x72, 0x69, 0x6d, 0xe9, 0x73]))).toBe(
      true,
    );
    const header = bytes.toString('latin1').split('\r\n')[0].split(';');
    expect(header).toHaveLength(21 + 8);
    const stations: StationResult[] = [];
    const problems: string[] = [];
    let report;
    for await (const event of parseResults(bytesOf(bytes))) {
      if (event.type === 'station') stations.push(event.station);
      else if (event.type === 'problem') problems.push(event.problem.code);
      else if (event.type === 'report') report = event.report;
    }
    expect(problems).toEqual([]);
    expect(report).toMatchObject({
      layout: { kind: '2017-2022', nuance: true, constituency: true },
      encoding: 'windows-1252',
      stations: 15,
      skipped: 0,
    });
    expect(stations.map((s) => s.stationId).slice(0, 2)).toEqual(['31555_0001', '31555_0002']);
    expect(stations.map((s) => s.communeCode)).toContain('87114');
    for (const s of stations) {
      expect(s.candidates.map((c) => [c.lastName, c.nuance])).toEqual(
        demoCandidates.map(([, , lastName, , nuance]) => [lastName, nuance]),
      );
      expect(s.abstentions + s.voters).toBe(s.registered);
      expect(s.blank! + s.invalid! + s.expressed).toBe(s.voters);
      expect(s.candidates.reduce((sum, c) => sum + c.votes, 0)).toBe(s.expressed);
      expect(s.registered).toBeGreaterThanOrEqual(500);
      expect(s.voters / s.registered).toBeGreaterThan(0.4);
    }
  });

  it('write a BAN file (gzip, the exact header) whose doors are nine in ten in the REU table', async () => {
    expect([...made.addresses.bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const text = gunzipSync(made.addresses.bytes).toString('utf8');
    expect(text.split('\n')[0]).toBe(banHeader.join(';'));
    const ban = await collectBanAddresses(bytesOf(made.addresses.bytes));
    expect(ban.report.problems).toEqual([]);
    expect(ban.addresses).toHaveLength(1250);
    expect(new Set(ban.addresses.map((a) => a.banId)).size).toBe(1250);
    const bis = ban.addresses.filter((a) => a.suffix === 'bis').length;
    expect(bis).toBeGreaterThan(10);
    const odd = ban.addresses.filter((a) => a.number % 2 === 1).length;
    expect(odd / ban.addresses.length).toBeGreaterThan(0.4);
    expect(odd / ban.addresses.length).toBeLessThan(0.6);
    // Around each commune's real centre, within a couple of kilometres.
    const toulouse = communeCentres().get('31555')!;
    for (const a of ban.addresses.filter((a) => a.communeCode === '31555')) {
      expect(Math.abs(a.lat - toulouse.lat)).toBeLessThan(0.02);
      expect(Math.abs(a.lon - toulouse.lng)).toBeLessThan(0.03);
    }

    const reu = await collectReuAddresses(bytesOf(made.reu.bytes));
    expect(reu.report.problems.map((p) => p.code)).toEqual(['no_ban_id']);
    expect(reu.report.stations).toBe(15);
    const inReu = new Set(reu.addresses.map((row) => row.banId));
    const covered = ban.addresses.filter((a) => inReu.has(a.banId)).length / ban.addresses.length;
    expect(covered).toBeGreaterThan(0.85);
    expect(covered).toBeLessThan(0.95);
    const streets = reu.addresses.filter((row) => row.geoType === 'street');
    expect(streets.length).toBeGreaterThan(0);
  });

  it('projects BAN x/y in Lambert-93', () => {
    const [x, y] = lambert93(3, 46.5);
    expect(x).toBeCloseTo(700_000, 3);
    expect(y).toBeCloseTo(6_600_000, 3);
    // Notre-Dame de Paris is near x 652 200, y 6 861 700 in Lambert-93.
    const [px, py] = lambert93(2.3488, 48.8534);
    expect(Math.abs(px - 652_200)).toBeLessThan(500);
    expect(Math.abs(py - 6_861_700)).toBeLessThan(500);
  });
});

describe('demo canvassing', () => {
  const definition = questionnaireDefinitionSchema.parse(defaultQuestionnaire.definition);
  const now = Date.parse('2026-11-25T18:00:00Z');
  const days = lastDays('Europe/Paris', now, 10);
  const turfs = Array.from({ length: 12 }, (_, t) => ({
    id: t + 1,
    addresses: Array.from({ length: 70 }, (_, i) => t * 100 + i + 1),
    canvassers: [1000 + t, 2000 + t],
  }));
  const plan = (seed: string) =>
    planCanvassing(
      turfs,
      { versionId: 7, definition, days, timeZone: 'Europe/Paris', now },
      new Random(seed),
    );

  it('sends visits the server takes: answers that hold, past days, by the turf’s canvassers', () => {
    const sessions = plan('visits');
    const visits = sessions.flatMap((s) => s.visits);
    expect(visits.length).toBeGreaterThan(150);
    expect(new Set(visits.map((v) => v.id)).size).toBe(visits.length);
    for (const session of sessions) {
      for (const visit of session.visits) {
        expect(visitInputSchema.safeParse(visit).success).toBe(true);
        expect(turfs[visit.turfId - 1].canvassers).toContain(session.personId);
        expect(turfs[visit.turfId - 1].addresses).toContain(visit.addressId);
        const at = Date.parse(visit.visitedAt);
        expect(at).toBeLessThan(now);
        expect(at).toBeGreaterThanOrEqual(days[0].start);
        if (visit.questionnaire) {
          expect(visit.outcome).toBe('conversation');
          expect(checkAnswers(definition, visit.questionnaire).ok).toBe(true);
        }
      }
    }
    const outcomes = [...new Set(visits.map((v) => v.outcome))];
    expect(outcomes).toEqual(expect.arrayContaining(['not_home', 'conversation', 'refused']));
    expect(visits.some((v) => v.questionnaire?.contact)).toBe(true);
    expect(JSON.stringify(plan('visits'))).toBe(JSON.stringify(sessions));
  });
});
