import { z } from 'zod';

// The supporter's own data, as `GET /api/me/export` downloads it (a JSON file). Timestamps are
// ISO 8601 strings, null when the event did not happen.

const when = z.string().nullable();

export const myDataSchema = z.object({
  about: z.object({
    description: z.string(),
    campaign: z.string().nullable(),
    exportedAt: z.string(),
  }),
  profile: z.object({
    personId: z.number().int(),
    campaignId: z.number().int(),
    email: z.string().nullable(),
    emailNormalized: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    phone: z.string().nullable(),
    addressStreet: z.string().nullable(),
    addressComplement: z.string().nullable(),
    postalCode: z.string().nullable(),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    departementCode: z.string().nullable(),
    language: z.string().nullable(),
    tags: z.array(z.string()),
    confirmedAt: when,
    createdAt: when,
    updatedAt: when,
    erasedAt: when,
  }),
  consents: z.object({
    current: z.object({ email: z.boolean(), sms: z.boolean(), phone: z.boolean() }),
    history: z.array(
      z.object({
        channel: z.string(),
        granted: z.boolean(),
        source: z.string(),
        wordingVersion: z.string().nullable(),
        at: when,
      }),
    ),
  }),
  signUps: z.array(
    z.object({
      source: z.string().nullable(),
      submitted: z.unknown().describe('The form as it was submitted.'),
      createdAt: when,
      confirmedAt: when,
    }),
  ),
  recruitment: z.object({
    joinedThrough: z.object({
      source: z.string().nullable(),
      recruitedByPersonId: z.number().int().nullable(),
      referrerUrl: z.string().nullable(),
      utmSource: z.string().nullable(),
      utmMedium: z.string().nullable(),
      utmCampaign: z.string().nullable(),
      importId: z.number().int().nullable(),
    }),
    yourCode: z.string().nullable(),
    yourLink: z.string(),
    peopleRecruited: z.number().int(),
    peopleRecruitedConfirmed: z.number().int(),
  }),
  account: z.object({
    createdAt: when,
    lastLoginAt: when,
    hasPassword: z.boolean(),
    roles: z.array(z.string()),
    grants: z.array(z.string()),
    sessions: z.array(
      z.object({
        createdAt: when,
        lastSeenAt: when,
        expiresAt: when,
        userAgent: z.string().nullable(),
        ip: z.string().nullable(),
      }),
    ),
  }),
  timeline: z.array(
    z.object({
      kind: z.string(),
      details: z.unknown(),
      at: when,
    }),
  ),
  teamNotes: z.array(z.object({ text: z.string(), createdAt: when, updatedAt: when })),
  contacts: z.array(
    z.object({
      channel: z.string(),
      outcome: z.string(),
      note: z.string().nullable(),
      at: when,
    }),
  ),
  /** The campaign's custom fields the person has a value for. */
  customFields: z.array(
    z.object({ field: z.string(), label: z.string(), value: z.union([z.string(), z.number()]) }),
  ),
});

/**
 * The route's answer: the file is sent as the pretty-printed JSON text of `myDataSchema`, never
 * re-serialized through the schema (which would drop a field the schema lacked from a
 * person's own data). Typed as that text; documented as the object it holds.
 */
export const myDataFileSchema = myDataSchema as unknown as z.ZodType<string>;
