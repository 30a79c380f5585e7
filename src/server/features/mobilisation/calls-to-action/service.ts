import { sql } from 'drizzle-orm';
import type {
  AreaNeed,
  CallActionRef,
  CallAudienceInput,
  CallAudiencePreview,
  CallToAction,
  CallToActionInput,
  CallToActionSummary,
} from '../../../../contracts/calls-to-action.ts';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import { rowById } from '../../../core/db/row-by-id.ts';
import { conflict, invalidFields } from '../../../core/http/errors.ts';
import { messageMailCounts, QUEUE_MESSAGE_MAILS } from '../../../core/mail/message-mails.ts';
import { assertOutsideSilence } from '../../compliance/schedule.ts';
import { emailablePeople, personNames } from '../../people/directory.ts';
import { peopleInCommunes } from '../../people/in-communes.ts';
import {
  actionKey,
  describeActions,
  openActionsForCalls,
  type CallAction,
} from './open-actions.ts';
import { communesWithin, referenceCommune } from './reach.ts';

/** The kind of the call's mails in the outbox (their `message_id` is the call's id). */
export const CALL_MAIL_KIND = 'call_to_action';

interface CallRow {
  id: number;
  subject: string;
  body: string;
  areas: string[];
  distance_km: number;
  actions: Array<{ kind: CallActionRef['kind']; id: number; title: string }>;
  recipients: number;
  sent_by: number | null;
  sent_at: Date;
}

const communeName = (ctx: AppContext, code: string) =>
  ctx.geo.commune(code)?.name ?? ctx.geo.commune(referenceCommune(code))?.name ?? code;

/** Target communes must be real ones: each unknown one is a field error. */
function checkAreas(ctx: AppContext, areas: readonly string[]) {
  const unknown = areas.flatMap((code, index) =>
    ctx.geo.commune(referenceCommune(code))
      ? []
      : [{ field: `areas.${index}`, code: 'invalid_commune', message: 'No such commune.' }],
  );
  if (unknown.length > 0) throw invalidFields(unknown);
}

/**
 * The communes where actions lack volunteers, those missing the most people first: per
 * commune its turfs nobody holds, its phone-bank hours unfilled and its events short of
 * people, each action listed (from mobilisation's open actions).
 */
export async function areasNeedingVolunteers(ctx: AppContext): Promise<AreaNeed[]> {
  const actions = await openActionsForCalls(ctx);
  const areas = new Map<string, AreaNeed>();
  for (const action of actions) {
    if (!action.communeCode) continue;
    const code = action.communeCode;
    let area = areas.get(code);
    if (!area) {
      area = {
        communeCode: code,
        communeName: communeName(ctx, code),
        turfsUnassigned: 0,
        shiftHoursUnfilled: 0,
        eventsShort: 0,
        missing: 0,
        needs: [],
      };
      areas.set(code, area);
    }
    if (action.kind === 'turf') area.turfsUnassigned += 1;
    else if (action.kind === 'shift') area.shiftHoursUnfilled += action.missingHours;
    else area.eventsShort += 1;
    area.missing += action.missing;
    area.needs.push({
      kind: action.kind,
      id: action.id,
      title: action.title,
      startsAt: action.startsAt,
      missing: action.missing,
      missingHours: action.missingHours,
    });
  }
  for (const area of areas.values()) {
    area.shiftHoursUnfilled = Math.round(area.shiftHoursUnfilled * 10) / 10;
  }
  return [...areas.values()].sort(
    (a, b) => b.missing - a.missing || a.communeName.localeCompare(b.communeName, 'fr'),
  );
}

/** The people within the distance (ids), as a statement. */
const audienceOf = (ctx: AppContext, input: { areas: string[]; distanceKm: number }) =>
  peopleInCommunes(ctx.campaignId, communesWithin(input.areas, input.distanceKm));

/** How many a call would reach now, and how many near ones it would not (no consent, no address). */
export async function previewAudience(
  ctx: AppContext,
  input: Required<CallAudienceInput>,
): Promise<CallAudiencePreview> {
  checkAreas(ctx, input.areas);
  const communes = communesWithin(input.areas, input.distanceKm);
  const ids = peopleInCommunes(ctx.campaignId, communes);
  const [counted] = await ctx.database.query<{ near: number; reachable: number }>(
    sql`SELECT (SELECT count(*)::int FROM (${ids}) n) AS near,
               (SELECT count(*)::int FROM (${emailablePeople(ctx.campaignId, ids, { agreedToEmail: true })}) r) AS reachable`,
  );
  return {
    recipients: counted!.reachable,
    notReachable: counted!.near - counted!.reachable,
    communes: new Set(communes.map(referenceCommune)).size,
  };
}

/**
 * Sends a call: the call recorded with its actions, then in one statement its recipients (the
 * supporters within the distance who agreed to email, with an address) and one outbox mail
 * each, rendered when sent; the compliance gate checks each mail again just before it goes
 * (consent withdrawn since, silence begun). Audited.
 */
