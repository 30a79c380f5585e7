import { sql } from 'drizzle-orm';
import { territories } from '../../../../contracts/compliance.ts';
import type { CanvassPack } from '../../../../contracts/field-visits.ts';
import type { AppContext } from '../../../core/context.ts';
import { allRounds } from '../../compliance/elections.ts';
import { assertOutsideSilence } from '../../compliance/schedule.ts';
import { silenceWindows } from '../../compliance/silence.ts';
import { territoryOf } from '../../compliance/territories.ts';
import { walkList } from '../planning/turfs.ts';
import { currentQuestionnaire } from '../questionnaires/service.ts';

/** The communes a turf's doors are in ("where it takes place", for the silence). */
async function turfCommune(ctx: AppContext, turfId: number): Promise<string | null> {
  const [row] = await ctx.database.query<{ commune_code: string }>(
    sql`SELECT a.commune_code FROM field_turf_addresses ta
          JOIN field_addresses a ON a.campaign_id = ta.campaign_id AND a.id = ta.address_id
         WHERE ta.campaign_id = ${ctx.campaignId} AND ta.turf_id = ${turfId}
         ORDER BY ta.position LIMIT 1`,
  );
  return row?.commune_code ?? null;
}

/**
 * What the app keeps to canvass a turf without network: its walk list, the questionnaire's
 * current version, the silences of its territory (the app refuses to start inside one even
 * offline), and its streets as lines for a map drawn without tiles.
 */
export async function canvassPack(ctx: AppContext, turfId: number): Promise<CanvassPack> {
  const list = await walkList(ctx, turfId);
  const communeCode = await turfCommune(ctx, turfId);
  const rounds = await allRounds(ctx.database, ctx.campaignId);
  const territory = territoryOf({ communeCode });
  const silences = (territory ? [territory] : territories)
    .flatMap((t) => silenceWindows(rounds, t))
    .map((w) => ({ from: w.from.toISOString(), until: w.until.toISOString() }));
  const streets = new Map<string, { name: string; line: Array<[number, number]> }>();
  for (const address of list.addresses) {
    const street = streets.get(address.streetKey);
    if (street) street.line.push([address.lng, address.lat]);
    else
      streets.set(address.streetKey, { name: address.street, line: [[address.lng, address.lat]] });
  }
  return {
    ...list,
    questionnaire: await currentQuestionnaire(ctx, turfId),
    silences,
    streets: [...streets.values()],
    packedAt: new Date().toISOString(),
  };
}

/** A session starts now unless the turf's territory is in its pre-election silence (L49). */
export async function startSession(ctx: AppContext, turfId: number): Promise<{ ok: true }> {
  const communeCode = await turfCommune(ctx, turfId);
  const now = new Date();
  await assertOutsideSilence(ctx, { communeCode }, now, new Date(now.getTime() + 60_000));
  return { ok: true };
}
