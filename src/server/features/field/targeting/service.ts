import { sql, type SQL } from 'drizzle-orm';
import {
  DEFAULT_PRIORITY_FORMULA,
  evaluateFormula,
  formulaInput,
  parseFormula,
} from '../../../../contracts/field-formula.ts';
import type {
  Election,
  StationPriority,
  TargetChoice,
  Targeting,
} from '../../../../contracts/field.ts';
import type { AppContext } from '../../../core/context.ts';
import { communeCentres } from '../../../core/geo/commune-centres.ts';
import { badRequest, notFound } from '../../../core/http/errors.ts';

interface ElectionRow {
  id: number;
  label: string;
  layout: string;
  stations: number;
  candidates: Election['candidates'];
  created_at: Date | string;
}

export async function listElections(ctx: AppContext): Promise<{ items: Election[] }> {
  const rows = await ctx.database.query<ElectionRow>(
    sql`SELECT id, label, layout, stations, candidates, created_at FROM field_elections
         WHERE campaign_id = ${ctx.campaignId} ORDER BY created_at DESC, id DESC`,
  );
  return {
    items: rows.map((row) => {
      const candidates = row.candidates.map((c) => ({
        panel: c.panel,
        lastName: c.lastName,
        firstName: c.firstName,
        nuance: c.nuance,
        list: c.list,
        votes: c.votes,
      }));
      const nuances = new Map<string, number>();
      for (const c of candidates) {
        if (c.nuance) nuances.set(c.nuance, (nuances.get(c.nuance) ?? 0) + c.votes);
      }
      return {
        id: Number(row.id),
        label: row.label,
        layout: row.layout,
        stations: row.stations,
        candidates,
        nuances: [...nuances]
          .map(([nuance, votes]) => ({ nuance, votes }))
          .sort((a, b) => b.votes - a.votes),
        createdAt: new Date(row.created_at).toISOString(),
      };
    }),
  };
}

export async function targetingOf(ctx: AppContext): Promise<Targeting> {
  const [row] = await ctx.database.query<{
    election_id: number | null;
    choice: TargetChoice | null;
    formula: string;
  }>(
    sql`SELECT election_id, choice, formula FROM field_targeting WHERE campaign_id = ${ctx.campaignId}`,
  );
  if (row) {
    return {
      electionId: row.election_id === null ? null : Number(row.election_id),
      choice: row.choice,
      formula: row.formula,
    };
  }
  const [latest] = await ctx.database.query<{ id: number }>(
    sql`SELECT id FROM field_elections WHERE campaign_id = ${ctx.campaignId}
         ORDER BY created_at DESC, id DESC LIMIT 1`,
  );
  return {
    electionId: latest ? Number(latest.id) : null,
    choice: null,
    formula: DEFAULT_PRIORITY_FORMULA,
  };
}

/** Checks a formula as the route receives it: a problem+json naming the word at fault. */
export function checkFormula(formula: string) {
  const parsed = parseFormula(formula);
  if (!parsed.ok) {
    const { code, at, near } = parsed.problem;
    throw badRequest(
      code,
      `La formule ne se lit pas à la position ${at + 1}${near ? ` (« ${near} »)` : ''}.`,
      [{ field: 'formula', code, message: code }],
    );
  }
  return parsed.node;
}

export async function saveTargeting(
  ctx: AppContext,
  input: Targeting,
  personId: number,
): Promise<Targeting> {
  checkFormula(input.formula);
  if (input.electionId !== null) await electionExists(ctx, input.electionId);
  const choice = input.choice ? JSON.stringify(input.choice) : null;
  await ctx.database.query(
    sql`INSERT INTO field_targeting (campaign_id, election_id, choice, formula, updated_by)
        VALUES (${ctx.campaignId}, ${input.electionId}, ${choice}::jsonb, ${input.formula}, ${personId})
        ON CONFLICT (campaign_id) DO UPDATE SET election_id = excluded.election_id,
           choice = excluded.choice, formula = excluded.formula, updated_by = excluded.updated_by,
           updated_at = now()`,
  );
  return targetingOf(ctx);
}

