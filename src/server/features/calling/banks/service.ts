import { sql } from 'drizzle-orm';
import type { CallingWindows } from '../../../../contracts/calling.ts';
import type { Territory } from '../../../../contracts/compliance.ts';
import {
  callOutcomes,
  phoneBankInputSchema,
  type PhoneBank,
  type PhoneBankAccess,
  type PhoneBankCounts,
  type PhoneBankStatus,
} from '../../../../contracts/phone-banks.ts';
import type { z } from 'zod';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import { rowById } from '../../../core/db/row-by-id.ts';
import { AppError, conflict } from '../../../core/http/errors.ts';
import { committeeNames } from '../../committees/service.ts';
import { questionnaireById } from '../../field/questionnaires/service.ts';
import { segmentFilter } from '../../people/segments.ts';

type Input = z.infer<typeof phoneBankInputSchema>;

export interface BankRow {
  id: number;
  name: string;
  status: PhoneBankStatus;
  segment_id: number;
  questionnaire_id: number | null;
  script: string;
  windows: CallingWindows;
  committee_id: number | null;
  access: PhoneBankAccess;
  claim_minutes: number;
  max_attempts: number;
  retry_minutes: number;
  audience_count: number | null;
  /** Found at the opening (null in the list: numbers abroad). */
  territories: Array<Territory | null> | null;
  created_at: Date;
  opened_at: Date | null;
  closed_at: Date | null;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
const num = (value: number | null) => (value === null ? null : Number(value));

const toBank = (row: BankRow, counts: PhoneBankCounts): PhoneBank => ({
  id: Number(row.id),
  name: row.name,
  status: row.status,
  segmentId: Number(row.segment_id),
  questionnaireId: num(row.questionnaire_id),
  script: row.script,
  windows: row.windows,
  committeeId: num(row.committee_id),
  access: row.access,
  claimMinutes: row.claim_minutes,
  maxAttempts: row.max_attempts,
  retryMinutes: row.retry_minutes,
  createdAt: new Date(row.created_at).toISOString(),
  openedAt: iso(row.opened_at),
  closedAt: iso(row.closed_at),
  counts,
});

const emptyByOutcome = () =>
  Object.fromEntries(callOutcomes.map((outcome) => [outcome, 0])) as PhoneBankCounts['byOutcome'];

/** Each bank's queue and calls counted, in two grouped statements. */
export async function bankCounts(
  query: Query,
  campaignId: number,
  rows: readonly BankRow[],
): Promise<Map<number, PhoneBankCounts>> {
  const ids = rows.map((row) => Number(row.id));
  const counts = new Map<number, PhoneBankCounts>(
    rows.map((row) => [
      Number(row.id),
      {
        audience: row.audience_count ?? 0,
        due: 0,
        claimed: 0,
        done: 0,
        calls: 0,
        byOutcome: emptyByOutcome(),
      },
    ]),
  );
  if (ids.length === 0) return counts;
  const queue = await query<{ bank_id: number; due: number; claimed: number; done: number }>(
    sql`SELECT bank_id,
               count(*) FILTER (WHERE status = 'due' OR (status = 'claimed' AND available_at <= now()))::int AS due,
               count(*) FILTER (WHERE status = 'claimed' AND available_at > now())::int AS claimed,
               count(*) FILTER (WHERE status = 'done')::int AS done
          FROM phone_bank_targets WHERE campaign_id = ${campaignId} AND bank_id = ANY(${ids}::bigint[])
         GROUP BY bank_id`,
  );
  for (const row of queue) {
    const count = counts.get(Number(row.bank_id))!;
    Object.assign(count, { due: row.due, claimed: row.claimed, done: row.done });
  }
  const calls = await query<{ bank_id: number; outcome: string; n: number }>(
    sql`SELECT bank_id, outcome, count(*)::int AS n FROM phone_bank_calls
         WHERE campaign_id = ${campaignId} AND bank_id = ANY(${ids}::bigint[])
         GROUP BY bank_id, outcome`,
  );
  for (const row of calls) {
    const count = counts.get(Number(row.bank_id))!;
    count.calls += row.n;
    count.byOutcome[row.outcome as keyof PhoneBankCounts['byOutcome']] = row.n;
  }
  return counts;
}

/** A bank's row, locked for a change when asked; 404 when not the campaign's. */
export const bankRow = (query: Query, campaignId: number, id: number, lock = false) =>
  rowById<BankRow>(query, 'phone_banks', 'phone_bank', campaignId, id, lock);

async function withCounts(query: Query, campaignId: number, row: BankRow): Promise<PhoneBank> {
  const counts = await bankCounts(query, campaignId, [row]);
  return toBank(row, counts.get(Number(row.id))!);
}

export async function listBanks(ctx: AppContext): Promise<PhoneBank[]> {
  const rows = await ctx.database.query<BankRow>(
    sql`SELECT * FROM phone_banks WHERE campaign_id = ${ctx.campaignId} ORDER BY created_at DESC, id DESC`,
  );
  const counts = await bankCounts(ctx.database.query, ctx.campaignId, rows);
  return rows.map((row) => toBank(row, counts.get(Number(row.id))!));
}

export async function getBank(ctx: AppContext, id: number): Promise<PhoneBank> {
  return withCounts(
    ctx.database.query,
    ctx.campaignId,
    await bankRow(ctx.database.query, ctx.campaignId, id),
  );
}

/** The segment, questionnaire and committee a bank names must be the campaign's. */
async function checkReferences(ctx: AppContext, input: Partial<Input>) {
  if (input.segmentId !== undefined) await segmentFilter(ctx, input.segmentId);
  if (input.questionnaireId) {
    const questionnaire = await questionnaireById(ctx, input.questionnaireId).catch(() => null);
    if (!questionnaire || questionnaire.archived) {
      throw new AppError(
        422,
        'unknown_questionnaire',
        'Ce questionnaire n’existe pas ou est archivé : choisissez-en un autre.',
      );
    }
  }
  if (input.committeeId) {
    const names = await committeeNames(ctx, [input.committeeId]);
    if (!names.has(input.committeeId)) {
      throw new AppError(
        422,
        'unknown_committee',
        'Ce comité n’est pas l’un de ceux de la campagne.',
      );
    }
  }
  if (input.access === 'committee' && input.committeeId === null) {
    throw new AppError(
      422,
      'committee_required',
      'Une banque ouverte aux membres d’un comité doit nommer ce comité.',
    );
  }
}

export async function createBank(
  ctx: AppContext,
  input: Input,
  actorId: number,
): Promise<PhoneBank> {
  await checkReferences(ctx, input);
  const [row] = await ctx.database.query<BankRow>(
    sql`INSERT INTO phone_banks (campaign_id, name, segment_id, questionnaire_id, script, windows, committee_id,
                                 access, claim_minutes, max_attempts, retry_minutes, created_by)
        VALUES (${ctx.campaignId}, ${input.name}, ${input.segmentId}, ${input.questionnaireId}, ${input.script},
                ${JSON.stringify(input.windows)}::jsonb, ${input.committeeId}, ${input.access},
                ${input.claimMinutes}, ${input.maxAttempts}, ${input.retryMinutes}, ${actorId})
        RETURNING *`,
  );
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'calling.bank.create',
    target: `phone_bank:${row!.id}`,
    details: { name: input.name, segmentId: input.segmentId },
  });
  return withCounts(ctx.database.query, ctx.campaignId, row!);
}

