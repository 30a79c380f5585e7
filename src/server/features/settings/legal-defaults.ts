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
