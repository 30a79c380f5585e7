import { territories as allTerritories } from '../../../contracts/compliance.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/http/errors.ts';
import { allRounds } from './elections.ts';
import { silenceMet } from './silence.ts';
import { territoryOf } from './territories.ts';

type Place = { departementCode?: string | null; communeCode?: string | null };

/**
 * Refuses public campaigning (a public meeting, a door-to-door session…) scheduled in a
 * pre-election silence where it takes place; an online one (no place) is refused if it meets
 * the silence of any territory, since its audience may vote anywhere. Several places (a
 * mailing to communes) are refused when any of them is in its silence.
 */
export async function assertOutsideSilence(
  ctx: AppContext,
  place: Place | { several: readonly Place[] } | null,
  from: Date,
  to: Date,
): Promise<void> {
  const rounds = await allRounds(ctx.database, ctx.campaignId);
  if (rounds.length === 0) return;
  const places = place === null ? [] : 'several' in place ? place.several : [place];
  const territories = places.map((one) => territoryOf(one));
  const known = territories.filter((territory) => territory !== null);
  const met = silenceMet(
    rounds,
    place === null || known.length < territories.length ? allTerritories : known,
    from,
    to,
  );
  if (!met) return;
  throw new AppError(
    409,
    'pre_election_silence',
    `Public campaigning is not allowed from ${met.from.toISOString()} to ${met.until.toISOString()} (pre-election silence, Code électoral L49).`,
  );
}
