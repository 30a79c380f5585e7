import { sql } from 'drizzle-orm';
import {
  checkAnswers,
  DOOR_TO_DOOR_CONSENT_SOURCE,
  splitOpinion,
  type Answers,
} from '../../../../contracts/field-answers.ts';
import type { QuestionnaireVersion } from '../../../../contracts/field-questionnaires.ts';
import { visitInputSchema, type VisitSyncResult } from '../../../../contracts/field-visits.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import { AppError } from '../../../core/http/errors.ts';
import type { AuthState } from '../../../core/http/session.ts';
import { personMetAtDoor } from '../../people/met-at-door.ts';
import { questionnaireVersion } from '../questionnaires/service.ts';
import { turfGrant } from './access.ts';

type Result = VisitSyncResult['results'][number];

/** A visit checked and ready to write, with what goes where under GDPR art. 9. */
interface ReadyVisit {
  id: string;
  turfId: number;
  addressId: number;
  outcome: string;
  mode: string;
  building: string | null;
  floor: string | null;
  door: string | null;
  notes: string | null;
  visitedAt: string;
  versionId: number | null;
  answers: Answers | null;
  supportLevel: number | null;
  aggregateSupport: number | null;
  doNotVisit: boolean;
  contact: Parameters<typeof personMetAtDoor>[2] | null;
  wordingVersion: string;
}

const rejected = (id: string, code: string, message: string): Result => ({
  id,
  status: 'rejected',
  code,
  message,
});

/**
 * Stores the visits a phone sends. Each is keyed by the id the phone made: one sent again (a
 * retry, a connection cut after the server wrote it) answers `duplicate` and changes nothing,
 * so the phone may drop it. Visits without a new contact are written together, by one
 * statement; one that brings a contact is written with its person in its own transaction, so
 * a resent visit never makes a second person. A visit the server cannot take answers
 * `rejected` with its reason, and the others of the batch are stored all the same.
 */
export async function syncVisits(
  ctx: AppContext,
  auth: Pick<AuthState, 'personId' | 'permissions'>,
  raw: readonly unknown[],
): Promise<VisitSyncResult> {
  const results: Result[] = [];
  const ready: ReadyVisit[] = [];
  const grants = new Map<number, string | null>();
  const versions = new Map<number, QuestionnaireVersion | null>();
  const seen = new Set<string>();
  for (const item of raw) {
    const parsed = visitInputSchema.safeParse(item);
    const id =
      item && typeof item === 'object' && 'id' in item && typeof item.id === 'string'
        ? item.id.slice(0, 40)
        : '';
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      results.push(
        rejected(id, 'invalid_visit', `${issue.path.join('.') || 'visit'}: ${issue.message}`),
      );
      continue;
    }
    // The database answers ids in lower case: so are they compared.
    const visit = { ...parsed.data, id: parsed.data.id.toLowerCase() };
    if (seen.has(visit.id)) {
      results.push({ id: visit.id, status: 'duplicate' });
      continue;
    }
    seen.add(visit.id);
    if (!grants.has(visit.turfId))
      grants.set(visit.turfId, await refusalOf(ctx, auth, visit.turfId));
    const refusal = grants.get(visit.turfId);
    if (refusal) {
      results.push(rejected(visit.id, refusal, 'Ce secteur ne vous est pas confié.'));
      continue;
    }
    let versionId: number | null = null;
    let answers: Answers | null = null;
    let supportLevel: number | null = null;
    let aggregateSupport: number | null = null;
    let contact: ReadyVisit['contact'] = null;
    let doNotVisit = visit.outcome === 'do_not_visit';
    if (visit.questionnaire && visit.mode === 'door') {
      versionId = visit.questionnaire.versionId;
      if (!versions.has(versionId))
        versions.set(versionId, await questionnaireVersion(ctx, versionId));
      const version = versions.get(versionId);
      if (!version) {
        results.push(rejected(visit.id, 'unknown_version', 'Version de questionnaire inconnue.'));
        continue;
      }
      const checked = checkAnswers(version.definition, visit.questionnaire);
      if (!checked.ok) {
        const [problem] = checked.problems;
        results.push(
          rejected(visit.id, 'invalid_answers', `${problem.path.join('.')}: ${problem.code}`),
        );
        continue;
      }
      const split = splitOpinion(version.definition, checked.clean);
      contact = checked.clean.contact;
      answers = contact ? (split.personAnswers ?? {}) : split.aggregateAnswers;
      supportLevel = contact ? split.personSupport : null;
      aggregateSupport = split.aggregateSupport;
      doNotVisit ||= checked.clean.doNotVisitAgain;
    }
    ready.push({
      id: visit.id,
      turfId: visit.turfId,
      addressId: visit.addressId,
      outcome: visit.outcome,
      mode: visit.mode,
      building: visit.building || null,
      floor: visit.floor || null,
      door: visit.door || null,
      notes: visit.notes || null,
      visitedAt: visit.visitedAt,
      versionId,
      answers,
      supportLevel,
      aggregateSupport,
      doNotVisit,
      contact,
      wordingVersion: `questionnaire-version:${versionId ?? 0}`,
    });
  }
  const known = await addressesOfAreas(ctx, ready);
  const accepted = ready.filter((v) => known.has(`${v.turfId}:${v.addressId}`));
  const plain = accepted.filter((v) => !v.contact);
  const stored = new Set<string>();
  if (plain.length) {
    for (const id of await writeVisits(ctx.database.query, ctx.campaignId, auth.personId, plain))
      stored.add(id);
  }
  for (const visit of accepted.filter((v) => v.contact)) {
    const written = await ctx.database.transaction(async (query) => {
      const [id] = await writeVisits(query, ctx.campaignId, auth.personId, [visit]);
      if (!id) return false;
      const person = await personMetAtDoor(query, ctx.campaignId, visit.contact!, {
        source: DOOR_TO_DOOR_CONSENT_SOURCE,
        wordingVersion: visit.wordingVersion,
        volunteerId: auth.personId,
        visitId: visit.id,
      });
      await query(
        sql`UPDATE field_visits SET person_id = ${person.id} WHERE campaign_id = ${ctx.campaignId} AND id = ${visit.id}::uuid`,
      );
      return true;
    });
    if (written) stored.add(visit.id);
  }
  for (const visit of ready) {
    if (stored.has(visit.id)) results.push({ id: visit.id, status: 'stored' });
    else if (!known.has(`${visit.turfId}:${visit.addressId}`))
      results.push(
        rejected(
          visit.id,
          'unknown_address',
          'Cette adresse n’est dans aucun secteur de cette zone.',
        ),
      );
    else results.push({ id: visit.id, status: 'duplicate' });
  }
  return { results };
}

