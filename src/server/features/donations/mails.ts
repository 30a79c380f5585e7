import { sql } from 'drizzle-orm';
import type { DonorIdentity } from '../../../contracts/donations.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { registerMailTemplate } from '../../core/mail/registry.ts';
import { mailTexts, type RenderedMail } from '../../core/mail/templates.ts';
import { escapeHtml } from '../../core/html.ts';
import { campaignName } from '../settings/service.ts';
import { amountInFigures, type AcknowledgementInput } from './acknowledgement/document.ts';
import { renderAcknowledgementPdf } from './acknowledgement/pdf.ts';
import { donationSettings } from './settings.ts';
import type { PaymentMeans } from '../../../contracts/donation-law.ts';

interface GiftRow {
  id: number;
  amount_cents: number | string;
  means: PaymentMeans;
  given_on: string;
  donor: DonorIdentity | null;
  plan_id: number | null;
  locale: 'fr' | 'en';
  cap_key: string;
}

/** What the acknowledgement of a gift says, or null when the gift names no donor. */
export async function acknowledgementOf(
  ctx: AppContext,
  donationId: number,
  personId?: number,
): Promise<{ input: AcknowledgementInput; locale: 'fr' | 'en' } | null> {
  const [gift] = await runSql<GiftRow>(
    ctx.database,
    sql`SELECT id, amount_cents, means, given_on::text, donor, plan_id, locale, cap_key
          FROM donations
         WHERE campaign_id = ${ctx.campaignId} AND id = ${donationId} AND status = 'succeeded'
           ${personId === undefined ? sql`` : sql`AND person_id = ${personId}`}`,
  );
  if (!gift?.donor) return null;
  const settings = await donationSettings(ctx);
  return {
    locale: gift.locale,
    input: {
      campaignName: await campaignName(ctx.database, ctx.campaignId),
      beneficiary: settings.beneficiary,
      agent: {
        name: settings.agent.name,
        designatedOn: settings.agent.designatedOn,
        address: settings.agent.address,
      },
      donor: gift.donor,
      donationId: Number(gift.id),
      givenOn: gift.given_on,
      amountCents: Number(gift.amount_cents),
      means: gift.means,
      mode: gift.cap_key.startsWith('year:') ? 'party' : 'candidate',
      monthly: gift.plan_id !== null,
    },
  };
}

/** The PDF's file name, in the donor's language. */
export const acknowledgementFileName = (donationId: number, locale: 'fr' | 'en') =>
  locale === 'en'
    ? `gift-acknowledgement-${donationId}.pdf`
    : `accuse-reception-don-${donationId}.pdf`;

const texts = {
  fr: {
    subject: 'Merci pour votre don à {campaign}',
    hello: 'Bonjour {firstName},',
    thanks: 'Nous avons bien reçu votre don de {amount}. Merci !',
    attached:
      'Vous trouverez ci-joint l’accusé de réception. Le reçu fiscal officiel suit sur le formulaire numéroté de la Commission nationale des comptes de campagne et des financements politiques.',
    space: 'Vos dons sont aussi dans votre espace : {url}',
  },
  en: {
    subject: 'Thank you for your gift to {campaign}',
    hello: 'Hello {firstName},',
    thanks: 'We have received your gift of {amount}. Thank you!',
    attached:
      'The acknowledgement is attached. The official tax receipt follows on the numbered form of the Commission nationale des comptes de campagne et des financements politiques.',
    space: 'Your gifts are also in your space: {url}',
  },
};

/** The donor's acknowledgement mail, rendered when sent: the PDF is made then, never stored. */
export function registerDonationMail(ctx: AppContext) {
  registerMailTemplate('donation_acknowledgement', async (payload): Promise<RenderedMail> => {
    const found = await acknowledgementOf(ctx, Number(payload.id));
    if (!found) throw new Error(`gift ${String(payload.id)} has no acknowledgement`);
    const { input, locale } = found;
    const t = mailTexts(texts, locale, {
      campaign: input.campaignName,
      firstName: input.donor.firstName,
      amount: amountInFigures(input.amountCents, locale),
      url: `${ctx.config.publicUrl}/me`,
    });
    const paragraphs = [t.hello, t.thanks, t.attached, t.space];
    return {
      subject: t.subject,
      text: paragraphs.join('\n\n'),
      html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:560px">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</body></html>`,
      attachments: [
        {
          filename: acknowledgementFileName(input.donationId, locale),
          content: await renderAcknowledgementPdf(input, locale),
          contentType: 'application/pdf',
        },
      ],
    };
  });
}