const COLUMNS: Record<keyof Input, string> = {
  name: 'name',
  segmentId: 'segment_id',
  questionnaireId: 'questionnaire_id',
  script: 'script',
  windows: 'windows',
  committeeId: 'committee_id',
  access: 'access',
  claimMinutes: 'claim_minutes',
  maxAttempts: 'max_attempts',
  retryMinutes: 'retry_minutes',
};

/** A closed bank changes no more; its audience is fixed once it opened. */
function refuseChange(row: BankRow, patch: Partial<Input>) {
  if (row.status === 'closed') {
    throw conflict('phone_bank_closed', 'Cette banque d’appels est fermée : elle ne change plus.');
  }
  if (
    patch.segmentId !== undefined &&
    patch.segmentId !== Number(row.segment_id) &&
    row.status !== 'draft'
  ) {
    throw conflict(
      'phone_bank_audience_frozen',
      'Les personnes à appeler ont été fixées à l’ouverture : créez une autre banque pour un autre segment.',
    );
  }
}

/** Changes a bank's settings; its audience only before it opens, nothing once closed. */
export async function updateBank(
  ctx: AppContext,
  id: number,
  patch: Partial<Input>,
  actorId: number,
): Promise<PhoneBank> {
  const current = await bankRow(ctx.database.query, ctx.campaignId, id);
  refuseChange(current, patch);
  await checkReferences(ctx, {
    ...patch,
    access: patch.access ?? current.access,
    committeeId: patch.committeeId !== undefined ? patch.committeeId : num(current.committee_id),
  });
  return ctx.database.transaction(async (query) => {
    const row = await bankRow(query, ctx.campaignId, id, true);
    refuseChange(row, patch);
    const sets = Object.entries(patch)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => {
        const column = sql.raw(COLUMNS[key as keyof Input]);
        return key === 'windows'
          ? sql`${column} = ${JSON.stringify(value)}::jsonb`
          : sql`${column} = ${value as string | number | null}`;
      });
    if (sets.length === 0) return withCounts(query, ctx.campaignId, row);
    const [updated] = await query<BankRow>(
      sql`UPDATE phone_banks SET ${sql.join(sets, sql`, `)}, updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING *`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'calling.bank.update',
        target: `phone_bank:${id}`,
        details: { fields: Object.keys(patch) },
      },
    );
    return withCounts(query, ctx.campaignId, updated!);
  });
}

