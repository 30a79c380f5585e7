import { z } from 'zod';
import type { ChipContext, FilterChip } from './audience-filter.ts';
import { committeeMembershipFilter } from './committee-filters.ts';
import { customFieldsFilter } from './custom-fields.ts';
import {
  confirmedFilter,
  consentFilter,
  createdFilter,
  placeFilter,
  recruiterFilter,
  searchFilter,
  segmentFilter,
  sourceFilter,
  tagsFilter,
} from './people-filters.ts';

/**
 * Every audience filter, in the order their chips are shown. A feature adds one by declaring
 * it (defineAudienceFilter) and listing it here; the server then asks for its SQL.
 */
export const audienceFilters = [
  searchFilter,
  placeFilter,
  tagsFilter,
  sourceFilter,
  confirmedFilter,
  consentFilter,
  createdFilter,
  recruiterFilter,
  customFieldsFilter,
  committeeMembershipFilter,
  segmentFilter,
] as const;

type Filters = (typeof audienceFilters)[number];
export type AudienceFilterKey = Filters['key'];
type ShapeOf<K extends AudienceFilterKey> = Extract<Filters, { key: K }>['shape'];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  u: infer I,
) => void
  ? I
  : never;
type AllShapes = UnionToIntersection<Filters['shape']>;

/** The filter object segments store: every registered filter's part, merged (same JSON shape). */
export const peopleFilterSchema = z.object(
  Object.assign({}, ...audienceFilters.map((f) => f.shape)) as {
    [K in keyof AllShapes]: AllShapes[K];
  },
);
export type PeopleFilter = z.infer<typeof peopleFilterSchema>;
/** The part of a filter one registered filter reads. */
export type AudienceFilterValue<K extends AudienceFilterKey> = Partial<
  z.output<z.ZodObject<ShapeOf<K>>>
>;

/** The chips of a filter, each with the key its removal clears. */
export function filterChips(filter: PeopleFilter, ctx: ChipContext): FilterChip[] {
  // Each filter reads its own keys of the merged object, whose type holds them all.
  return audienceFilters.flatMap((f) => f.chips(filter as never, ctx));
}
