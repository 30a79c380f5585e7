import type {
  ContactKind,
  EffectSizes,
  EffectType,
  TerritoryImpact,
  VoteRange,
} from '../../../contracts/insights.ts';
import { contactKinds } from '../../../contracts/insights.ts';

export const bounds = ['low', 'central', 'high'] as const;
export type Bound = (typeof bounds)[number];
export const effectTypes: readonly EffectType[] = ['turnout', 'persuasion'];

/** Votes as said on the page: one decimal under 10, whole numbers above. */
export function formatVotes(value: number, locale: string): string {
  const digits = Math.abs(value) < 10 ? 1 : 0;
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(value);
}

/** A range's three figures, formatted. */
export const rangeFigures = (range: VoteRange, locale: string) => ({
  low: formatVotes(range.low, locale),
  central: formatVotes(range.central, locale),
  high: formatVotes(range.high, locale),
});

/** The form edits votes per 100 contacts (7.14), the API takes votes per contact (0.0714). */
export type EffectForm = Record<ContactKind, Record<EffectType, Record<Bound, number | string>>>;

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function toForm(effects: EffectSizes): EffectForm {
  const form = {} as EffectForm;
  for (const kind of contactKinds) {
    form[kind] = {
      turnout: { low: 0, central: 0, high: 0 },
      persuasion: { low: 0, central: 0, high: 0 },
    };
    for (const type of effectTypes)
      for (const bound of bounds)
        form[kind][type][bound] = round(effects[kind][type][bound] * 100, 4);
  }
  return form;
}

const numberOf = (value: number | string) =>
  typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value.replace(',', '.'));

export function fromForm(form: EffectForm): EffectSizes {
  const effects = {} as EffectSizes;
  for (const kind of contactKinds) {
    const range = (type: EffectType) => ({
      low: round(numberOf(form[kind][type].low) / 100, 6),
      central: round(numberOf(form[kind][type].central) / 100, 6),
      high: round(numberOf(form[kind][type].high) / 100, 6),
    });
    effects[kind] = { turnout: range('turnout'), persuasion: range('persuasion') };
  }
  return effects;
}

/**
 * The form's problems by field path (`leaflet.turnout.low`): `number` when not a number from 0
 * to 100, `order` on the central (or high) figure when low ≤ central ≤ high does not hold.
 */
export function effectFormProblems(form: EffectForm): Record<string, 'number' | 'order'> {
  const problems: Record<string, 'number' | 'order'> = {};
  for (const kind of contactKinds) {
    for (const type of effectTypes) {
      const values = bounds.map((bound) => numberOf(form[kind][type][bound]));
      let valid = true;
      bounds.forEach((bound, i) => {
        const value = values[i];
        if (!Number.isFinite(value) || value < 0 || value > 100) {
          problems[`${kind}.${type}.${bound}`] = 'number';
          valid = false;
        }
      });
      if (!valid) continue;
      if (values[0] > values[1]) problems[`${kind}.${type}.central`] = 'order';
      else if (values[1] > values[2]) problems[`${kind}.${type}.high`] = 'order';
    }
  }
  return problems;
}

/** "One vote per N contacts" for an effect per contact; null when it has none. */
export const contactsPerVote = (perContact: number): number | null =>
  perContact > 0 ? Math.round(1 / perContact) : null;

/**
 * How short of contacts each territory is, from 0 (its margin covered) to 1 (the most contacts
 * needed of those shown); null without a margin.
 */
export function shortness(items: readonly TerritoryImpact[]): Map<string, number | null> {
  const most = Math.max(0, ...items.map((item) => item.contactsNeeded ?? 0));
  return new Map(
    items.map((item) => [
      item.id,
      item.contactsNeeded === null ? null : most === 0 ? 0 : item.contactsNeeded / most,
    ]),
  );
}

export type TerritoryColumn =
  'rank' | 'name' | 'contacts' | 'communeOnly' | 'votes' | 'margin' | 'needed';
export type SortDirection = 'ascending' | 'descending';

const sortValue = (item: TerritoryImpact, column: TerritoryColumn): number | string | null => {
  switch (column) {
    case 'rank':
      return item.rank;
    case 'name':
      return item.name;
    case 'contacts':
      return item.contacts;
    case 'communeOnly':
      return item.communeOnly;
    case 'votes':
      return item.votes.total.central;
    case 'margin':
      return item.margin?.margin ?? null;
    case 'needed':
      return item.contactsNeeded;
  }
};

/** The territories by a column, territories without a value last whichever the direction. */
export function sortTerritories(
  items: readonly TerritoryImpact[],
  column: TerritoryColumn,
  direction: SortDirection,
  locale: string,
): TerritoryImpact[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...items].sort((a, b) => {
    const x = sortValue(a, column);
    const y = sortValue(b, column);
    if (x === null || y === null) return x === y ? a.rank - b.rank : x === null ? 1 : -1;
    const order =
      typeof x === 'string' && typeof y === 'string'
        ? x.localeCompare(y, locale)
        : Number(x) - Number(y);
    return sign * order || a.rank - b.rank;
  });
}
