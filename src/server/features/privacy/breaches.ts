import { sql } from 'drizzle-orm';
import {
  BREACH_NOTIFY_HOURS,
  breachDeadline,
  breachInputSchema,
  type Breach,
  type BreachInput,
} from '../../../contracts/privacy.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { notFound } from '../../core/http/errors.ts';
import { personNames } from '../people/directory.ts';

interface BreachRow {
  id: number;
  detected_at: Date;
  description: string;
  data_categories: string;
  people_count: number | null;
  records_count: number | null;
  consequences: string;
  measures: string;
  cnil_notified_at: Date | null;
  no_notification_reason: string | null;
  people_informed_at: Date | null;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
}

const iso = (at: Date | null) => (at ? new Date(at).toISOString() : null);

/** Where a breach stands against its 72 hours, at `now`. */
export function breachUrgency(
  row: Pick<BreachRow, 'detected_at' | 'cnil_notified_at' | 'no_notification_reason'>,
  now: Date,
) {
  const deadline = breachDeadline(new Date(row.detected_at));
  const settled = row.cnil_notified_at !== null || row.no_notification_reason !== null;
  const notifiedLate = row.cnil_notified_at !== null && new Date(row.cnil_notified_at) > deadline;
  return {
    notifyBy: deadline.toISOString(),
    overdue: !settled && now > deadline,
    notifiedLate,
    hoursLeft: settled ? null : Math.floor((deadline.getTime() - now.getTime()) / 3_600_000),
  };
}

async function breaches(ctx: AppContext, rows: BreachRow[]): Promise<Breach[]> {
  const names = await personNames(
    ctx,
    [...new Set(rows.map((r) => r.created_by).filter((id) => id !== null))].map(Number),
  );
  const now = new Date();
  return rows.map((r) => ({
    id: Number(r.id),
    detectedAt: new Date(r.detected_at).toISOString(),
    description: r.description,
    dataCategories: r.data_categories,
    peopleCount: r.people_count,
    recordsCount: r.records_count,
    consequences: r.consequences,
    measures: r.measures,
    cnilNotifiedAt: iso(r.cnil_notified_at),
    noNotificationReason: r.no_notification_reason,
    peopleInformedAt: iso(r.people_informed_at),
    ...breachUrgency(r, now),
    createdBy:
      r.created_by === null
        ? null
        : {
            id: Number(r.created_by),
            name: names.get(Number(r.created_by)) ?? `#${r.created_by}`,
          },
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

const columns = sql`id, detected_at, description, data_categories, people_count, records_count,
  consequences, measures, cnil_notified_at, no_notification_reason, people_informed_at,
  created_by, created_at, updated_at`;

export async function listBreaches(ctx: AppContext): Promise<Breach[]> {
  const rows = await ctx.database.query<BreachRow>(
    sql`SELECT ${columns} FROM privacy_breaches WHERE campaign_id = ${ctx.campaignId}
        ORDER BY detected_at DESC, id DESC LIMIT 1000`,
  );
  return breaches(ctx, rows);
}

export async function breachById(ctx: AppContext, id: number): Promise<Breach> {
  const rows = await ctx.database.query<BreachRow>(
    sql`SELECT ${columns} FROM privacy_breaches WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
  );
  if (!rows.length) throw notFound('breach');
  const [breach] = await breaches(ctx, rows);
  return breach!;
}

/**
 * What the audit log keeps of a breach: where its notification stands, never its free text
 * (which may describe people).
 */
const auditDetails = (input: ReturnType<typeof breachInputSchema.parse>) => ({
  detectedAt: input.detectedAt,
  cnilNotified: Boolean(input.cnilNotifiedAt),
  peopleInformed: Boolean(input.peopleInformedAt),
  notifyWithinHours: BREACH_NOTIFY_HOURS,
});

export async function createBreach(
  ctx: AppContext,
  body: BreachInput,
  actorId: number,
  ip?: string,
): Promise<Breach> {
  const b = breachInputSchema.parse(body);
  const id = await ctx.database.transaction(async (query) => {
    const [row] = await runSql<{ id: number }>(
      query,
      sql`INSERT INTO privacy_breaches (campaign_id, detected_at, description, data_categories,
            people_count, records_count, consequences, measures, cnil_notified_at,
            no_notification_reason, people_informed_at, created_by, updated_by)
          VALUES (${ctx.campaignId}, ${b.detectedAt}, ${b.description}, ${b.dataCategories},
            ${b.peopleCount ?? null}, ${b.recordsCount ?? null}, ${b.consequences}, ${b.measures},
            ${b.cnilNotifiedAt ?? null}, ${b.noNotificationReason}, ${b.peopleInformedAt ?? null},
            ${actorId}, ${actorId})
          RETURNING id`,
    );
    const id = Number(row!.id);
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'privacy.breach.create',
        target: `privacy_breach:${id}`,
        details: auditDetails(b),
        ip,
      },
    );
    return id;
  });
  return breachById(ctx, id);
}

export async function updateBreach(
  ctx: AppContext,
  id: number,
  body: BreachInput,
  actorId: number,
  ip?: string,
): Promise<Breach> {
  const b = breachInputSchema.parse(body);
  await ctx.database.transaction(async (query) => {
    const updated = await runSql(
      query,
      sql`UPDATE privacy_breaches SET detected_at = ${b.detectedAt}, description = ${b.description},
            data_categories = ${b.dataCategories}, people_count = ${b.peopleCount ?? null},
            records_count = ${b.recordsCount ?? null}, consequences = ${b.consequences},
            measures = ${b.measures}, cnil_notified_at = ${b.cnilNotifiedAt ?? null},
            no_notification_reason = ${b.noNotificationReason},
            people_informed_at = ${b.peopleInformedAt ?? null},
            updated_by = ${actorId}, updated_at = now()
          WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING id`,
    );
    if (!updated.length) throw notFound('breach');
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'privacy.breach.update',
        target: `privacy_breach:${id}`,
        details: auditDetails(b),
        ip,
      },
    );
  });
  return breachById(ctx, id);
}