async function electionExists(ctx: AppContext, electionId: number) {
  const rows = await ctx.database.query(
    sql`SELECT 1 FROM field_elections WHERE campaign_id = ${ctx.campaignId} AND id = ${electionId}`,
  );
  if (rows.length === 0) throw notFound('election');
}

const choiceCondition = (choice: TargetChoice | null): SQL =>
  !choice
    ? sql`false`
    : choice.kind === 'candidate'
      ? sql`(c->>'panel')::int = ${choice.panel}`
      : sql`c->>'nuance' = ${choice.nuance}`;

interface StationRow {
  station_id: string;
  commune_code: string;
  commune_name: string;
  registered: number;
  voters: number;
  abstentions: number;
  expressed: number;
  votes: number;
  lon: number | null;
  lat: number | null;
  doors: number;
  address_lon: number | null;
  address_lat: number | null;
}

/**
 * The polling stations of a département or commune, each with its figures in the chosen
 * election, its priority by the campaign's formula, and a point for the map: the mean of its
 * electors' addresses (REU), else of its imported addresses, else its commune's centre.
 */
export async function stationPriorities(
  ctx: AppContext,
  filter: { departement?: string; commune?: string; limit: number },
  targeting?: Targeting,
): Promise<{ targeting: Targeting; items: StationPriority[]; truncated: boolean }> {
  const used = targeting ?? (await targetingOf(ctx));
  if (used.electionId === null) return { targeting: used, items: [], truncated: false };
  const formula = checkFormula(used.formula);
  const where = filter.commune
    ? sql`AND r.commune_code = ${filter.commune}`
    : filter.departement
      ? sql`AND r.department_code = ${filter.departement}`
      : sql``;
  const rows = await ctx.database.query<StationRow>(
    sql`SELECT r.station_id, r.commune_code, r.commune_name, r.registered, r.voters, r.abstentions,
               r.expressed,
               (SELECT coalesce(sum((c->>'votes')::int), 0) FROM jsonb_array_elements(r.candidates) c
                 WHERE ${choiceCondition(used.choice)})::int AS votes,
               s.lon, s.lat, coalesce(a.doors, 0)::int AS doors, a.lon AS address_lon, a.lat AS address_lat
          FROM field_station_results r
          LEFT JOIN field_stations s ON s.campaign_id = r.campaign_id AND s.id = r.station_id
          LEFT JOIN LATERAL (
                SELECT count(*) AS doors, avg(lon) AS lon, avg(lat) AS lat FROM field_addresses
                 WHERE campaign_id = r.campaign_id AND station_id = r.station_id) a ON true
         WHERE r.campaign_id = ${ctx.campaignId} AND r.election_id = ${used.electionId} ${where}`,
  );
  const centres = communeCentres();
  const ranked = rows
    .map((row) => {
      const input = formulaInput({
        registered: row.registered,
        voters: row.voters,
        abstentions: row.abstentions,
        expressed: row.expressed,
        votes: row.votes,
      });
      const centre = centres.get(row.commune_code);
      const placed =
        row.lat !== null && row.lon !== null
          ? { lat: row.lat, lng: row.lon, placedBy: 'reu' as const }
          : row.address_lat !== null && row.address_lon !== null
            ? {
                lat: Number(row.address_lat),
                lng: Number(row.address_lon),
                placedBy: 'addresses' as const,
              }
            : centre
              ? { lat: centre.lat, lng: centre.lng, placedBy: 'commune' as const }
              : { lat: null, lng: null, placedBy: null };
      return {
        id: row.station_id,
        communeCode: row.commune_code,
        communeName: row.commune_name,
        registered: row.registered,
        voters: row.voters,
        abstentions: row.abstentions,
        expressed: row.expressed,
        votes: row.votes,
        abstention: input.abstention,
        score: input.score,
        priority: evaluateFormula(formula, input),
        relative: 0,
        rank: 0,
        doors: row.doors,
        ...placed,
      };
    })
    .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  const top = ranked[0]?.priority ?? 0;
  const low = ranked[ranked.length - 1]?.priority ?? 0;
  const span = top - low;
  ranked.forEach((station, index) => {
    station.rank = index + 1;
    station.relative = span > 0 ? (station.priority - low) / span : 1;
  });
  return {
    targeting: used,
    items: ranked.slice(0, filter.limit),
    truncated: ranked.length > filter.limit,
  };
}
