import type { Locale } from '../../../../contracts/common.ts';
import type { AppContext } from '../../../core/context.ts';
import { escapeHtml } from '../../../core/html.ts';
import { mailTexts, type RenderedMail } from '../../../core/mail/templates.ts';
import { registerMailTemplate } from '../../../core/mail/registry.ts';
import { richTextToHtml } from '../../../core/rich-text.ts';
import { signIds, verifySignedIds } from '../../../core/signed-ids.ts';
import { currentConsents, recordDecisions } from '../../people/consents.ts';
import { campaignName } from '../../settings/service.ts';
import { CALL_MAIL_KIND, callRow } from './service.ts';

/** A sign-up link's token: the call, the person and the action's place in the call. */
const SIGNUP = 'call-to-action-signup';
/** The unsubscribe link's token: the call and the person. */
const UNSUBSCRIBE = 'call-to-action-unsubscribe';

export const SIGNUP_PATH = '/act';
export const UNSUBSCRIBE_PATH = '/act/unsubscribe';

export function signupToken(ctx: AppContext, callId: number, personId: number, index: number) {
  return signIds(ctx.config.sessionSecret, SIGNUP, ctx.campaignId, [callId, personId, index]);
}

/** The call, person and action of a sign-up token of this campaign, or null. */
export function readSignupToken(ctx: AppContext, token: string) {
  const ids = verifySignedIds(ctx.config.sessionSecret, SIGNUP, ctx.campaignId, token, 3);
  if (!ids) return null;
  const [callId, personId, index] = ids as [number, number, number];
  return { callId, personId, index };
}

export const signupUrl = (ctx: AppContext, callId: number, personId: number, index: number) =>
  `${ctx.config.publicUrl}${SIGNUP_PATH}?token=${signupToken(ctx, callId, personId, index)}`;

export function unsubscribeUrl(ctx: AppContext, callId: number, personId: number) {
  const token = signIds(ctx.config.sessionSecret, UNSUBSCRIBE, ctx.campaignId, [callId, personId]);
  return `${ctx.config.publicUrl}${UNSUBSCRIBE_PATH}?token=${token}`;
}

/**
 * An unsubscribe link of a call's mail: the person's consent to the campaign's email is
 * withdrawn (source `unsubscribe_link`, once). False when the token is not one.
 */
export async function unsubscribeByToken(ctx: AppContext, token: string): Promise<boolean> {
  const ids = verifySignedIds(ctx.config.sessionSecret, UNSUBSCRIBE, ctx.campaignId, token, 2);
  if (!ids) return false;
  const personId = ids[1]!;
  await ctx.database.transaction(async (query) => {
    const consents = (await currentConsents(query, ctx.campaignId, [personId])).get(personId);
    if (consents?.email?.status === 'granted') {
      await recordDecisions(query, ctx.campaignId, personId, [
        { channel: 'email', granted: false, source: 'unsubscribe_link', wordingVersion: '' },
      ]);
    }
  });
  return true;
}

const fr = {
  why: 'Vous recevez cet e-mail parce que vous avez accepté de recevoir les e-mails de {campaign} et que vous habitez près de ces actions.',
  unsubscribe: 'Ne plus recevoir ces e-mails : {url}',
  unsubscribeLink: 'Ne plus recevoir ces e-mails',
  signUp: 'Je m’inscris',
  actions: 'En un geste, inscrivez-vous :',
};

const en: Record<keyof typeof fr, string> = {
  why: 'You receive this email because you agreed to receive emails from {campaign} and you live near these actions.',
  unsubscribe: 'Stop receiving these emails: {url}',
  unsubscribeLink: 'Stop receiving these emails',
  signUp: 'Sign me up',
  actions: 'Sign up in one tap:',
};

export const callMailMessages = { fr, en };

export interface CallMailContent {
  subject: string;
  body: string;
  actions: Array<{ title: string; url: string }>;
  campaign: string;
  unsubscribeUrl: string;
}

/**
 * A call's mail: its text (Markdown drawn sanitised), one sign-up button per action, why the
 * person gets it, a link to stop, and the one-click unsubscribe headers (RFC 8058).
 */
export function callMail(locale: Locale, m: CallMailContent): RenderedMail {
  const t = mailTexts(callMailMessages, locale, { campaign: m.campaign, url: m.unsubscribeUrl });
  const buttons = m.actions
    .map(
      (action) =>
        `<p style="margin:12px 0"><strong>${escapeHtml(action.title)}</strong><br><a href="${escapeHtml(action.url)}" style="display:inline-block;margin-top:6px;padding:12px 20px;background:#1c7ed6;color:#fff;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(t.signUp)}</a></p>`,
    )
    .join('\n');
  const lines = m.actions.map((action) => `- ${action.title}: ${action.url}`).join('\n');
  return {
    subject: m.subject,
    text: `${m.body}\n\n${t.actions}\n${lines}\n\n--\n${t.why}\n${t.unsubscribe}\n`,
    html: `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="margin:0;padding:16px;font-family:sans-serif;line-height:1.5;color:#1a1b1e">
<div style="max-width:600px;margin:0 auto">${richTextToHtml(m.body)}
<p>${escapeHtml(t.actions)}</p>
${buttons}
<hr style="border:0;border-top:1px solid #ddd;margin:24px 0 12px"><p style="color:#555;font-size:13px">${escapeHtml(t.why)}<br><a href="${escapeHtml(m.unsubscribeUrl)}">${escapeHtml(t.unsubscribeLink)}</a></p></div></body></html>`,
    headers: {
      'List-Unsubscribe': `<${m.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** Calls' mails, rendered when each is sent: the call's text and the recipient's own links. */
export function registerCallToActionMail(ctx: AppContext) {
  registerMailTemplate(CALL_MAIL_KIND, async (payload) => {
    const p = payload as { callId: number; personId: number; locale: Locale };
    const [call, campaign] = await Promise.all([
      callRow(ctx.database.query, ctx.campaignId, Number(p.callId)),
      campaignName(ctx.database, ctx.campaignId),
    ]);
    const callId = Number(call.id);
    return callMail(p.locale === 'en' ? 'en' : 'fr', {
      subject: call.subject,
      body: call.body,
      campaign,
      actions: call.actions.map((action, index) => ({
        title: action.title,
        url: signupUrl(ctx, callId, p.personId, index),
      })),
      unsubscribeUrl: unsubscribeUrl(ctx, callId, p.personId),
    });
  });
}
