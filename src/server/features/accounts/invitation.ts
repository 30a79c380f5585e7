import type { AppContext } from '../../core/context.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { staffInvitationMail } from './mails.ts';
import { campaignName } from '../settings/service.ts';
import { issueLoginCode } from './service.ts';
import { contactsOf, displayName } from '../people/directory.ts';

/** How long the invitation's login link works; afterwards staff log in by code as anyone. */
export const INVITATION_DAYS = 3;

/**
 * Mails a new staff member a one-time login link, in their language. The mail goes through
 * the outbox like login codes: its body (the link) is blanked once sent.
 */
export async function sendStaffInvitation(ctx: AppContext, personId: number, inviterId: number) {
  const people = await contactsOf(ctx, [personId, inviterId]);
  const person = people.get(personId);
  if (!person?.email || person.erased) return;
  const { linkUrl } = await issueLoginCode(ctx, personId, INVITATION_DAYS * 24 * 60);
  const mail = staffInvitationMail(
    person.locale,
    await campaignName(ctx.database, ctx.campaignId),
    displayName(people.get(inviterId)),
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