export async function sendCallToAction(
  ctx: AppContext,
  input: CallToActionInput & { actions: CallActionRef[] },
  actorId: number,
  ip?: string,
): Promise<CallToAction> {
  checkAreas(ctx, input.areas);
  const actions = await describeActions(ctx, input.actions);
  // In the target communes' silence (L49) the gate would hold every mail until the polls
  // close, when the call is moot: refused at once.
  const now = new Date();
  await assertOutsideSilence(
    ctx,
    { several: input.areas.map((communeCode) => ({ communeCode })) },
    now,
    new Date(now.getTime() + 1),
  );
  const ids = audienceOf(ctx, input);
  const recipients = emailablePeople(ctx.campaignId, ids, { agreedToEmail: true });
  const id = await ctx.database.transaction(async (query) => {
    const [call] = await query<{ id: number }>(
      sql`INSERT INTO calls_to_action (campaign_id, subject, body, areas, distance_km, actions, sent_by)
          VALUES (${ctx.campaignId}, ${input.subject.trim()}, ${input.body.trim()}, ${[...input.areas]}::text[],
                  ${input.distanceKm}, ${JSON.stringify(actions.map(({ kind, id, title }) => ({ kind, id, title })))}::jsonb, ${actorId})
          RETURNING id`,
    );
    const callId = Number(call!.id);
    const [queued] = await query<{ n: number }>(
      sql`WITH r AS (${recipients}),
               listed AS (
                 INSERT INTO call_to_action_recipients (campaign_id, call_id, person_id)
                 SELECT ${ctx.campaignId}, ${callId}, r.id FROM r),
               mails AS (
                 ${sql.raw(QUEUE_MESSAGE_MAILS)}
                 SELECT ${ctx.campaignId}, ${CALL_MAIL_KIND}, r.id, r.email, ${CALL_MAIL_KIND},
                        jsonb_build_object('callId', ${callId}::bigint, 'personId', r.id, 'locale', r.locale),
                        'newsletter', ${callId}
                   FROM r
                 RETURNING 1)
          SELECT count(*)::int AS n FROM mails`,
    );
    const count = queued!.n;
    if (count === 0) throw conflict('no_recipients', 'Nobody within this distance can be emailed.');
    await query(
      sql`UPDATE calls_to_action SET recipients = ${count}
           WHERE campaign_id = ${ctx.campaignId} AND id = ${callId}`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'call_to_action.send',
        target: `call_to_action:${callId}`,
        details: {
          recipients: count,
          areas: input.areas,
          distanceKm: input.distanceKm,
          actions: actions.map((a) => actionKey(a)),
        },
        ip,
      },
    );
    return callId;
  });
  ctx.mailer.nudge();
  return getCallToAction(ctx, id);
}

export const callRow = (query: Query, campaignId: number, id: number) =>
  rowById<CallRow>(query, 'calls_to_action', 'call to action', campaignId, id);

interface ResponseCounts {
  clicks: number;
  signups: number;
}

/** Clicks (people who opened an action's link) and sign-ups per call and action. */
async function responsesOf(
  query: Query,
  campaignId: number,
  ids: readonly number[],
): Promise<Map<number, Map<number, ResponseCounts>>> {
  const rows = await query<{ call_id: number; action: number; clicks: number; signups: number }>(
    sql`SELECT call_id, action, count(*)::int AS clicks, count(signed_up_at)::int AS signups
          FROM call_to_action_responses
         WHERE campaign_id = ${campaignId} AND call_id = ANY(${[...ids]}::bigint[])
         GROUP BY call_id, action`,
  );
  const byCall = new Map<number, Map<number, ResponseCounts>>();
  for (const row of rows) {
    const call = byCall.get(Number(row.call_id)) ?? new Map<number, ResponseCounts>();
    call.set(Number(row.action), { clicks: row.clicks, signups: row.signups });
    byCall.set(Number(row.call_id), call);
  }
  return byCall;
}

function summaryOf(
  ctx: AppContext,
  row: CallRow,
  responses: Map<number, ResponseCounts> | undefined,
  names: Map<number, string>,
): CallToActionSummary {
  let clicks = 0;
  let signups = 0;
  for (const counts of responses?.values() ?? []) {
    clicks += counts.clicks;
    signups += counts.signups;
  }
  return {
    id: Number(row.id),
    subject: row.subject,
    distanceKm: row.distance_km,
    areas: row.areas.map((code) => ({ code, name: communeName(ctx, code) })),
    recipients: row.recipients,
    clicks,
    signups,
    sentBy: row.sent_by === null ? null : (names.get(Number(row.sent_by)) ?? null),
    sentAt: new Date(row.sent_at).toISOString(),
  };
}

async function sendersOf(ctx: AppContext, rows: readonly CallRow[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.sent_by === null ? [] : [Number(r.sent_by)])))];
  return ids.length === 0 ? new Map<number, string>() : personNames(ctx, ids);
}

