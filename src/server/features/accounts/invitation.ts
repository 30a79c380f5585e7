import type { AppContext } from '../../core/context.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { staffInvitationMail } from './mails.ts';
import { campaignName } from '../settings/service.ts';
import { issueLoginCode } from './service.ts';

/** How long the invitation's login link works; afterwards staff log in by code as anyone. */
export const INVITATION_DAYS = 3;

/**
 * Mails a new staff member a one-time login link, in their language. The mail goes through
 * the outbox like login codes: its body (the link) is blanked once sent.
 */
export async function sendStaffInvitation(ctx: AppContext, personId: number, inviterId: number) {
  const rows = await ctx.database.query<{
    id: number;
    email: string;
    locale: 'fr' | 'en';
    inviter: string | null;
  }>(
    `SELECT p.id, p.email, p.locale,
            (SELECT coalesce(nullif(concat_ws(' ', i.first_name, i.last_name), ''), i.email)
               FROM people i WHERE i.campaign_id = p.campaign_id AND i.id = $3) AS inviter
       FROM people p WHERE p.campaign_id = $1 AND p.id = $2 AND p.erased_at IS NULL`,
    [ctx.campaignId, personId, inviterId],
  );
  const person = rows[0];
  if (!person?.email) return;
  const { linkUrl } = await issueLoginCode(ctx, personId, INVITATION_DAYS * 24 * 60);
  const mail = staffInvitationMail(
    person.locale === 'en' ? 'en' : 'fr',
    await campaignName(ctx.database, ctx.campaignId),
    person.inviter,
    linkUrl,
    `${ctx.config.publicUrl}/login`,
    INVITATION_DAYS,
  );
  await enqueueMail(ctx.database, ctx.campaignId, {
    kind: 'staff_invitation',
    personId,
    to: person.email,
    ...mail,
  });
  ctx.mailer.nudge();
}
