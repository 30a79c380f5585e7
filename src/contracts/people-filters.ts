import { z } from 'zod';
import { daySchema } from './common.ts';
import {
  csvList,
  defineAudienceFilter,
  labelValueChip,
  type FilterMessageKey,
} from './audience-filter.ts';

/** A tag's name, wherever one is given (bulk changes, imports, filters). */
export const TAG_NAME_MAX = 60;
const triState = z.enum(['yes', 'no']).optional();

/** The people's own filters, over columns of `people` and its tags. */
export const searchFilter = defineAudienceFilter({
  key: 'search',
  shape: { q: z.string().trim().max(200).optional() },
  chips: ({ q }, ctx) => (q ? [labelValueChip(ctx, 'q', 'people.search', `« ${q} »`)] : []),
});

export const placeFilter = defineAudienceFilter({
  key: 'place',
  shape: {
    /** Département codes (2 or 3 characters: 01, 2A, 971). */
    departementCodes: csvList(3).optional(),
    /** INSEE codes (5 characters, 2A/2B for Corsica). */
    communeCodes: csvList(5).optional(),
  },
  chips: ({ departementCodes, communeCodes }, ctx) => [
    ...(departementCodes?.length
      ? [
          labelValueChip(
            ctx,
            'departementCodes',
            'filter.departements',
            departementCodes.map(ctx.departementName).join(', '),
          ),
        ]
      : []),
    ...(communeCodes?.length
      ? [
          labelValueChip(
            ctx,
            'communeCodes',
            'filter.communes',
            communeCodes.map(ctx.communeName).join(', '),
          ),
        ]
      : []),
  ],
});

export const tagsFilter = defineAudienceFilter({
  key: 'tags',
  shape: { tags: csvList(TAG_NAME_MAX).optional() },
  chips: ({ tags }, ctx) =>
    tags?.length ? [labelValueChip(ctx, 'tags', 'filter.tags', tags.join(', '))] : [],
});

export const sourceFilter = defineAudienceFilter({
  key: 'source',
  /** Sources are short words: 'signup', 'embed', 'import'… */
  shape: { sources: csvList(60).optional() },
  chips: ({ sources }, ctx) =>
    sources?.length
      ? [labelValueChip(ctx, 'sources', 'filter.sources', sources.map(ctx.sourceName).join(', '))]
      : [],
});

export const confirmedFilter = defineAudienceFilter({
  key: 'confirmed',
  shape: { confirmed: triState },
  chips: ({ confirmed }, ctx) =>
    confirmed ? [labelValueChip(ctx, 'confirmed', 'filter.confirmed', ctx.yesNo(confirmed))] : [],
});

/** Consent per channel: each key is a column of `people` (see the server's consent SQL). */
export const CONSENT_FILTER_KEYS = ['consentEmail', 'consentSms', 'consentPhone'] as const;
const consentLabels: Record<(typeof CONSENT_FILTER_KEYS)[number], FilterMessageKey> = {
  consentEmail: 'filter.consentEmail',
  consentSms: 'filter.consentSms',
  consentPhone: 'filter.consentPhone',
};
export const consentFilter = defineAudienceFilter({
  key: 'consent',
  shape: { consentEmail: triState, consentSms: triState, consentPhone: triState },
  chips: (value, ctx) =>
    CONSENT_FILTER_KEYS.flatMap((key) => {
      const v = value[key];
      return v ? [labelValueChip(ctx, key, consentLabels[key], ctx.yesNo(v))] : [];
    }),
});

/** Calendar days in the campaign's time zone. */
export const createdFilter = defineAudienceFilter({
  key: 'created',
  shape: { createdFrom: daySchema.optional(), createdTo: daySchema.optional() },
  chips: ({ createdFrom, createdTo }, ctx) => [
    ...(createdFrom
      ? [labelValueChip(ctx, 'createdFrom', 'filter.createdFrom', ctx.day(createdFrom))]
      : []),
    ...(createdTo
      ? [labelValueChip(ctx, 'createdTo', 'filter.createdTo', ctx.day(createdTo))]
      : []),
  ],
});

export const recruiterFilter = defineAudienceFilter({
  key: 'recruiter',
  shape: { recruitedBy: z.coerce.number().int().positive().optional() },
  chips: ({ recruitedBy }, ctx) =>
    recruitedBy
      ? [
          {
            key: 'recruitedBy',
            text: ctx.t('filter.recruitedByChip', {
              name:
                ctx.personName(recruitedBy) ?? ctx.t('filter.personNumber', { id: recruitedBy }),
            }),
          },
        ]
      : [],
});

/** A saved segment's filter, added to the others (the server resolves it). */
export const segmentFilter = defineAudienceFilter({
  key: 'segment',
  shape: { segmentId: z.coerce.number().int().positive().optional() },
  chips: ({ segmentId }, ctx) =>
    segmentId
      ? [
          {
            key: 'segmentId',
            text: ctx.t('filter.segmentChip', {
              name: ctx.segmentName(segmentId) ?? `#${segmentId}`,
            }),
          },
        ]
      : [],
});
