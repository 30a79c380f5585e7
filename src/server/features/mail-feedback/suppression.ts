import type {
  MailSuppressionLiftReason,
  PersonMailSuppression,
} from '../../../contracts/mail-feedback.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { conflict, notFound } from '../../core/http/errors.ts';
import { lastFeedbackAbout } from '../../core/mail/feedback.ts';
import { mailSuppressionOf, removeMailSuppression } from '../compliance/mail-suppressions.ts';
import { profilesOf } from '../people/directory.ts';

/** The audit log's action when staff lift a suppression. */
export const MAIL_SUPPRESSION_LIFT_ACTION = 'mail.suppression_lift';

/** The person's address (null without one); 404 for no such person, or an erased one. */
async function addressOf(ctx: AppContext, personId: number): Promise<string | null> {
  const person = (await profilesOf(ctx, [personId])).get(personId);
  if (!person || person.erased) throw notFound('person');
  return person.email;
}

async function suppressionOf(
  query: Query,
  campaignId: number,
  personId: number,
  address: string | null,
): Promise<PersonMailSuppression> {
  const listed = address ? await mailSuppressionOf(query, campaignId, address) : null;
  if (!address || !listed) return { address, suppression: null };
  const report = await lastFeedbackAbout(query, campaignId, personId, address);
  return {
    address,
    suppression: {
      reason: listed.reason,
      since: listed.since.toISOString(),
      lastReport: report && { ...report, at: report.at.toISOString() },
    },
  };
}

/** Whether the person's address gets mail: on the suppression list or not, why and since when. */
export async function personMailSuppression(
  ctx: AppContext,
  personId: number,
): Promise<PersonMailSuppression> {
  const address = await addressOf(ctx, personId);
  return suppressionOf(ctx.database.query, ctx.campaignId, personId, address);
}

/**
 * Lifts the suppression of the person's address (they fixed their mailbox, or the report was
 * wrong): the list's row is deleted and the act audited (`mail.suppression_lift`, with what had
 * suppressed it, since when, and why it is lifted), in one transaction. Mail goes to the
 * address again. A complaint's withdrawal of the person's consent to email stays: campaign
 * mail goes again only once they give it anew.
 */
export async function liftPersonMailSuppression(
  ctx: AppContext,
  personId: number,
  reason: MailSuppressionLiftReason,
  actorId: number | null,
  ip: string,
): Promise<PersonMailSuppression> {
  // Read before the transaction (PGlite: one connection).
  const address = await addressOf(ctx, personId);
  return ctx.database.transaction(async (query) => {
    const removed = address ? await removeMailSuppression(query, ctx.campaignId, address) : null;
    if (!removed) {
      throw conflict('not_suppressed', "This person's address is not on the suppression list.");
    }
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: MAIL_SUPPRESSION_LIFT_ACTION,
        target: `person:${personId}`,
        details: { reason, suppressed: removed.reason, since: removed.since.toISOString() },
        ip,
      },
    );
    return suppressionOf(query, ctx.campaignId, personId, address);
  });
}
