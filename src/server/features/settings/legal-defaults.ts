import type { PublicSite } from '../../../contracts/recruitment.ts';

/**
 * Pre-filled French legal texts that staff complete (the bracketed parts). They follow what
 * French data-protection guidance expects where personal data is collected.
 */
export const defaultLegal: PublicSite['legal'] = {
  fr: {
    legalNotice: `Éditeur du site : [nom de l'association de financement ou du parti, adresse du siège, numéro RNA ou SIREN].

Directeur ou directrice de la publication : [nom et prénom].

Hébergeur : [raison sociale, adresse et téléphone de l'hébergeur].

Contact : [adresse e-mail de la campagne].`,
    privacyPolicy: `Responsable du traitement : [nom et adresse de l'éditeur du site], joignable à [adresse e-mail de contact].

Finalités : vous tenir informé·e de la campagne, vous proposer d'y participer (comités locaux, actions, événements) et, si vous l'acceptez, vous contacter par e-mail, SMS ou téléphone.

Base légale : votre consentement, que vous pouvez retirer à tout moment. Les informations sur vos opinions politiques sont des données sensibles, traitées avec votre consentement explicite.

Destinataires : l'équipe de la campagne et ses sous-traitants techniques (hébergement, envoi de messages), dans l'Union européenne. Vos données ne sont ni vendues ni cédées.

Durée de conservation : tant que vous restez inscrit·e, puis [durée] après votre dernier contact ; une inscription non confirmée est supprimée après 7 jours.

Vos droits : accès, rectification, effacement, limitation, opposition et portabilité. Exercez-les depuis votre espace personnel ou en écrivant à [adresse e-mail de contact].

Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (www.cnil.fr).`,
    formNotice:
      "Les informations recueillies sont traitées par [nom de l'éditeur] pour vous tenir informé·e de la campagne et vous proposer d'y participer, avec votre consentement. Vous pouvez accéder à vos données, les rectifier, les effacer ou vous opposer à leur traitement à tout moment : voir la politique de confidentialité.",
  },
};

/**
 * What the privacy page always says about newsletters' opens and clicks, in the page's
 * language, after the campaign's own text: Levier measures them only for people who agreed
 * (consent `email_tracking`), so the page says it whatever staff wrote.
 */
export const trackingNotice: Record<'fr' | 'en', { title: string; text: string }> = {
  fr: {
    title: 'Ouvertures et clics des lettres d’information',
    text: `Nous ne mesurons l’ouverture de nos lettres d’information et les clics sur leurs liens que pour les personnes qui l’ont accepté dans leur espace personnel : c’est désactivé par défaut. Pour elles seules, chaque lettre contient une image invisible et des liens qui passent par ce site, ce qui nous indique si elle a été ouverte, quels liens ont été suivis, et quand. Les autres reçoivent des lettres sans image de suivi ni liens modifiés.

Vous pouvez retirer cet accord à tout moment dans votre espace personnel, rubrique « Mes préférences de contact » : plus rien n’est enregistré dès cet instant. Ce qui a été mesuré figure dans le fichier de vos données et est effacé avec votre compte.`,
  },
  en: {
    title: 'Newsletter opens and clicks',
    text: `We measure whether our newsletters are opened and which of their links are followed only for people who agreed to it in their personal space: it is off by default. For them only, each newsletter carries an invisible image and links that go through this site, which tell us whether it was opened, which links were followed, and when. Everyone else receives newsletters with no tracking image and no rewritten links.

You can withdraw this agreement at any time in your personal space, under "My contact preferences": nothing more is recorded from that moment. What was measured is in the file of your data and is erased with your account.`,
  },
};
