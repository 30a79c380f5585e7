import {
  territories,
  type ElectionKind,
  type ElectionRound,
  type ElectionRoundInput,
  type Territory,
} from '../../../contracts/compliance.ts';
import { addDays } from '../../core/local-time.ts';
import { territoryFacts } from './territories.ts';

/**
 * A round's day in every territory: the day given for the territory, else, in a national
 * election, the day before for the territories west of metropolitan France (they vote on
 * Saturday so that no result is known before their polls close), else the round's day.
 */
export function resolveRound(
  input: ElectionRoundInput,
  kind: ElectionKind,
  number: number,
): ElectionRound {
  const territoryDates = {} as Record<Territory, string>;
  for (const territory of territories) {
    territoryDates[territory] =
      input.territoryDates?.[territory] ??
      (kind === 'national' && territoryFacts[territory].votesEarly
        ? addDays(input.date, -1)
        : input.date);
  }
  return { number, date: input.date, pollsClose: input.pollsClose ?? '20:00', territoryDates };
}
