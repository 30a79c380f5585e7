import type { Locale } from '../../../../contracts/common.ts';

/**
 * The texts of the public report form the server draws. French first; English must define
 * every key (the typecheck says which one is missing). Texts every public page shares (the
 * header, field errors) come from the public pages' own `t`.
 */
export const fr = {
  'reportPage.link.committee': 'Signaler ce comité',
  'reportPage.link.event': 'Signaler cet événement',
  'reportPage.link.committee_message': 'Signaler ce message',
  'reportPage.link.committee_post': 'Signaler cette publication',
  'reportPage.link.committee_comment': 'Signaler ce commentaire',
  'reportPage.link.content_comment': 'Signaler',
  'reportPage.title.committee': 'Signaler ce comité',
  'reportPage.title.event': 'Signaler cet événement',
  'reportPage.title.committee_message': 'Signaler ce message',
  'reportPage.title.committee_post': 'Signaler cette publication',
  'reportPage.title.committee_comment': 'Signaler ce commentaire',
  'reportPage.title.content_comment': 'Signaler ce commentaire',
  'reportPage.intro':
    'Les modérateurs de la campagne liront votre signalement. Vous n’avez pas besoin d’être connecté·e, et la personne signalée ne saura pas qui l’a signalée.',
  'reportPage.about': 'Vous signalez : {title}',
  'reportPage.reason': 'Pourquoi le signalez-vous ?',
  'reportPage.reason.spam': 'Spam ou publicité',
  'reportPage.reason.hate': 'Propos haineux ou discriminatoires',
  'reportPage.reason.harassment': 'Harcèlement ou menaces',
  'reportPage.reason.misinformation': 'Fausses informations',
  'reportPage.reason.illegal': 'Contenu illégal',
  'reportPage.reason.impersonation':
    'Usurpation d’identité (se fait passer pour la campagne ou une personne)',
  'reportPage.reason.other': 'Autre raison',
  'reportPage.reasonRequired': 'Choisissez la raison du signalement.',
  'reportPage.text': 'Précisez (facultatif)',
  'reportPage.textHint': 'Ce qui pose problème, où le voir. 2 000 caractères au plus.',
  'reportPage.send': 'Envoyer le signalement',
  'reportPage.cancel': 'Revenir sans signaler',
  'reportPage.rateLimited':
    'Vous avez envoyé beaucoup de signalements en peu de temps : réessayez dans une heure.',
  'reportPage.sentTitle': 'Merci pour votre signalement',
  'reportPage.sentText':
    'Les modérateurs de la campagne vont l’examiner. S’il enfreint les règles, le contenu sera retiré et ses auteurs informés.',
  'reportPage.back': 'Revenir à la page',
  'reportPage.home': 'Revenir à l’accueil',
  'reportPage.notFoundTitle': 'Contenu introuvable',
  'reportPage.notFoundText':
    'Ce que vous voulez signaler n’existe pas ou n’est plus public : il n’y a plus rien à signaler.',
};

export const en: Record<keyof typeof fr, string> = {
  'reportPage.link.committee': 'Report this committee',
  'reportPage.link.event': 'Report this event',
  'reportPage.link.committee_message': 'Report this message',
  'reportPage.link.committee_post': 'Report this post',
  'reportPage.link.committee_comment': 'Report this comment',
  'reportPage.link.content_comment': 'Report',
  'reportPage.title.committee': 'Report this committee',
  'reportPage.title.event': 'Report this event',
  'reportPage.title.committee_message': 'Report this message',
  'reportPage.title.committee_post': 'Report this post',
  'reportPage.title.committee_comment': 'Report this comment',
  'reportPage.title.content_comment': 'Report this comment',
  'reportPage.intro':
    'The campaign’s moderators will read your report. You need not be logged in, and the person reported will not know who reported them.',
  'reportPage.about': 'You are reporting: {title}',
  'reportPage.reason': 'Why are you reporting it?',
  'reportPage.reason.spam': 'Spam or advertising',
  'reportPage.reason.hate': 'Hateful or discriminatory words',
  'reportPage.reason.harassment': 'Harassment or threats',
  'reportPage.reason.misinformation': 'False information',
  'reportPage.reason.illegal': 'Illegal content',
  'reportPage.reason.impersonation': 'Impersonation (pretends to be the campaign or someone else)',
  'reportPage.reason.other': 'Another reason',
  'reportPage.reasonRequired': 'Choose why you are reporting it.',
  'reportPage.text': 'Tell us more (optional)',
  'reportPage.textHint': 'What is wrong, where to see it. 2,000 characters at most.',
  'reportPage.send': 'Send the report',
  'reportPage.cancel': 'Go back without reporting',
  'reportPage.rateLimited': 'You sent many reports in a short time: try again in an hour.',
  'reportPage.sentTitle': 'Thank you for your report',
  'reportPage.sentText':
    'The campaign’s moderators will look into it. If it breaks the rules, the content will be taken down and its authors told.',
  'reportPage.back': 'Back to the page',
  'reportPage.home': 'Back to the home page',
  'reportPage.notFoundTitle': 'Content not found',
  'reportPage.notFoundText':
    'What you want to report does not exist or is no longer public: there is nothing left to report.',
};

export type ReportPageKey = keyof typeof fr;
const dictionaries: Record<Locale, Record<ReportPageKey, string>> = { fr, en };

/** A report page's message in its language, `{name}` replaced (plain text, unescaped). */
export function rt(locale: Locale, key: ReportPageKey, vars: Record<string, string> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? vars[name] : whole,
  );
}