/** The calls sent, newest first, with their response. */
export async function listCallsToAction(ctx: AppContext): Promise<CallToActionSummary[]> {
  const rows = await ctx.database.query<CallRow>(
    sql`SELECT * FROM calls_to_action WHERE campaign_id = ${ctx.campaignId}
         ORDER BY sent_at DESC, id DESC LIMIT 200`,
  );
  const [responses, names] = await Promise.all([
    responsesOf(
      ctx.database.query,
      ctx.campaignId,
      rows.map((r) => Number(r.id)),
    ),
    sendersOf(ctx, rows),
  ]);
  return rows.map((row) => summaryOf(ctx, row, responses.get(Number(row.id)), names));
}

/** One call: its mails by status, clicks and sign-ups per action, and per day. */
export async function getCallToAction(ctx: AppContext, id: number): Promise<CallToAction> {
  const { query } = ctx.database;
  const row = await callRow(query, ctx.campaignId, id);
  const timeZone = ctx.config.CAMPAIGN_TIMEZONE;
  const [responses, names, mails, clickers, days] = await Promise.all([
    responsesOf(query, ctx.campaignId, [id]),
    sendersOf(ctx, [row]),
    messageMailCounts(query, ctx.campaignId, CALL_MAIL_KIND, [id]),
    query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM call_to_action_recipients
           WHERE campaign_id = ${ctx.campaignId} AND call_id = ${id} AND first_click_at IS NOT NULL`,
    ),
    query<{ day: string; clicks: number; signups: number }>(
      sql`WITH moments AS (
            SELECT clicked_at AS at, 1 AS click, 0 AS signup FROM call_to_action_responses
             WHERE campaign_id = ${ctx.campaignId} AND call_id = ${id}
            UNION ALL
            SELECT signed_up_at, 0, 1 FROM call_to_action_responses
             WHERE campaign_id = ${ctx.campaignId} AND call_id = ${id} AND signed_up_at IS NOT NULL)
          SELECT to_char((at AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day,
                 sum(click)::int AS clicks, sum(signup)::int AS signups
            FROM moments GROUP BY 1 ORDER BY 1`,
    ),
  ]);
  const counts = responses.get(id);
  const status = { pending: 0, sent: 0, suppressed: 0, failed: 0 };
  for (const mail of mails) {
    if (mail.status === 'sent') status.sent += mail.count;
    else if (mail.status === 'suppressed') status.suppressed += mail.count;
    else if (mail.status === 'failed' || mail.status === 'bounced') status.failed += mail.count;
    else status.pending += mail.count;
  }
  return {
    ...summaryOf(ctx, row, counts, names),
    body: row.body,
    actions: row.actions.map((action, index) => ({
      kind: action.kind,
      id: Number(action.id),
      title: action.title,
      clicks: counts?.get(index)?.clicks ?? 0,
      signups: counts?.get(index)?.signups ?? 0,
    })),
    mails: status,
    clickers: clickers[0]!.n,
    overTime: days,
  };
}

/** One recipient's link: the call, its action, whether they were a recipient. */
export interface CallLink {
  call: CallRow;
  action: CallAction;
  index: number;
}

/**
 * The action of a link, for its recipient: null when the call has no such action or the
 * person was not one of its recipients (a token signed for someone else never gets here).
 */
export async function callLink(
  ctx: AppContext,
  callId: number,
  personId: number,
  index: number,
): Promise<CallLink | null> {
  const { query } = ctx.database;
  const [call] = await query<CallRow>(
    sql`SELECT c.* FROM calls_to_action c
          JOIN call_to_action_recipients r
            ON r.campaign_id = c.campaign_id AND r.call_id = c.id AND r.person_id = ${personId}
         WHERE c.campaign_id = ${ctx.campaignId} AND c.id = ${callId}`,
  );
  const stored = call?.actions[index];
  if (!call || !stored) return null;
  return {
    call,
    index,
    action: { kind: stored.kind, id: Number(stored.id), title: stored.title },
  };
}

/** The first time a recipient opens one of a call's links (per action), counted once. */
export async function recordClick(
  ctx: AppContext,
  callId: number,
  personId: number,
  index: number,
): Promise<void> {
  await ctx.database.transaction(async (query) => {
    await query(
      sql`INSERT INTO call_to_action_responses (campaign_id, call_id, person_id, action)
          VALUES (${ctx.campaignId}, ${callId}, ${personId}, ${index}) ON CONFLICT DO NOTHING`,
    );
    await query(
      sql`UPDATE call_to_action_recipients SET first_click_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND call_id = ${callId}
             AND person_id = ${personId} AND first_click_at IS NULL`,
    );
  });
}

/** A sign-up through a call's link, counted once however many times it is confirmed. */
export async function recordSignup(
  ctx: AppContext,
  callId: number,
  personId: number,
  index: number,
): Promise<void> {
  await ctx.database.query(
    sql`INSERT INTO call_to_action_responses (campaign_id, call_id, person_id, action, signed_up_at)
        VALUES (${ctx.campaignId}, ${callId}, ${personId}, ${index}, now())
        ON CONFLICT (campaign_id, call_id, person_id, action)
        DO UPDATE SET signed_up_at = coalesce(call_to_action_responses.signed_up_at, now())`,
  );
  await ctx.database.query(
    sql`UPDATE call_to_action_recipients SET first_click_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND call_id = ${callId}
           AND person_id = ${personId} AND first_click_at IS NULL`,
  );
}
