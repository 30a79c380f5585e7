/**
 * Data and steps shared by the field feature's HTTP tests (imports, planning, canvass,
 * progress): a made-up town as a BAN file, areas and turfs made through the API, visits as the
 * canvassing app sends them, and a few reads of the database for what no route shows.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { FieldImport } from '../../../contracts/field.ts';
import { defaultQuestionnaire } from '../../../contracts/field-questionnaires.ts';
import type {
  TargetArea,
  TargetAreaInput,
  Turf,
  WalkList,
} from '../../../contracts/field-turfs.ts';
import type {
  Questionnaire,
  VisitInput,
  VisitSyncResult,
} from '../../../contracts/field-visits.ts';
import type { Browser, TestApp } from '../../testing/harness.ts';
import { banHeader, banLines, type BanRow } from './addresses/fixtures/generate.ts';
import { fieldFixture, importFieldFile } from './testing.ts';
import { lonLatAround } from './turfs/projection.ts';

/** The Ain's communes of `addresses/fixtures/adresses-france.csv`, and their addresses there. */
export const AIN = {
  abergement: { code: '01001', addresses: 10 },
  amberieu: { code: '01004', addresses: 5 },
} as const;

/** A ring (longitude, latitude) around L'Abergement-Clémenciat's ten fixture addresses only. */
export const ABERGEMENT_RING: Array<[number, number]> = [
  [4.905, 46.145],
  [4.935, 46.145],
  [4.935, 46.165],
  [4.905, 46.165],
  [4.905, 46.145],
];

export interface TownStreet {
  key: string;
  name: string;
  count: number;
}

/**
 * A made-up town as a Base Adresse Nationale file: `rows` rows of straight streets 120 m
 * apart, each row cut into streets of `counts[c]` addresses numbered 1…n (odd on one side,
 * even on the other, `width` metres apart, 15 m between doors on a side). Wide streets (the
 * default 30 m) are walked up one side and back down the other.
 */
export function gridTown(options: {
  communeCode: string;
  communeName: string;
  postalCode: string;
  rows: number;
  counts: number[];
  origin?: { lon: number; lat: number };
  width?: number;
}): { file: Buffer; streets: TownStreet[] } {
  const origin = options.origin ?? { lon: 5.65, lat: 46.25 };
  const width = options.width ?? 30;
  const spacing = 15;
  const rows: BanRow[] = [];
  const streets: TownStreet[] = [];
  for (let r = 0; r < options.rows; r++) {
    let x = 0;
    options.counts.forEach((count, c) => {
      const code = `g${r}${c}`.padEnd(4, '0');
      const key = `${options.communeCode}_${code}`;
      const name = `Rue ${String.fromCharCode(65 + r)}${c + 1}`;
      streets.push({ key, name, count });
      for (let number = 1; number <= count; number++) {
        const along = Math.floor((number - 1) / 2) * spacing;
        const side = number % 2 === 1 ? 1 : -1;
        const { lon, lat } = lonLatAround(origin, x + along, r * 120 + (side * width) / 2);
        rows.push({
          id: `${key}_${String(number).padStart(5, '0')}`,
          id_fantoir: key,
          numero: String(number),
          nom_voie: name,
          code_postal: options.postalCode,
          code_insee: options.communeCode,
          nom_commune: options.communeName,
          lon: lon.toFixed(6),
          lat: lat.toFixed(6),
          type_position: 'entrée',
          source_position: 'commune',
          source_nom_voie: 'commune',
          certification_commune: '1',
        });
      }
      x += Math.ceil(count / 2) * spacing + 60;
    });
  }
  const text = banLines(banHeader, rows)
    .map((line) => `${line}\n`)
    .join('');
  return { file: Buffer.from(text, 'utf8'), streets };
}

/** Imports a field file through the API and fails unless its import succeeded. */
export async function importOrFail(
  t: TestApp,
  staff: Browser,
  fields: Record<string, string>,
  file: Buffer,
  fileName: string,
): Promise<FieldImport> {
  const done = await importFieldFile(t, staff, fields, file, fileName);
  if (done.status !== 'succeeded') {
    throw new Error(`import of ${fileName} ended ${done.status}: ${JSON.stringify(done.error)}`);
  }
  return done;
}

/** The Ain, Corsica and Guadeloupe fixture addresses (25 of 27 rows have a position). */
export const importFixtureAddresses = (t: TestApp, staff: Browser) =>
  importOrFail(
    t,
    staff,
    { kind: 'addresses' },
    fieldFixture('addresses', 'adresses-france.csv'),
    'adresses-france.csv',
  );

/** A response's problem, for assertions: its status and code. */
export const problemOf = (response: LightMyRequestResponse) => ({
  status: response.statusCode,
  code: (response.json() as { code?: string }).code,
});

/** Fails with the response's body unless it has this status; answers its JSON. */
export function expectStatus<T>(response: LightMyRequestResponse, status: number): T {
  if (response.statusCode !== status) {
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  }
  return response.json() as T;
}

export async function createArea(staff: Browser, input: TargetAreaInput): Promise<TargetArea> {
  return expectStatus<TargetArea>(await staff.post('/api/field/areas', input), 201);
}

export async function cutArea(
  staff: Browser,
  areaId: number,
  bounds: { minSize: number; maxSize: number },
): Promise<Turf[]> {
  return expectStatus<{ items: Turf[] }>(
    await staff.post(`/api/field/areas/${areaId}/turfs`, bounds),
    200,
  ).items;
}

export async function walkListOf(staff: Browser, turfId: number): Promise<WalkList> {
  return expectStatus<WalkList>(await staff.get(`/api/field/turfs/${turfId}/walk-list`), 200);
}

export async function assignTurf(staff: Browser, turfId: number, personIds: number[]) {
  return expectStatus<Turf>(
    await staff.request('PATCH', `/api/field/turfs/${turfId}`, { volunteerIds: personIds }),
    200,
  );
}

/** Creates the campaign's default questionnaire; answers it (its current version's id inside). */
export async function createDefaultQuestionnaire(staff: Browser): Promise<Questionnaire> {
  return expectStatus<Questionnaire>(
    await staff.post('/api/field/questionnaires', defaultQuestionnaire),
    201,
  );
}

/** A visit as the canvassing app records it: a new id, a knock now, and what `more` says. */
export const visitOf = (
  turfId: number,
  addressId: number,
  more: Partial<VisitInput> = {},
): VisitInput => ({
  id: randomUUID(),
  turfId,
  addressId,
  outcome: 'not_home',
  mode: 'door',
  visitedAt: new Date().toISOString(),
  ...more,
});

export async function syncVisits(
  browser: Browser,
  visits: readonly unknown[],
): Promise<VisitSyncResult['results']> {
  return expectStatus<VisitSyncResult>(await browser.post('/api/field/visits', { visits }), 200)
    .results;
}

/** Rows of the test's database (ids cast to int by the caller: bigint reads as text on pg). */
export const dbRows = <T>(t: TestApp, text: string, params: unknown[] = []) =>
  t.ctx.database.query<T>(text, params);
