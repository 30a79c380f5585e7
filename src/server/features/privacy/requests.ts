import { sql, type SQL } from 'drizzle-orm';
import {
  requestDeadline,
  requestUrgency,
  type PrivacyRequestEntry,
  type RequestKind,
  type RequestList,
  type RequestStatus,
} from '../../../contracts/privacy.ts';
import type {
  RequestInput,
  RequestListFilter,
  RequestOutcome,
} from '../../../contracts/privacy.ts';
import {
  requestExtensionSchema,
  requestInputSchema,
  requestOutcomeSchema,
} from '../../../contracts/privacy.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql, type Queryable } from '../../core/db/statement.ts';
import { conflict, invalidFields, notFound } from '../../core/http/errors.ts';
import { wallClock } from '../../core/local-time.ts';
import { personNames } from '../people/directory.ts';
import { assertPersonExists } from '../people/records.ts';
import { carryOutAccessRequest, carryOutErasureRequest } from '../people/staff-requests.ts';

interface RequestRow {
  id: number;
  kind: RequestKind;
  received_on: string;
  channel: 'post' | 'email';
  reference: string;
  person_id: number | null;
  note: string | null;
  extension_reason: string | null;
  status: RequestStatus;
  outcome_reason: string | null;
  action: 'access_file' | 'erasure' | null;
  subject_erased: boolean;
  handled_by: number | null;
  handled_at: Date | null;
  created_at: Date;
}

const columns = sql`id, kind, received_on::text AS received_on, channel, reference, person_id, note,
  extension_reason, status, outcome_reason, action, subject_erased, handled_by, handled_at, created_at`;

/** The campaign's calendar day now: deadlines are days on its calendar. */
export const campaignToday = (ctx: AppContext, now = new Date()) =>
  wallClock(now, ctx.config.CAMPAIGN_TIMEZONE).day;

async function entries(ctx: AppContext, rows: RequestRow[]): Promise<PrivacyRequestEntry[]> {
  const ids = rows.flatMap((r) => [r.person_id, r.handled_by]).filter((id) => id !== null);
  const names = await personNames(ctx, [...new Set(ids.map(Number))]);
  const today = campaignToday(ctx);
  const who = (id: number | null) =>
    id === null ? null : { id: Number(id), name: names.get(Number(id)) ?? `#${id}` };
  return rows.map((r) => {
    const deadline = requestDeadline(r.received_on, r.extension_reason !== null);
    return {
      id: Number(r.id),
      kind: r.kind,
      receivedOn: r.received_on,
      channel: r.channel,
      reference: r.reference,
      person: who(r.person_id),
      subjectErased: r.subject_erased,
      note: r.note,
      deadline,
      extensionReason: r.extension_reason,
      status: r.status,
      outcomeReason: r.outcome_reason,
      action: r.action,
      handledBy: who(r.handled_by),
      handledAt: r.handled_at ? new Date(r.handled_at).toISOString() : null,
      createdAt: new Date(r.created_at).toISOString(),
      ...requestUrgency(deadline, r.status === 'open', today),
    };
  });
}

/**
 * The register, open requests first by deadline, then the closed ones newest first. The
 * overdue flag is worked out when the list is read (no job needed: it is a date comparison).
 */
export async function listRequests(
  ctx: AppContext,
  filter: Partial<RequestListFilter> = {},
): Promise<RequestList> {
  const rows = await ctx.database.query<RequestRow>(
    sql`SELECT ${columns} FROM privacy_requests
        WHERE campaign_id = ${ctx.campaignId}
          ${filter.status ? sql`AND status = ${filter.status}` : sql``}
          ${filter.kind ? sql`AND kind = ${filter.kind}` : sql``}
          ${filter.overdue ? sql`AND status = 'open'` : sql``}
        ORDER BY status = 'open' DESC, received_on DESC, id DESC LIMIT 1000`,
  );
  const all = await entries(ctx, rows);
  const items = (filter.overdue ? all.filter((r) => r.overdue) : all).sort((a, b) =>
    a.status === 'open' && b.status === 'open' ? a.deadline.localeCompare(b.deadline) : 0,
  );
  const open = await ctx.database.query<Pick<RequestRow, 'received_on' | 'extension_reason'>>(
    sql`SELECT received_on::text AS received_on, extension_reason FROM privacy_requests
        WHERE campaign_id = ${ctx.campaignId} AND status = 'open'`,
  );
  const today = campaignToday(ctx);
  const urgency = open.map((r) =>
    requestUrgency(requestDeadline(r.received_on, r.extension_reason !== null), true, today),
  );
  return {
    items,
    overdue: urgency.filter((u) => u.overdue).length,
    dueSoon: urgency.filter((u) => u.dueSoon).length,
  };
}

