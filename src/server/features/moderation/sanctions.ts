import { sql } from 'drizzle-orm';
import { defaultModerationRules, type ModerationRules } from '../../../contracts/moderation.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql, type Queryable } from '../../core/db/statement.ts';
import { AppError, notFound } from '../../core/http/errors.ts';
import { personNames } from '../people/directory.ts';
import { readSetting, writeSetting } from '../settings/service.ts';
import { suspensionEnd } from './suspension-end.ts';

const RULES_KEY = 'moderation_rules';

/** A sanction in force: not lifted, and a ban or a suspension not yet over. */
const inForce = sql.raw(`lifted_at IS NULL AND (until IS NULL OR until > now())`);

/** The sanction in force on a person, if any. */
export async function sanctionOf(on: Queryable, campaignId: number, personId: number) {
  const [row] = await runSql<{ kind: 'ban' | 'suspension'; until: Date | string | null }>(
    on,
    sql`SELECT kind, until FROM moderation_sanctions
         WHERE campaign_id = ${campaignId} AND person_id = ${personId} AND ${inForce}
         ORDER BY until DESC NULLS FIRST LIMIT 1`,
  );
  return row ?? null;
}

/**
 * Refuses a suspended or banned person anything that publishes (a committee, an event, a
 * message); other features call it before they create.
 */
export async function assertMayPost(ctx: AppContext, personId: number): Promise<void> {
  const sanction = await sanctionOf(ctx.database, ctx.campaignId, personId);
  if (!sanction) return;
  if (sanction.kind === 'ban') {
    throw new AppError(403, 'posting_banned', 'The moderators have withdrawn your right to post.');
  }
  const until = new Date(sanction.until!).toISOString();
  throw new AppError(
    403,
    'posting_suspended',
    `The moderators have suspended your right to post until ${suspensionEnd('en', until, ctx.config.CAMPAIGN_TIMEZONE)}.`,
    undefined,
    { until },
  );
}

export async function moderationRules(ctx: AppContext): Promise<ModerationRules> {
  return (
    (await readSetting<ModerationRules>(ctx.database, ctx.campaignId, RULES_KEY)) ??
    defaultModerationRules
  );
}

export async function setModerationRules(ctx: AppContext, rules: ModerationRules, actorId: number) {
  await writeSetting(ctx.database, ctx.campaignId, RULES_KEY, rules);
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'moderation.rules.update',
    details: rules,
  });
  return rules;
}

/** Decisions that upheld reports against an author (dismissals and restorations are not). */
const UPHELD = ['ask_fix', 'unpublish', 'close', 'ban'];

/**
 * The repeat-offender rules, after a decision upheld against `authorId`: the first rule whose
 * count of upheld decisions within its window is reached suspends them (unless a sanction is
 * already in force). Returns the end of the suspension given.
 */
export async function applyRepeatRules(
  query: Query,
  campaignId: number,
  rules: ModerationRules,
  authorId: number,
  decisionId: number,
): Promise<Date | null> {
  if (await sanctionOf(query, campaignId, authorId)) return null;
  for (const rule of rules.rules) {
    const [row] = await runSql<{ n: number }>(
      query,
      sql`SELECT count(*)::int AS n FROM moderation_decisions
           WHERE campaign_id = ${campaignId} AND author_person_id = ${authorId}
             AND action = ANY(${UPHELD})
             AND created_at > now() - make_interval(days => ${rule.withinDays})`,
    );
    if (row!.n < rule.upheld) continue;
    const [given] = await runSql<{ until: Date | string }>(
      query,
      sql`INSERT INTO moderation_sanctions (campaign_id, person_id, kind, until, reason, moderation_decision_id)
          VALUES (${campaignId}, ${authorId}, 'suspension',
                  now() + make_interval(days => ${rule.suspendDays}),
                  ${`${row!.n} upheld reports within ${rule.withinDays} days`}, ${decisionId})
          RETURNING until`,
    );
    return new Date(given!.until);
  }
  return null;
}

export async function listSanctions(ctx: AppContext) {
  const rows = await runSql<{
    id: number;
    person_id: number;
    kind: 'ban' | 'suspension';
    until: Date | string | null;
    reason: string;
    created_at: Date | string;
  }>(
    ctx.database,
    sql`SELECT id, person_id, kind, until, reason, created_at FROM moderation_sanctions
         WHERE campaign_id = ${ctx.campaignId} AND ${inForce} ORDER BY created_at DESC LIMIT 500`,
  );
  const names = await personNames(
    ctx,
    rows.map((row) => Number(row.person_id)),
  );
  return rows.map((row) => ({
    id: Number(row.id),
    personId: Number(row.person_id),
    personName: names.get(Number(row.person_id)) ?? null,
    kind: row.kind,
    until: row.until === null ? null : new Date(row.until).toISOString(),
    reason: row.reason,
    at: new Date(row.created_at).toISOString(),
  }));
}

export async function liftSanction(ctx: AppContext, id: number, actorId: number) {
  const lifted = await runSql<{ person_id: number }>(
    ctx.database,
    sql`UPDATE moderation_sanctions SET lifted_at = now(), lifted_by = ${actorId}
         WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND lifted_at IS NULL
        RETURNING person_id`,
  );
  if (lifted.length === 0) throw notFound('sanction');
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'moderation.lift',
    target: `person:${lifted[0]!.person_id}`,
    details: { sanctionId: id },
  });
}
