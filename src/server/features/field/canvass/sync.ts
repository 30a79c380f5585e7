import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  checkAnswers,
  DOOR_TO_DOOR_CONSENT_SOURCE,
  splitOpinion,
  type Answers,
} from '../../../../contracts/field-answers.ts';
import type { QuestionnaireVersion } from '../../../../contracts/field-questionnaires.ts';
import { visitInputSchema, type VisitSyncResult } from '../../../../contracts/field-visits.ts';
import type { AppContext } from '../../../core/context.ts';
import { perCampaign } from '../../../core/db/per-campaign.ts';
import { AppError } from '../../../core/http/errors.ts';
import type { AuthState } from '../../../core/http/session.ts';
import { personMetAtDoor } from '../../people/met-at-door.ts';
import { questionnaireVersion } from '../questionnaires/service.ts';
import { turfGrant } from './access.ts';
import { checkAndWriteIn, visitWriter, type VisitCheck, type VisitRow } from './visit-writer.ts';

type Result = VisitSyncResult['results'][number];
type VisitInputParsed = z.output<typeof visitInputSchema>;

/** A visit that passed its own checks: what to write, and what goes where under GDPR art. 9. */
interface Candidate {
  row: VisitRow;
  /** Why it cannot be stored though its turf may be open (its questionnaire's answers). */
  rejection: Result | null;
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
 * Questionnaire versions are never changed once written (a change is a new version): kept by
 * the process once read, a few hundred at most.
 */
const versionCache = perCampaign<Map<number, QuestionnaireVersion>>();
const VERSIONS_KEPT = 500;

async function cachedVersion(ctx: AppContext, versionId: number) {
  const cache =
    versionCache.get(ctx.database, ctx.campaignId) ??
    versionCache.set(ctx.database, ctx.campaignId, new Map());
  const known = cache.get(versionId);
  if (known) return known;
  const version = await questionnaireVersion(ctx, versionId);
  if (version) {
    if (cache.size >= VERSIONS_KEPT) cache.clear();
    cache.set(versionId, version);
  }
  return version;
}

/**
 * Called with the visits a request stored (not again for a duplicate), once they are: other
 * features listen (integrations' webhooks) without field naming them.
 */
export const visitsStoredListeners = new Set<
  (ctx: AppContext, visits: readonly VisitRow[]) => Promise<void>
>();

/**
 * Stores the visits a phone sends. Each is keyed by the id the phone made: one sent again (a
 * retry, a connection cut after the server wrote it) answers `duplicate` and changes nothing,
 * so the phone may drop it. Each visit's turf must be open to the volunteer and its address in
 * a turf of the same area. Visits without a new contact are checked and written by one
 * statement, together with those of other requests arriving at once (visit-writer.ts); one
 * that brings a contact is written with its person in its own transaction, so a resent visit
 * never makes a second person. A visit the server cannot take answers `rejected` with its
 * reason, and the others of the batch are stored all the same.
 */
export async function syncVisits(
  ctx: AppContext,
  auth: Pick<AuthState, 'personId' | 'permissions'>,
  raw: readonly unknown[],
): Promise<VisitSyncResult> {
  const results: Array<Result | Candidate> = [];
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const item of raw) {
    const parsed = visitInputSchema.safeParse(item);
    if (!parsed.success) {
      const id =
        item && typeof item === 'object' && 'id' in item && typeof item.id === 'string'
          ? item.id.slice(0, 40)
          : '';
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
    const candidate = await candidateOf(ctx, auth.personId, visit);
    candidates.push(candidate);
    results.push(candidate);
  }

  // One pass: each turf given to the volunteer is seen by the statement itself.
  const checks = await visitWriter(ctx.database, ctx.campaignId).write(
    candidates.map((c) => c.row),
  );
  // Turfs open for another reason (committee, door-to-door session, staff): asked apart,
  // then their visits go through the statement again, granted.
  const refusals = new Map<number, string | null>();
  for (const [i, check] of checks.entries()) {
    const { turfId } = candidates[i].row;
    if (check.turfKnown && !check.allowed && !refusals.has(turfId))
      refusals.set(turfId, await refusalOf(ctx, auth, turfId));
  }
  const granted = candidates.flatMap((candidate, i) =>
    refusals.get(candidate.row.turfId) === null && !checks[i].allowed ? [i] : [],
  );
  if (granted.length) {
    const again = await visitWriter(ctx.database, ctx.campaignId).write(
      granted.map((i) => ({ ...candidates[i].row, granted: true })),
    );
    granted.forEach((i, k) => (checks[i] = again[k]));
  }

  const outcomes = new Map<Candidate, Result>();
  const late = new Set<Candidate>();
  for (const [i, candidate] of candidates.entries()) {
    outcomes.set(candidate, await outcomeOf(ctx, auth.personId, candidate, checks[i], refusals));
    if (checks[i].allowed && !candidate.rejection) late.add(candidate);
  }
  // Told once the visits are stored (after their statements: the batched ones share theirs
  // with other requests); a listener keeps its own failures to itself.
  const stored = candidates.filter((c) => outcomes.get(c)?.status === 'stored').map((c) => c.row);
  if (stored.length) for (const listener of visitsStoredListeners) await listener(ctx, stored);
  // The order the route has always answered in: the visits refused for themselves or their
  // turf, then those checked against their address (stored, duplicate or unknown address).
  const answer = (r: Result | Candidate) => ('row' in r ? outcomes.get(r)! : r);
  return {
    results: [
      ...results.filter((r) => !late.has(r as Candidate)).map(answer),
      ...[...late].map(answer),
    ],
  };
}

/** A parsed visit's row, its questionnaire checked against the version it was given on. */
async function candidateOf(
  ctx: AppContext,
  volunteerId: number,
  visit: VisitInputParsed,
): Promise<Candidate> {
  let versionId: number | null = null;
  let answers: Answers | null = null;
  let supportLevel: number | null = null;
  let tally: number | null = null;
  let contact: Candidate['contact'] = null;
  let rejection: Result | null = null;
  let doNotVisit = visit.outcome === 'do_not_visit';
  if (visit.questionnaire && visit.mode === 'door') {
    versionId = visit.questionnaire.versionId;
    const version = await cachedVersion(ctx, versionId);
    const checked = version ? checkAnswers(version.definition, visit.questionnaire) : null;
    if (!version) {
      rejection = rejected(visit.id, 'unknown_version', 'Version de questionnaire inconnue.');
    } else if (!checked!.ok) {
      const [problem] = checked!.problems;
      rejection = rejected(
        visit.id,
        'invalid_answers',
        `${problem.path.join('.')}: ${problem.code}`,
      );
    } else {
      const { clean } = checked!;
      const split = splitOpinion(version.definition, clean);
      contact = clean.contact;
      answers = contact ? (split.personAnswers ?? {}) : split.aggregateAnswers;
      supportLevel = contact ? split.personSupport : null;
      tally = split.aggregateSupport;
      doNotVisit ||= clean.doNotVisitAgain;
    }
  }
  return {
    row: {
      id: visit.id,
      turfId: visit.turfId,
      addressId: visit.addressId,
      volunteerId,
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
      tally,
      doNotVisit,
      granted: false,
      // Checked only: a visit bringing a contact is written with its person, below.
      write: !rejection && !contact,
    },
    rejection,
    contact,
    wordingVersion: `questionnaire-version:${versionId ?? 0}`,
  };
}

/** A checked visit's answer: its turf's refusal first, then its own, then its address's. */
async function outcomeOf(
  ctx: AppContext,
  volunteerId: number,
  candidate: Candidate,
  check: VisitCheck,
  refusals: ReadonlyMap<number, string | null>,
): Promise<Result> {
  const { id, turfId } = candidate.row;
  if (!check.turfKnown) return rejected(id, 'unknown_turf', 'Ce secteur ne vous est pas confié.');
  if (!check.allowed)
    return rejected(
      id,
      refusals.get(turfId) ?? 'turf_not_assigned',
      'Ce secteur ne vous est pas confié.',
    );
  if (candidate.rejection) return candidate.rejection;
  if (!check.inArea)
    return rejected(id, 'unknown_address', 'Cette adresse n’est dans aucun secteur de cette zone.');
  if (!candidate.contact) return { id, status: check.written ? 'stored' : 'duplicate' };
  const written = await ctx.database.transaction(async (query) => {
    const alone = await checkAndWriteIn(query, ctx.campaignId, {
      ...candidate.row,
      granted: true, // its turf is open to the volunteer: checked above
      write: true,
    });
    if (!alone.written) return false;
    const person = await personMetAtDoor(query, ctx.campaignId, candidate.contact!, {
      source: DOOR_TO_DOOR_CONSENT_SOURCE,
      wordingVersion: candidate.wordingVersion,
      volunteerId,
      visitId: id,
    });
    await query(
      sql`UPDATE field_visits SET person_id = ${person.id} WHERE campaign_id = ${ctx.campaignId} AND id = ${id}::uuid`,
    );
    return true;
  });
  return { id, status: written ? 'stored' : 'duplicate' };
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