async function refusalOf(
  ctx: AppContext,
  auth: Pick<AuthState, 'personId' | 'permissions'>,
  turfId: number,
): Promise<string | null> {
  try {
    await turfGrant(ctx, auth, turfId);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code === 'not_found' ? 'unknown_turf' : error.code;
    throw error;
  }
}

/**
 * The visits' (turf, address) pairs whose address is in a turf of the same area as the visit's
 * turf: a phone whose turf was split or merged since it was packed still sends its visits,
 * but no visit reaches an address outside the area its volunteer was given.
 */
async function addressesOfAreas(ctx: AppContext, visits: readonly ReadyVisit[]) {
  if (visits.length === 0) return new Set<string>();
  const rows = await ctx.database.query<{ turf_id: number; address_id: number }>(
    sql`SELECT DISTINCT g.turf_id, g.address_id
          FROM unnest(${visits.map((v) => v.turfId)}::bigint[], ${visits.map((v) => v.addressId)}::bigint[])
               AS g(turf_id, address_id)
          JOIN field_turfs t ON t.campaign_id = ${ctx.campaignId} AND t.id = g.turf_id
          JOIN field_turf_addresses ta ON ta.campaign_id = t.campaign_id AND ta.address_id = g.address_id
          JOIN field_turfs o ON o.campaign_id = ta.campaign_id AND o.id = ta.turf_id AND o.area_id = t.area_id`,
  );
  return new Set(rows.map((row) => `${Number(row.turf_id)}:${Number(row.address_id)}`));
}

/**
 * Writes visits whose id is new; counts support levels kept only as
 * aggregates and marks "do not visit again" addresses, for the visits written only. Answers
 * the ids written.
 */
async function writeVisits(
  query: Query,
  campaignId: number,
  volunteerId: number,
  visits: readonly ReadyVisit[],
): Promise<string[]> {
  const col = <T>(pick: (v: ReadyVisit) => T) => visits.map(pick);
  // One statement: the visits whose id is new, then, for those only, the support counts and
  // the do-not-visit marks (atomic without a transaction of its own).
  const rows = await query<{ id: string }>(
    sql`WITH given AS (
          SELECT * FROM unnest(${col((v) => v.id)}::uuid[], ${col((v) => v.turfId)}::bigint[],
                               ${col((v) => v.addressId)}::bigint[], ${col((v) => v.outcome)}::text[],
                               ${col((v) => v.mode)}::text[], ${col((v) => v.building)}::text[],
                               ${col((v) => v.floor)}::text[], ${col((v) => v.door)}::text[],
                               ${col((v) => v.versionId)}::bigint[],
                               ${col((v) => (v.answers ? JSON.stringify(v.answers) : null))}::jsonb[],
                               ${col((v) => v.supportLevel)}::smallint[], ${col((v) => v.notes)}::text[],
                               ${col((v) => v.visitedAt)}::timestamptz[],
                               ${col((v) => v.aggregateSupport)}::smallint[],
                               ${col((v) => v.doNotVisit)}::boolean[])
            AS g(id, turf_id, address_id, outcome, mode, building, floor, door, version_id, answers,
                 support_level, notes, visited_at, tally, do_not_visit)
        ), written AS (
          INSERT INTO field_visits (campaign_id, id, turf_id, address_id, volunteer_person_id, outcome, mode,
                                    building, floor, door, version_id, answers, support_level, notes, visited_at)
          SELECT ${campaignId}, g.id, g.turf_id, g.address_id, ${volunteerId}, g.outcome, g.mode, g.building,
                 g.floor, g.door, g.version_id, g.answers, g.support_level, g.notes, g.visited_at
            FROM given g
          ON CONFLICT (campaign_id, id) DO NOTHING
          RETURNING id
        ), tallied AS (
          INSERT INTO field_support_tallies (campaign_id, turf_id, address_id, level, count)
          SELECT ${campaignId}, g.turf_id, g.address_id, g.tally, count(*)
            FROM given g JOIN written w ON w.id = g.id
           WHERE g.tally IS NOT NULL
           GROUP BY g.turf_id, g.address_id, g.tally
          ON CONFLICT (campaign_id, turf_id, address_id, level)
          DO UPDATE SET count = field_support_tallies.count + excluded.count
        ), marked AS (
          UPDATE field_addresses a SET do_not_visit = true
            FROM given g JOIN written w ON w.id = g.id
           WHERE a.campaign_id = ${campaignId} AND a.id = g.address_id AND g.do_not_visit
        )
        SELECT id::text AS id FROM written`,
  );
  return rows.map((row) => row.id);
}
