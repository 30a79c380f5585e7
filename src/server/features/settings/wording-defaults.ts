import type { PublicSite } from '../../../contracts/recruitment.ts';

/**
 * The first consent wording of every campaign, built in (not stored). Consents given under it
 * keep its version; staff's later versions are stored in `consent_wordings` (see wording.ts).
 */
export const defaultConsentWording: PublicSite['consentWording'] = {
  fr: {
    version: 'fr-2026-11',
    email:
      "J'accepte de recevoir les nouvelles de la campagne par e-mail (désinscription en un clic dans chaque e-mail).",
    sms: "J'accepte de recevoir des SMS de la campagne (répondez STOP pour ne plus en recevoir).",
    phone:
      "J'accepte d'être appelé·e par la campagne, y compris par des messages enregistrés, entre 10 h et 20 h en semaine.",
  },
  en: {
    version: 'en-2026-11',
    email: 'I agree to receive campaign news by email (one-click unsubscribe in every email).',
    sms: 'I agree to receive text messages from the campaign (reply STOP to opt out).',
    phone:
      'I agree to be called by the campaign, including recorded messages, between 10am and 8pm on weekdays.',
  },
};
