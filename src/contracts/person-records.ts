import { z } from 'zod';
import { channelSchema, daySchema, idParamSchema, localeSchema, pageOf } from './common.ts';
import { agreedSlotSchema } from './compliance.ts';
import { refuseBadName } from './names.ts';

/** Text typed by staff: trimmed, at most `max` characters; '' means "none". */
const optionalText = (max: number) => z.string().trim().max(max, 'too_long').default('');

/**
 * A person added or edited by hand at HQ. Every field may be left empty, but the person needs
 * a name, an email address or a phone number (`identity_required`). The same rules as the
 * sign-up form apply to what is given: a valid, unique email; a phone read as E.164; a French
 * postal code resolved to its commune (chosen when it covers several).
 */
export const personInputSchema = z.object({
  firstName: optionalText(100).superRefine(refuseBadName),
  lastName: optionalText(100).superRefine(refuseBadName),
  email: optionalText(254),
  phone: optionalText(30),
  addressStreet: optionalText(200),
  addressComplement: optionalText(200),
  postalCode: optionalText(10),
  communeCode: optionalText(5),
  locale: localeSchema.default('fr'),
});
export type PersonInput = z.infer<typeof personInputSchema>;

export const personCreatedSchema = z.object({ id: z.number() });

/** How a consent or an opt-out reached the campaign when staff record it. */
export const consentRecordSourceSchema = z.enum(['phone', 'letter', 'in_person', 'email']);
export type ConsentRecordSource = z.infer<typeof consentRecordSourceSchema>;

export const consentRecordSchema = z
  .object({
    /** The API's channels, and automated calls (recorded with their slot). */
    channel: z.enum([...channelSchema.options, 'automated_call']),
    granted: z.boolean(),
    source: consentRecordSourceSchema,
    /** The day it was received (campaign time zone); not in the future. */
    receivedOn: daySchema,
    /** What was said or written, where the paper is kept: the evidence. */
    note: z.string().trim().min(1, 'required').max(1000, 'too_long'),
    /**
     * For a consent given, the wording the person agreed to (on paper: the reference printed
     * on the form). Not needed for an opt-out.
     */
    wordingVersion: z.string().trim().max(60, 'too_long').default(''),
    /** An automated-call consent given: the days and hours agreed to (required, CNIL). */
    slot: agreedSlotSchema.optional(),
  })
  .superRefine((value, issue) => {
    if (value.granted && !value.wordingVersion)
      issue.addIssue({ code: 'custom', path: ['wordingVersion'], message: 'required' });
    if (value.channel === 'automated_call' && value.granted && !value.slot)
      issue.addIssue({ code: 'custom', path: ['slot'], message: 'required' });
    if (value.slot && !(value.channel === 'automated_call' && value.granted))
      issue.addIssue({ code: 'custom', path: ['slot'], message: 'not_allowed' });
  });
export type ConsentRecordInput = z.input<typeof consentRecordSchema>;

export const consentHistoryEntrySchema = z.object({
  id: z.number(),
  channel: z.string(),
  granted: z.boolean(),
  source: z.string(),
  wordingVersion: z.string(),
  /** An automated-call consent given: the days and hours agreed to. */
  slot: agreedSlotSchema.nullable(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type ConsentHistoryEntry = z.infer<typeof consentHistoryEntrySchema>;
export const consentHistorySchema = z.array(consentHistoryEntrySchema);

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(10),
});

/** A note of a person: the person's id and the note's. */
export const noteParamsSchema = idParamSchema.extend({
  noteId: z.coerce.number().int().positive(),
});

export const NOTE_MAX = 5000;
export const noteInputSchema = z.object({
  body: z.string().trim().min(1, 'required').max(NOTE_MAX, 'too_long'),
});
export const noteSchema = z.object({
  id: z.number(),
  body: z.string(),
  authorId: z.number().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The viewer wrote it, or may edit everyone's notes. */
  editable: z.boolean(),
});
export type Note = z.infer<typeof noteSchema>;
export const notePageSchema = pageOf(noteSchema);

export const contactChannelSchema = z.enum([
  'phone',
  'door',
  'email',
  'letter',
  'in_person',
  'other',
]);
export const contactOutcomeSchema = z.enum([
  'reached',
  'no_answer',
  'message_left',
  'wrong_contact',
  'refused',
  'other',
]);
export const contactInputSchema = z.object({
  channel: contactChannelSchema,
  outcome: contactOutcomeSchema,
  note: z.string().trim().max(2000, 'too_long').default(''),
  /** When the contact took place (not in the future). */
  contactedAt: z.iso.datetime({ offset: true }),
});
export type ContactInput = z.input<typeof contactInputSchema>;
export const contactSchema = z.object({
  id: z.number(),
  channel: contactChannelSchema,
  outcome: contactOutcomeSchema,
  note: z.string().nullable(),
  contactedAt: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;
export const contactPageSchema = pageOf(contactSchema);

/** A request received by post or email, carried out by staff for the person. */
export const privacyRequestSchema = z.object({
  channel: z.enum(['post', 'email']),
  /** The campaign's reference for the request (a mail's subject, a letter's number). */
  reference: z.string().trim().min(1, 'required').max(100, 'too_long'),
});
export const erasureRequestSchema = privacyRequestSchema.extend({
  /** Typed by staff to confirm: erasure cannot be undone. */
  confirm: z.literal('ERASE'),
});
export type PrivacyRequest = z.infer<typeof privacyRequestSchema>;
