import { sql } from 'drizzle-orm';
import type { Locale } from '../../../contracts/common.ts';
import type {
  NewsletterPreview,
  NewsletterPreviewInput,
  SubjectVariant,
} from '../../../contracts/newsletters.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { badRequest, conflict } from '../../core/http/errors.ts';
import { QUEUE_CAMPAIGN_TEMPLATE_MAILS } from '../../core/mail/outbox.ts';
import { registerMailTemplate } from '../../core/mail/registry.ts';
import { signIds, verifySignedIds } from '../../core/signed-ids.ts';
import { myCommittees } from '../committees/service.ts';
import { currentConsents, recordDecisions } from '../people/consents.ts';
import { profilesOf } from '../people/directory.ts';
import { campaignName } from '../settings/service.ts';
import {
  drawNewsletter,
  newsletterMail,
  type DrawnNewsletter,
  type PlaceholderValues,
} from './mail.ts';
import { endEnrolments } from './automations/enrolments.ts';
import { newsletterRow } from './service.ts';
import { payloadVariant, variantText } from './ab/variant.ts';
import { subjectTestRow } from './ab/settings.ts';
import { mailTracking, trackedDrawing } from './tracking/mail-tracking.ts';

const UNSUBSCRIBE = 'newsletter-unsubscribe';
/** The unsubscribe of an automation step's mail: the step and the person. */
const STEP_UNSUBSCRIBE = 'newsletter-step-unsubscribe';
/** A newsletter's drawn text is kept this long per process: its mails are rendered in bursts. */
const DRAWN_FOR_MS = 30_000;

/** The link of a mail's unsubscribe: the newsletter and the person, signed. */
export function newsletterUnsubscribeUrl(ctx: AppContext, newsletterId: number, personId: number) {
  const token = signIds(ctx.config.sessionSecret, UNSUBSCRIBE, ctx.campaignId, [
    newsletterId,
    personId,
  ]);
  return `${ctx.config.publicUrl}/newsletter/unsubscribe?token=${token}`;
}

/** The unsubscribe link of an automation step's mail (the same page as a newsletter's). */
export function stepUnsubscribeUrl(ctx: AppContext, stepId: number, personId: number) {
  const token = signIds(ctx.config.sessionSecret, STEP_UNSUBSCRIBE, ctx.campaignId, [
    stepId,
    personId,
  ]);
  return `${ctx.config.publicUrl}/newsletter/unsubscribe?token=${token}`;
}

/** A recipient's values for the placeholders; empty strings for what is not known. */
export async function placeholderValues(
  ctx: AppContext,
  personId: number,
): Promise<PlaceholderValues> {
  const [profiles, committees] = await Promise.all([
    profilesOf(ctx, [personId]),
    myCommittees(ctx, personId),
  ]);
  const person = profiles.get(personId);
  return {
    prénom: person?.firstName ?? '',
    nom: person?.lastName ?? '',
    commune: person?.communeName ?? '',
    // Their first committee, highest rank first.
    comité: committees[0]?.name ?? '',
  };
}

/**
 * Newsletter mails, rendered when each is sent: the newsletter's text drawn once per process
 * for a while (it cannot change once the send started), the recipient's values filled in.
 */
export function registerNewsletterMail(ctx: AppContext) {
  // Per newsletter and subject variant (a subject test's B has its own subject).
  const drawn = new Map<string, { at: number; value: DrawnNewsletter }>();
  const drawnNewsletter = async (id: number, variant: SubjectVariant) => {
    const key = `${id}:${variant}`;
    const kept = drawn.get(key);
    if (kept && kept.at > Date.now() - DRAWN_FOR_MS) return kept.value;
    const row = await newsletterRow(ctx.database.query, ctx.campaignId, id);
    const value = drawNewsletter(
      await variantText(ctx.database.query, ctx.campaignId, id, row, variant),
    );
    drawn.set(key, { at: Date.now(), value });
    return value;
  };
  registerMailTemplate('newsletter', async (payload) => {
    const p = payload as {
      newsletterId: number;
      personId: number;
      locale: Locale;
      test?: boolean;
      /** A subject test's variant (`b`: subject B); none for the others. */
      variant?: SubjectVariant;
    };
    const [text, values, campaign, tracking] = await Promise.all([
      drawnNewsletter(p.newsletterId, payloadVariant(p)),
      placeholderValues(ctx, p.personId),
      campaignName(ctx.database, ctx.campaignId),
      // Opens and clicks only with the recipient's consent now; never for a test.
      p.test === true ? null : mailTracking(ctx, p.newsletterId, p.personId),
    ]);
    return newsletterMail(p.locale === 'en' ? 'en' : 'fr', trackedDrawing(text, tracking), {
      values,
      campaign,
      unsubscribeUrl: newsletterUnsubscribeUrl(ctx, p.newsletterId, p.personId),
      test: p.test === true,
      pixelUrl: tracking?.pixelUrl,
    });
  });
}

