import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  decisionInputSchema,
  ModerationTargetKind,
  reportInputSchema,
  ReportReason,
} from '../../../contracts/moderation.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql } from '../../core/db/statement.ts';
import { badRequest, notFound } from '../../core/http/errors.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { contactsOf } from '../people/directory.ts';
import { campaignName } from '../settings/service.ts';
import { moderationTargets } from '../moderation-targets.ts';
import { decisionMail } from './mails.ts';
import { applyRepeatRules, moderationRules } from './sanctions.ts';
import { suspensionEnd } from './suspension-end.ts';
import type { ModerationTargetKindDefinition } from './target.ts';

type ReportInput = z.output<typeof reportInputSchema>;
type DecisionInput = z.output<typeof decisionInputSchema>;

function kindOf(kind: ModerationTargetKind): ModerationTargetKindDefinition {
  const definition = moderationTargets().get(kind);
  if (!definition) throw notFound(kind.replace('_', ' '));
  return definition;
}

/**
 * Anyone reports what they can see (the public, what is public; members, their committee's
 * board). A logged-in person's second report of the same
 * target while it is open changes nothing (so one person counts once in the queue).
 */
export async function report(ctx: AppContext, reporterId: number | null, input: ReportInput) {
  const kind = kindOf(input.targetKind);
  if (!(await kind.isVisible(ctx, input.targetId, reporterId)))
    throw notFound(input.targetKind.replace('_', ' '));
  if (reporterId !== null) {
    const already = await runSql(
      ctx.database,
      sql`SELECT 1 FROM reports WHERE campaign_id = ${ctx.campaignId} AND target_kind = ${input.targetKind}
             AND target_id = ${input.targetId} AND reporter_id = ${reporterId} AND status = 'open'`,
    );
    if (already.length > 0) return;
  }
  await runSql(
    ctx.database,
    sql`INSERT INTO reports (campaign_id, target_kind, target_id, reporter_id, reason, text)
        VALUES (${ctx.campaignId}, ${input.targetKind}, ${input.targetId}, ${reporterId},
                ${input.reason}, ${input.text})`,
  );
}

const QUEUE_PAGE = 50;

/** Open reports grouped by target, the longest waiting first. */
export async function moderationQueue(ctx: AppContext, page: number) {
  const groups = await runSql<{
    target_kind: ModerationTargetKind;
    target_id: number;
    reporters: number;
    reasons: Array<{ reason: ReportReason; count: number }>;
    texts: string[] | null;
    first_at: Date | string;
    last_at: Date | string;
    total: number;
  }>(
    ctx.database,
    sql`SELECT target_kind, target_id, count(*)::int AS reporters,
               (SELECT json_agg(json_build_object('reason', x.reason, 'count', x.n) ORDER BY x.n DESC, x.reason)
                  FROM (SELECT reason, count(*)::int AS n FROM reports r2
                         WHERE r2.campaign_id = r.campaign_id AND r2.target_kind = r.target_kind
                           AND r2.target_id = r.target_id AND r2.status = 'open' GROUP BY reason) x) AS reasons,
               (array_agg(text ORDER BY created_at DESC) FILTER (WHERE text <> ''))[1:5] AS texts,
               min(created_at) AS first_at, max(created_at) AS last_at, count(*) OVER ()::int AS total
          FROM reports r WHERE campaign_id = ${ctx.campaignId} AND status = 'open'
         GROUP BY campaign_id, target_kind, target_id
         ORDER BY min(created_at), target_kind, target_id
         LIMIT ${QUEUE_PAGE} OFFSET ${(page - 1) * QUEUE_PAGE}`,
  );
  const byKind = new Map<ModerationTargetKind, number[]>();
  for (const g of groups)
    byKind.set(g.target_kind, [...(byKind.get(g.target_kind) ?? []), Number(g.target_id)]);
  const described = new Map<
    string,
    Awaited<ReturnType<ModerationTargetKindDefinition['describe']>>
  >();
  for (const [kind, ids] of byKind) described.set(kind, await kindOf(kind).describe(ctx, ids));
  const items = groups.flatMap((g) => {
    const target = described.get(g.target_kind)?.get(Number(g.target_id));
    if (!target) return [];
    return [
      {
        target,
        reporters: g.reporters,
        reasons: g.reasons,
        texts: g.texts ?? [],
        firstAt: new Date(g.first_at).toISOString(),
        lastAt: new Date(g.last_at).toISOString(),
      },
    ];
  });
  return { items, total: groups[0]?.total ?? 0 };
}

/**
 * A moderator's decision on a target: the target changes (unpublished, closed, restored; a
 * ban hides everything its author posted, in every kind, and stops them posting), its open
 * reports are closed with it, the repeat-offender rules may suspend the author, all in one
 * transaction; then the act is audited and the people concerned are told why by mail.
 */
