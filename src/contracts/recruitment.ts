import { z } from 'zod';
import { consentsSchema, daySchema, type Locale, localeSchema } from './common.ts';
import { nameProblem, refuseBadName } from './names.ts';
import { linkLike, signupMaxLength } from './signup-rules.ts';

const name = z.string().trim().min(1, 'required').max(signupMaxLength.firstName, 'too_long');
/** One line of letters and the punctuation names use, nothing that reads as a link (names.ts). */
const personName = name.superRefine(refuseBadName);
const publicName = personName.refine(
  // Said once: a name nameProblem already refused is not refused again here.
  (value) => !linkLike.test(value) || nameProblem(value) !== null,
  'no_links',
);
export { personName as personNameSchema };

/** The public sign-up form (home page and embeddable form). */
export const signupInputSchema = z.object({
  firstName: publicName,
  lastName: publicName,
  email: z.string().trim().max(signupMaxLength.email, 'too_long'),
  postalCode: z.string().trim().max(signupMaxLength.postalCode, 'too_long'),
  /** INSEE code; required when the postal code covers several communes. */
  communeCode: z.string().trim().max(5).optional(),
  phone: z.string().trim().max(signupMaxLength.phone, 'too_long').optional(),
  consents: consentsSchema,
  /** The version of the consent wording the form showed (from /api/site); see consentWording. */
  wordingVersion: z.string().trim().max(40).optional(),
  locale: localeSchema.default('fr'),
  /** Recruiter's personal code from `?r=`. */
  ref: z.string().trim().max(32).optional(),
  utmSource: z.string().trim().max(200).optional(),
  utmMedium: z.string().trim().max(200).optional(),
  utmCampaign: z.string().trim().max(200).optional(),
  referrerUrl: z.string().trim().max(2000).optional(),
  /** 'signup' on the site, 'embed' from the embeddable form. */
  source: z.enum(['signup', 'embed']).default('signup'),
});
export type SignupInput = z.infer<typeof signupInputSchema>;

/**
 * Where a sign-up was made: the two forms above, or a visitor's answer to an event (its own
 * form on the event's page, never sent to /api/signup).
 */
export type SignupSource = SignupInput['source'] | 'event_rsvp';

export const signupResultSchema = z.object({ ok: z.literal(true), message: z.string() });

/**
 * Sends the confirmation mail of an address's latest unconfirmed sign-up again. The answer is
 * the same whatever the address; the mail's daily cap per person applies.
 */
export const signupResendInputSchema = z.object({
  email: z.string().trim().max(signupMaxLength.email, 'too_long'),
});

export const confirmInputSchema = z.object({ token: z.string().min(10).max(200) });
export const confirmResultSchema = z.object({
  ok: z.literal(true),
  firstName: z.string().nullable(),
  /**
   * The person's own recruitment code and link, shown to invite others: the signed link proves
   * the address's owner clicked. Null once the person is erased.
   */
  recruitCode: z.string().nullable(),
  recruitUrl: z.string().nullable(),
});

/**
 * The English version of the home texts. Every field is optional and may be left empty: the
 * French text is shown instead (see homeIn), so settings saved before it existed stay valid.
 */
export const homeTranslationSchema = z.object({
  title: z.string().trim().max(200, 'too_long').optional(),
  message: z.string().trim().max(5000, 'too_long').optional(),
  signupCallToAction: z.string().trim().max(120, 'too_long').optional(),
});
export type HomeTranslation = z.infer<typeof homeTranslationSchema>;

/** Staff-editable home page content: French (the default), the campaign name for both. */
export const homeContentSchema = z.object({
  campaignName: z.string().trim().min(1, 'required').max(120, 'too_long'),
  title: z.string().trim().min(1, 'required').max(200, 'too_long'),
  message: z.string().trim().max(5000, 'too_long'),
  signupCallToAction: z.string().trim().min(1, 'required').max(120, 'too_long'),
  en: homeTranslationSchema.optional(),
});
export type HomeContent = z.infer<typeof homeContentSchema>;

/** The home texts a visitor reading `locale` sees: each empty English text falls back to French. */
export function homeIn(home: HomeContent, locale: Locale): Omit<HomeContent, 'en'> {
  const { en, ...french } = home;
  if (locale === 'fr' || !en) return french;
  return {
    campaignName: french.campaignName,
    title: en.title || french.title,
    message: en.message || french.message,
    signupCallToAction: en.signupCallToAction || french.signupCallToAction,
  };
}

/** Wording shown next to each consent box; its version is stored with every consent. */
export const consentWordingSchema = z.object({
  version: z.string(),
  email: z.string(),
  sms: z.string(),
  phone: z.string(),
});
export type ConsentWording = z.infer<typeof consentWordingSchema>;

/**
 * The campaign's legal texts, in plain text (paragraphs separated by a blank line; web
 * addresses and email addresses become links when shown). `legalNotice` is the "mentions
 * légales" (publisher, director of publication, host), `privacyPolicy` the full privacy
 * information (controller, purposes, legal basis, recipients, retention, rights, CNIL
 * complaint), `formNotice` the short notice shown next to every form that collects personal
 * data (who collects, why, rights, a pointer to the policy).
 */
export const legalTextsSchema = z.object({
  legalNotice: z.string().trim().max(20_000),
  privacyPolicy: z.string().trim().max(50_000),
  formNotice: z.string().trim().max(2_000),
});
export type LegalTexts = z.infer<typeof legalTextsSchema>;

/** Public paths of the two legal pages (server-rendered; `?lang=en` for English). */
export const legalPagePaths = {
  legalNotice: '/mentions-legales',
  privacyPolicy: '/confidentialite',
} as const;

export const publicSiteSchema = z.object({
  home: homeContentSchema,
  consentWording: z.object({ fr: consentWordingSchema, en: consentWordingSchema }),
  /** French texts, and English ones where staff wrote them (an empty one shows the French). */
  legal: z.object({ fr: legalTextsSchema, en: legalTextsSchema.partial().optional() }),
});
export type PublicSite = z.infer<typeof publicSiteSchema>;

/** The longest statistics range, in days; checked once the missing bound is derived. */
export const STATS_RANGE_MAX_DAYS = 731;

/** Without `to`, the range ends today (campaign time zone); without `from`, 90 days end on `to`. */
export const statsQuerySchema = z.object({
  from: daySchema.optional(),
  to: daySchema.optional(),
});

export const recruitmentStatsSchema = z.object({
  totals: z.object({
    people: z.number(),
    confirmed: z.number(),
    last7Days: z.number(),
    last30Days: z.number(),
  }),
  perDay: z.array(z.object({ day: z.string(), signups: z.number(), confirmed: z.number() })),
  bySource: z.array(z.object({ source: z.string(), count: z.number() })),
  byUtmSource: z.array(z.object({ source: z.string(), count: z.number() })),
  byDepartement: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
  topRecruiters: z.array(
    z.object({
      personId: z.number(),
      name: z.string(),
      recruited: z.number(),
      confirmed: z.number(),
    }),
  ),
});
export type RecruitmentStats = z.infer<typeof recruitmentStatsSchema>;
