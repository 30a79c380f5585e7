import type { Territory } from '../../../contracts/compliance.ts';

interface TerritoryFacts {
  timeZone: string;
  /** Votes the day before metropolitan France in national elections (they lie west of it). */
  votesEarly: boolean;
}

export const territoryFacts: Record<Territory, TerritoryFacts> = {
  metropole: { timeZone: 'Europe/Paris', votesEarly: false },
  '971': { timeZone: 'America/Guadeloupe', votesEarly: true },
  '972': { timeZone: 'America/Martinique', votesEarly: true },
  '973': { timeZone: 'America/Cayenne', votesEarly: true },
  '974': { timeZone: 'Indian/Reunion', votesEarly: false },
  '975': { timeZone: 'America/Miquelon', votesEarly: true },
  '976': { timeZone: 'Indian/Mayotte', votesEarly: false },
  '977': { timeZone: 'America/St_Barthelemy', votesEarly: true },
  '978': { timeZone: 'America/Marigot', votesEarly: true },
  '986': { timeZone: 'Pacific/Wallis', votesEarly: false },
  '987': { timeZone: 'Pacific/Tahiti', votesEarly: true },
  '988': { timeZone: 'Pacific/Noumea', votesEarly: false },
};

/**
 * The territory of a person's place, from their département code (971…988; "2A", "75"…),
 * else the first three digits of their commune code. Null when the place is unknown: callers
 * then apply every territory's rules at once.
 */
export function territoryOf(place: {
  departementCode?: string | null;
  communeCode?: string | null;
}): Territory | null {
  const code = place.departementCode || place.communeCode?.slice(0, 3) || null;
  if (!code) return null;
  if (code.startsWith('97') || code.startsWith('98')) {
    const overseas = code.slice(0, 3);
    return overseas in territoryFacts ? (overseas as Territory) : null;
  }
  return 'metropole';
}
