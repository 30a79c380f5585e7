import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { communeCentres } from '../../core/geo/commune-centres.ts';
import { demoTags } from './generate.ts';
import type { DemoFieldCommune } from './field-town.ts';

/**
 * Who and where the demo's door-to-door happens, read from what the seed wrote: the communes of
 * its committees, their members who canvass, and the supporters of those communes who
 * volunteered.
 */

export interface FieldCommittee {
  id: number;
  communeCode: string;
  /** Its organisers, managers and members (followers do not canvass), longest-standing first. */
  canvassers: number[];
}

export interface FieldCrew {
  communes: DemoFieldCommune[];
  /** The demo committee of each commune (the first, when there are several). */
  committees: Map<string, FieldCommittee>;
  /** Confirmed supporters of each commune: door-to-door volunteers first, then volunteers. */
  volunteers: Map<string, number[]>;
  /** Who does HQ's part (imports, targeting, turfs): the first committee's organiser. */
  lead: number;
}

/** Communes whose files would not meet (Paris, Lyon and Marseille: see docs/field.md). */
const CITY_WITH_DISTRICTS = new Set(['75056', '69123', '13055']);
const MAX_COMMUNES = 4;

export async function fieldCrew(ctx: AppContext, people: readonly number[]): Promise<FieldCrew> {
  const ids = [...people];
  const c = ctx.campaignId;
  const committees = await ctx.database.query<{
    id: number;
    commune_code: string;
    created_by: number;
  }>(
    sql`SELECT id, commune_code, created_by FROM committees
         WHERE campaign_id = ${c} AND status = 'published' AND created_by = ANY(${ids}::bigint[])
           AND commune_code IS NOT NULL
         ORDER BY id`,
  );
  let codes = [...new Set(committees.map((row) => row.commune_code))].filter(usable(ctx));
  if (codes.length === 0) {
    // No committee to canvass with: where most supporters live.
    const places = await ctx.database.query<{ commune_code: string }>(
      sql`SELECT commune_code FROM people
           WHERE campaign_id = ${c} AND id = ANY(${ids}::bigint[]) AND confirmed_at IS NOT NULL
             AND commune_code IS NOT NULL
           GROUP BY commune_code ORDER BY count(*) DESC, commune_code`,
    );
    codes = places.map((row) => row.commune_code).filter(usable(ctx));
  }
  codes = codes.slice(0, MAX_COMMUNES);

  const byCommune = new Map<string, FieldCommittee>();
  const chosen = committees.filter((row) => codes.includes(row.commune_code));
  const members = await ctx.database.query<{ committee_id: number; person_id: number }>(
    sql`SELECT committee_id, person_id FROM committee_members
         WHERE campaign_id = ${c} AND committee_id = ANY(${chosen.map((row) => Number(row.id))}::bigint[])
           AND rank IN ('organiser', 'manager', 'member')
         ORDER BY committee_id, joined_at, person_id`,
  );
  for (const row of chosen) {
    if (byCommune.has(row.commune_code)) continue;
    byCommune.set(row.commune_code, {
      id: Number(row.id),
      communeCode: row.commune_code,
      canvassers: members
        .filter((m) => Number(m.committee_id) === Number(row.id))
        .map((m) => Number(m.person_id)),
    });
  }

  const locals = await ctx.database.query<{
    id: number;
    commune_code: string;
    canvasser: boolean;
    volunteer: boolean;
  }>(
    sql`SELECT p.id, p.commune_code,
               EXISTS (SELECT 1 FROM person_tags pt JOIN tags t ON t.campaign_id = pt.campaign_id AND t.id = pt.tag_id
                        WHERE pt.campaign_id = p.campaign_id AND pt.person_id = p.id AND t.name = ${demoTags.canvassing}) AS canvasser,
               EXISTS (SELECT 1 FROM person_tags pt JOIN tags t ON t.campaign_id = pt.campaign_id AND t.id = pt.tag_id
                        WHERE pt.campaign_id = p.campaign_id AND pt.person_id = p.id AND t.name = ${demoTags.volunteer}) AS volunteer
          FROM people p
         WHERE p.campaign_id = ${c} AND p.id = ANY(${ids}::bigint[]) AND p.commune_code = ANY(${codes}::text[])
           AND p.confirmed_at IS NOT NULL
         ORDER BY p.id`,
  );
  const rank = (row: (typeof locals)[number]) => (row.canvasser ? 0 : row.volunteer ? 1 : 2);
  const volunteers = new Map<string, number[]>();
  for (const code of codes) {
    volunteers.set(
      code,
      locals
        .filter((row) => row.commune_code === code && rank(row) < 2)
        .sort((a, b) => rank(a) - rank(b) || Number(a.id) - Number(b.id))
        .map((row) => Number(row.id)),
    );
  }

  const lead = committees.length ? Number(committees[0].created_by) : (ids[0] ?? 0);
  return {
    communes: codes.map((code) => fieldCommune(ctx, code)),
    committees: byCommune,
    volunteers,
    lead,
  };
}

/** A metropolitan commune with a centre and a postal code, not one with districts. */
const usable = (ctx: AppContext) => {
  const centres = communeCentres();
  return (code: string) =>
    !CITY_WITH_DISTRICTS.has(code) &&
    !code.startsWith('97') &&
    !code.startsWith('98') &&
    centres.has(code) &&
    ctx.geo.commune(code) !== undefined &&
    ctx.geo.postalCodesOf(code).length > 0;
};

function fieldCommune(ctx: AppContext, code: string): DemoFieldCommune {
  const commune = ctx.geo.commune(code)!;
  const centre = communeCentres().get(code)!;
  const population = commune.population ?? 0;
  return {
    code,
    name: commune.name,
    departementCode: commune.departementCode,
    departementName: ctx.geo.departement(commune.departementCode)?.name ?? '',
    postalCodes: ctx.geo.postalCodesOf(code),
    lat: centre.lat,
    lng: centre.lng,
    // More with the population (its square root), 3 to 15: enough to rank, quick to seed.
    stations: Math.min(15, Math.max(3, Math.round(Math.sqrt(population) / 25))),
  };
}