export async function decide(ctx: AppContext, moderatorId: number, input: DecisionInput) {
  if (input.action !== 'dismiss' && !input.message) {
    throw badRequest('message_required', 'Say why: the people concerned will read it.', [
      { field: 'message', code: 'message_required', message: 'Say why.' },
    ]);
  }
  const kind = kindOf(input.targetKind);
  const target = (await kind.describe(ctx, [input.targetId])).get(input.targetId);
  if (!target) throw notFound(input.targetKind.replace('_', ' '));
  const rules = await moderationRules(ctx);
  const result = await ctx.database.transaction(async (query) => {
    const [decision] = await runSql<{ id: number; created_at: Date | string }>(
      query,
      sql`INSERT INTO moderation_decisions (campaign_id, target_kind, target_id, action, message, author_person_id, moderator_id)
          VALUES (${ctx.campaignId}, ${input.targetKind}, ${input.targetId}, ${input.action},
                  ${input.message}, ${target.authorId}, ${moderatorId})
          RETURNING id, created_at`,
    );
    const decisionId = Number(decision!.id);
    if (input.action === 'unpublish' || input.action === 'close' || input.action === 'restore') {
      await kind.change(query, ctx.campaignId, input.targetId, input.action);
    }
    let hidden = 0;
    if (input.action === 'ban' && target.authorId !== null) {
      for (const other of moderationTargets().values()) {
        hidden += await other.hideAllBy(query, ctx.campaignId, target.authorId);
      }
      await kind.change(query, ctx.campaignId, input.targetId, 'unpublish');
      await runSql(
        query,
        sql`INSERT INTO moderation_sanctions (campaign_id, person_id, kind, reason, moderation_decision_id, decided_by)
            VALUES (${ctx.campaignId}, ${target.authorId}, 'ban', ${input.message}, ${decisionId}, ${moderatorId})`,
      );
    }
    const closed = await runSql(
      query,
      sql`UPDATE reports SET status = ${input.action === 'dismiss' || input.action === 'restore' ? 'dismissed' : 'upheld'},
                 moderation_decision_id = ${decisionId}
           WHERE campaign_id = ${ctx.campaignId} AND target_kind = ${input.targetKind}
             AND target_id = ${input.targetId} AND status = 'open' RETURNING id`,
    );
    const upheld = !['dismiss', 'restore', 'ban'].includes(input.action);
    const suspendedUntil =
      upheld && target.authorId !== null
        ? await applyRepeatRules(query, ctx.campaignId, rules, target.authorId, decisionId)
        : null;
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId: moderatorId,
        action: `moderation.${input.action}`,
        target: `${input.targetKind}:${input.targetId}`,
        details: {
          title: target.title,
          message: input.message,
          reports: closed.length,
          ...(hidden ? { hidden } : {}),
          ...(suspendedUntil ? { suspendedUntil: suspendedUntil.toISOString() } : {}),
        },
      },
    );
    return {
      id: decisionId,
      targetKind: input.targetKind,
      targetId: input.targetId,
      action: input.action,
      message: input.message,
      reportsClosed: closed.length,
      suspendedUntil: suspendedUntil?.toISOString() ?? null,
      at: new Date(decision!.created_at).toISOString(),
    };
  });
  if (input.action !== 'dismiss') {
    await tellConcerned(ctx, kind, target.title, input.targetId, {
      action: input.action,
      message: input.message,
      suspendedUntil: result.suspendedUntil,
      authorId: target.authorId,
      url: target.url,
    });
  }
  return result;
}

async function tellConcerned(
  ctx: AppContext,
  kind: ModerationTargetKindDefinition,
  title: string,
  targetId: number,
  what: {
    action: Exclude<DecisionInput['action'], 'dismiss'>;
    message: string;
    suspendedUntil: string | null;
    authorId: number | null;
    url: string | null;
  },
) {
  const ids = new Set(await kind.concerned(ctx, targetId));
  if (what.authorId !== null) ids.add(what.authorId);
  const people = await contactsOf(ctx, [...ids]);
  const campaign = await campaignName(ctx.database, ctx.campaignId);
  for (const person of people.values()) {
    if (person.erased || !person.email) continue;
    const isAuthor = person.id === what.authorId;
    const mail = decisionMail(
      person.locale,
      {
        campaign,
        title,
        action: what.action,
        message: what.message,
        until:
          isAuthor && what.suspendedUntil
            ? suspensionEnd(person.locale, what.suspendedUntil, ctx.config.CAMPAIGN_TIMEZONE)
            : null,
      },
      `${ctx.config.publicUrl}${what.url ?? '/'}`,
    );
    await enqueueMail(ctx.database, ctx.campaignId, {
      kind: 'moderation_decision',
      personId: person.id,
      to: person.email,
      ...mail,
    });
  }
  ctx.mailer.nudge();
}

/** Open reports per target of a kind, by target id. */
export async function openReportCounts(
  ctx: AppContext,
  kind: ModerationTargetKind,
  ids: readonly number[],
): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await runSql<{ target_id: number; n: number }>(
    ctx.database,
    sql`SELECT target_id, count(*)::int AS n FROM reports
         WHERE campaign_id = ${ctx.campaignId} AND target_kind = ${kind} AND status = 'open'
           AND target_id = ANY(${[...ids]}) GROUP BY target_id`,
  );
  return new Map(rows.map((r) => [Number(r.target_id), r.n]));
}

/** The targets of a kind with open reports, as a subquery of one column. */
export function reportedTargets(campaignId: number, kind: ModerationTargetKind): SQL {
  return sql`SELECT target_id FROM reports
              WHERE campaign_id = ${campaignId} AND target_kind = ${kind} AND status = 'open'`;
}

/**
 * A target its feature held itself (a forbidden word in it): queued for the moderators as a
 * report without a reporter, so it waits in the same queue and the same decisions apply
 * (`restore` publishes it, `unpublish` or `close` keep it down).
 */
export async function queueHeld(
  query: Query,
  campaignId: number,
  kind: ModerationTargetKind,
  id: number,
  text: string,
): Promise<void> {
  await runSql(
    query,
    sql`INSERT INTO reports (campaign_id, target_kind, target_id, reporter_id, reason, text)
        VALUES (${campaignId}, ${kind}, ${id}, NULL, 'other', ${text})`,
  );
}
