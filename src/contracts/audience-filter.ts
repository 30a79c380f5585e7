import { z } from 'zod';
import type { CustomFieldCondition } from './custom-fields.ts';

/**
 * The messages a filter's chip may use. Each is a key of the web's dictionaries: the web's
 * translator is only accepted where these are its keys, so a missing one fails the typecheck.
 */
export type FilterMessageKey =
  | 'common.labelValue'
  | 'people.search'
  | 'filter.departements'
  | 'filter.communes'
  | 'filter.tags'
  | 'filter.sources'
  | 'filter.confirmed'
  | 'filter.consentEmail'
  | 'filter.consentSms'
  | 'filter.consentPhone'
  | 'filter.createdFrom'
  | 'filter.createdTo'
  | 'filter.recruitedByChip'
  | 'filter.personNumber'
  | 'filter.segmentChip'
  | 'filter.committeeRank'
  | 'filter.committeeDepartements';

/**
 * What a chip label needs that only the web knows: the translator, and the names of what a
 * filter holds by code or id (each falls back to the code or id when the name is unknown).
 */
export interface ChipContext {
  t: (key: FilterMessageKey, vars?: Record<string, string | number>) => string;
  yesNo: (value: 'yes' | 'no') => string;
  /** A calendar day as the reader's language writes it. */
  day: (value: string) => string;
  departementName: (code: string) => string;
  /** A committee rank as the reader's language says it. */
  rankName: (rank: 'follower' | 'member' | 'manager' | 'organiser') => string;
  communeName: (code: string) => string;
  sourceName: (source: string) => string;
  /** Null when the person is not known to the reader (the chip says "person #id"). */
  personName: (id: number) => string | null;
  segmentName: (id: number) => string | null;
  /** "T-shirt size: S, M"… one text per condition, with the fields' labels. */
  customConditions: (conditions: CustomFieldCondition[]) => string[];
}

/** One chip: its text, and the key of the filter object its removal clears. */
export interface FilterChip {
  key: string;
  text: string;
}

/**
 * One audience filter: the part of the filter object it reads (a zod shape, merged into
 * `peopleFilterSchema`) and its chip label. Its SQL is declared server-side under the same
 * key (src/server/features/audience-filters.ts), where a missing one fails the typecheck.
 */
export interface AudienceFilter<Key extends string, Shape extends z.ZodRawShape> {
  key: Key;
  shape: Shape;
  chips: (value: Partial<z.output<z.ZodObject<Shape>>>, ctx: ChipContext) => FilterChip[];
}

export const defineAudienceFilter = <Key extends string, Shape extends z.ZodRawShape>(
  filter: AudienceFilter<Key, Shape>,
) => filter;

/** One chip "label: value" for a field of the filter. */
export const labelValueChip = (
  ctx: ChipContext,
  key: string,
  label: FilterMessageKey,
  value: string,
): FilterChip => ({ key, text: ctx.t('common.labelValue', { label: ctx.t(label), value }) });

/** At most this many values in one list of a filter: a segment stores and recounts them all. */
const FILTER_LIST_MAX = 200;

/** Values sent as `a,b,c` (query string) or as an array (JSON body), each `maxLength` at most. */
export const csvList = (maxLength: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(maxLength, 'too_long')).max(FILTER_LIST_MAX, 'too_many'));