async function rowOf(on: Queryable, campaignId: number, id: number, lock = false) {
  const [row] = await runSql<RequestRow>(
    on,
    sql`SELECT ${columns} FROM privacy_requests WHERE campaign_id = ${campaignId} AND id = ${id}
        ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  if (!row) throw notFound('request');
  return row;
}

export async function requestById(ctx: AppContext, id: number): Promise<PrivacyRequestEntry> {
  const [entry] = await entries(ctx, [await rowOf(ctx.database, ctx.campaignId, id)]);
  return entry!;
}

/** What the audit log keeps of a request: its kind and how it came, never the person's data. */
const target = (id: number) => `privacy_request:${id}`;

export async function createRequest(
  ctx: AppContext,
  input: RequestInput,
  actorId: number,
  ip?: string,
): Promise<PrivacyRequestEntry> {
  const request = requestInputSchema.parse(input);
  if (request.personId) {
    await assertPersonExists(ctx, request.personId).catch(() => {
      throw invalidFields([
        { field: 'personId', code: 'unknown_person', message: 'No such person.' },
      ]);
    });
  }
  const id = await ctx.database.transaction(async (query) => {
    const [row] = await runSql<{ id: number }>(
      query,
      sql`INSERT INTO privacy_requests (campaign_id, kind, received_on, channel, reference, person_id, note, created_by)
          VALUES (${ctx.campaignId}, ${request.kind}, ${request.receivedOn}, ${request.channel},
                  ${request.reference}, ${request.personId ?? null}, ${request.note}, ${actorId})
          RETURNING id`,
    );
    const id = Number(row!.id);
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'privacy.request.create',
        target: target(id),
        details: { kind: request.kind, channel: request.channel, receivedOn: request.receivedOn },
        ip,
      },
    );
    return id;
  });
  return requestById(ctx, id);
}

/** Changes an open request in a transaction, with its audit entry. */
async function changeOpen(
  ctx: AppContext,
  id: number,
  change: (row: RequestRow) => { set: SQL; action: string; details: object },
  actorId: number,
  ip?: string,
) {
  await ctx.database.transaction(async (query) => {
    const row = await rowOf(query, ctx.campaignId, id, true);
    if (row.status !== 'open')
      throw conflict('request_closed', 'This request is already done or refused.');
    const { set, action, details } = change(row);
    await runSql(
      query,
      sql`UPDATE privacy_requests SET ${set}, updated_at = now()
          WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action,
        target: target(id),
        details: { kind: row.kind, ...details },
        ip,
      },
    );
  });
  return requestById(ctx, id);
}

/** Art. 12(3): two further months where necessary, the person being told why within the first. */
export function extendRequest(
  ctx: AppContext,
  id: number,
  body: unknown,
  actorId: number,
  ip?: string,
) {
  const { reason } = requestExtensionSchema.parse(body);
  return changeOpen(
    ctx,
    id,
    (row) => {
      if (row.extension_reason !== null)
        throw conflict('already_extended', 'This request was already extended.');
      return {
        set: sql`extension_reason = ${reason}`,
        action: 'privacy.request.extend',
        details: { deadline: requestDeadline(row.received_on, true) },
      };
    },
    actorId,
    ip,
  );
}

export function closeRequest(
  ctx: AppContext,
  id: number,
  body: RequestOutcome,
  actorId: number,
  ip?: string,
) {
  const outcome = requestOutcomeSchema.parse(body);
  return changeOpen(
    ctx,
    id,
    () => ({
      set: sql`status = ${outcome.status}, outcome_reason = ${outcome.reason},
               handled_by = ${actorId}, handled_at = now()`,
      action: outcome.status === 'done' ? 'privacy.request.done' : 'privacy.request.refuse',
      details: { status: outcome.status },
    }),
    actorId,
    ip,
  );
}

/** A request that an action of Levier can carry out: open, about a known person, of its kind. */
async function actionable(ctx: AppContext, id: number, kinds: readonly RequestKind[]) {
  const row = await rowOf(ctx.database, ctx.campaignId, id);
  if (row.status !== 'open')
    throw conflict('request_closed', 'This request is already done or refused.');
  if (!kinds.includes(row.kind))
    throw conflict('wrong_kind', `This action carries out ${kinds.join(' or ')} requests.`);
  if (row.person_id === null)
    throw conflict('no_person', 'Link the request to the person it concerns first.');
  return { ...row, person_id: Number(row.person_id) };
}

async function markDone(
  ctx: AppContext,
  id: number,
  kind: RequestKind,
  action: 'access_file' | 'erasure',
  actorId: number,
  ip?: string,
) {
  await ctx.database.transaction(async (query) => {
    await runSql(
      query,
      sql`UPDATE privacy_requests SET status = 'done', action = ${action}, handled_by = ${actorId},
              handled_at = now(), updated_at = now()
          WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND status = 'open'`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'privacy.request.done',
        target: target(id),
        details: { kind, status: 'done', action },
        ip,
      },
    );
  });
}

/**
 * Access (art. 15) and portability (art. 20): the person's data file, as they download it
 * themselves (a structured, machine-readable JSON file); the request is then done.
 */
export async function carryOutAccess(ctx: AppContext, id: number, actorId: number, ip?: string) {
  const row = await actionable(ctx, id, ['access', 'portability']);
  const file = await carryOutAccessRequest(
    ctx,
    row.person_id,
    { channel: row.channel, reference: row.reference },
    actorId,
    ip,
  );
  await markDone(ctx, id, row.kind, 'access_file', actorId, ip);
  return { file, personId: row.person_id };
}

/** Erasure (art. 17), the same as the person's own; the entry keeps no link to them after. */
export async function carryOutErasure(ctx: AppContext, id: number, actorId: number, ip?: string) {
  const row = await actionable(ctx, id, ['erasure']);
  await carryOutErasureRequest(
    ctx,
    row.person_id,
    { channel: row.channel, reference: row.reference },
    actorId,
  );
  await markDone(ctx, id, row.kind, 'erasure', actorId, ip);
  return requestById(ctx, id);
}
