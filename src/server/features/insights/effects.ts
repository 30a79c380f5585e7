import { sql } from 'drizzle-orm';
import {
  effectSizesSchema,
  type EffectSettings,
  type EffectSizes,
} from '../../../contracts/insights.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { DEFAULT_EFFECTS, EFFECT_SOURCES } from './model.ts';

interface EffectsRow {
  effects: unknown;
  updated_by: number | string | null;
  updated_at: Date | string;
}

/** The campaign's effect sizes (the published defaults until staff edit them). */
export async function effectSettings(ctx: AppContext): Promise<EffectSettings> {
  const [row] = await runSql<EffectsRow>(
    ctx.database,
    sql`SELECT effects, updated_by, updated_at FROM insights_effects WHERE campaign_id = ${ctx.campaignId}`,
  );
  const stored = row ? effectSizesSchema.safeParse(row.effects) : undefined;
  const effects = stored?.success ? stored.data : DEFAULT_EFFECTS;
  return {
    effects,
    defaults: DEFAULT_EFFECTS,
    sources: EFFECT_SOURCES,
    isDefault: !stored?.success,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    updatedBy: row?.updated_by == null ? null : Number(row.updated_by),
  };
}

/** The effects the model uses now. */
export async function currentEffects(ctx: AppContext): Promise<EffectSizes> {
  return (await effectSettings(ctx)).effects;
}

/** Staff set every kind's effects (checked by the contract), audited with before and after. */
export async function saveEffects(
  ctx: AppContext,
  effects: EffectSizes,
  actorId: number,
  ip: string,
): Promise<EffectSettings> {
  const before = await currentEffects(ctx);
  await ctx.database.transaction(async (query) => {
    await runSql(
      query,
      sql`INSERT INTO insights_effects (campaign_id, effects, updated_by, updated_at)
          VALUES (${ctx.campaignId}, ${JSON.stringify(effects)}::jsonb, ${actorId}, now())
          ON CONFLICT (campaign_id) DO UPDATE
             SET effects = excluded.effects, updated_by = excluded.updated_by, updated_at = now()`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'insights.effects.update',
        target: 'insights_effects',
        details: { before, after: effects },
        ip,
      },
    );
  });
  return effectSettings(ctx);
}

/** Back to the published defaults, audited. */
export async function resetEffects(
  ctx: AppContext,
  actorId: number,
  ip: string,
): Promise<EffectSettings> {
  const before = await currentEffects(ctx);
  await ctx.database.transaction(async (query) => {
    await runSql(query, sql`DELETE FROM insights_effects WHERE campaign_id = ${ctx.campaignId}`);
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'insights.effects.reset',
        target: 'insights_effects',
        details: { before },
        ip,
      },
    );
  });
  return effectSettings(ctx);
}