export async function deleteBank(ctx: AppContext, id: number, actorId: number): Promise<void> {
  await ctx.database.transaction(async (query) => {
    const row = await bankRow(query, ctx.campaignId, id, true);
    if (row.status !== 'draft') {
      throw conflict(
        'phone_bank_not_draft',
        'Seule une banque jamais ouverte peut être supprimée ; fermez celle-ci.',
      );
    }
    await query(
      sql`DELETE FROM phone_bank_shifts WHERE campaign_id = ${ctx.campaignId} AND bank_id = ${id}`,
    );
    await query(sql`DELETE FROM phone_banks WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`);
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'calling.bank.delete',
        target: `phone_bank:${id}`,
      },
    );
  });
}

const TRANSITIONS = {
  pause: { from: ['open'], to: 'paused' },
  resume: { from: ['paused'], to: 'open' },
  close: { from: ['draft', 'open', 'paused'], to: 'closed' },
} as const;

/** Pauses, resumes or closes a bank; a closed bank's claims end with it. */
export async function changeBank(
  ctx: AppContext,
  id: number,
  change: keyof typeof TRANSITIONS,
  actorId: number,
): Promise<PhoneBank> {
  const { from, to } = TRANSITIONS[change];
  return ctx.database.transaction(async (query) => {
    const row = await bankRow(query, ctx.campaignId, id, true);
    if (!(from as readonly string[]).includes(row.status)) {
      throw conflict(
        'phone_bank_wrong_status',
        `Cette banque est « ${row.status} » : on ne peut pas la ${change === 'pause' ? 'mettre en pause' : change === 'resume' ? 'reprendre' : 'fermer'}.`,
      );
    }
    const [updated] = await query<BankRow>(
      sql`UPDATE phone_banks SET status = ${to}, updated_at = now(),
                 closed_at = CASE WHEN ${to} = 'closed' THEN now() ELSE closed_at END
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING *`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: `calling.bank.${change}`,
        target: `phone_bank:${id}`,
      },
    );
    return withCounts(query, ctx.campaignId, updated!);
  });
}