/** The live preview: the text as the staff member would receive it, their values filled in. */
export async function previewNewsletter(
  ctx: AppContext,
  input: Required<NewsletterPreviewInput>,
  personId: number,
): Promise<NewsletterPreview> {
  const [values, campaign] = await Promise.all([
    placeholderValues(ctx, personId),
    campaignName(ctx.database, ctx.campaignId),
  ]);
  const mail = newsletterMail('fr', drawNewsletter(input), {
    values,
    campaign,
    unsubscribeUrl: `${ctx.config.publicUrl}/newsletter/unsubscribe`,
    test: false,
  });
  return { subject: mail.subject, html: mail.html, text: mail.text };
}

/**
 * A test to the staff member's own address, through the outbox as transactional mail (they
 * asked for it): the same rendering as the real mails, the subject marked as a test.
 */
export async function sendTestNewsletter(
  ctx: AppContext,
  id: number,
  personId: number,
): Promise<{ to: string }> {
  await newsletterRow(ctx.database.query, ctx.campaignId, id);
  const me = (await profilesOf(ctx, [personId])).get(personId);
  if (!me?.email || me.erased) throw conflict('no_email', 'Your account has no email address.');
  // With a subject test, one test per subject: A, then B.
  const variants: SubjectVariant[] = (await subjectTestRow(ctx.database.query, ctx.campaignId, id))
    ? ['a', 'b']
    : ['a'];
  const tests = variants.map(
    (variant) =>
      sql`(${ctx.campaignId}, 'newsletter_test', ${personId}, ${me.email}, 'newsletter',
           ${JSON.stringify({ newsletterId: id, personId, locale: me.locale, test: true, variant })}::jsonb,
           'transactional', NULL)`,
  );
  await ctx.database.query(
    sql`${sql.raw(QUEUE_CAMPAIGN_TEMPLATE_MAILS)} VALUES ${sql.join(tests, sql`, `)}`,
  );
  ctx.mailer.nudge();
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId: personId,
    action: 'newsletter.test',
    target: `newsletter:${id}`,
  });
  return { to: me.email };
}

/**
 * The link or button of a newsletter or of an automation step's mail: the person's consent to
 * the campaign's email is withdrawn (source `unsubscribe_link`, once), the newsletter (or the
 * step) counts it, and every automation series of theirs still running ends. Mails of theirs
 * still waiting are then suppressed by the gate when their turn comes.
 */
export async function unsubscribeFromNewsletter(ctx: AppContext, token: string): Promise<void> {
  const secret = ctx.config.sessionSecret;
  const ofNewsletter = verifySignedIds(secret, UNSUBSCRIBE, ctx.campaignId, token, 2);
  const ofStep = ofNewsletter
    ? null
    : verifySignedIds(secret, STEP_UNSUBSCRIBE, ctx.campaignId, token, 2);
  const ids = ofNewsletter ?? ofStep;
  if (!ids) throw badRequest('invalid_token', 'This unsubscribe link is not valid.');
  const [messageId, personId] = ids as [number, number];
  await ctx.database.transaction(async (query) => {
    const consents = (await currentConsents(query, ctx.campaignId, [personId])).get(personId);
    if (consents?.email?.status === 'granted') {
      await recordDecisions(query, ctx.campaignId, personId, [
        { channel: 'email', granted: false, source: 'unsubscribe_link', wordingVersion: '' },
      ]);
    }
    if (ofNewsletter) {
      await query(
        sql`INSERT INTO newsletter_unsubscribes (campaign_id, newsletter_id, person_id)
            VALUES (${ctx.campaignId}, ${messageId}, ${personId}) ON CONFLICT DO NOTHING`,
      );
    }
    await endEnrolments(query, ctx.campaignId, personId, ofStep ? messageId : null);
  });
}
