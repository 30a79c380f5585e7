import type { Locale } from '../../recruitment/pages/i18n.ts';

const fr = {
  'donate.nav': 'Faire un don',
  'donate.title': 'Faire un don',
  'donate.description': 'Soutenez la campagne par un don, en ligne et en toute sécurité.',
  'donate.intro': 'Votre don finance la campagne de {beneficiary}.',
  'donate.closed': 'Les dons ne sont pas ouverts pour le moment.',
  'donate.outsidePeriod':
    'Les dons pour cette élection ne peuvent être reçus que du {opensOn} au {closesOn}.',
  'donate.unavailable':
    'Le paiement en ligne n’est pas disponible pour le moment. Vous pouvez donner par chèque à l’ordre du mandataire.',
  'donate.frequency': 'Fréquence',
  'donate.once': 'Une fois',
  'donate.monthly': 'Chaque mois',
  'donate.amount': 'Montant',
  'donate.otherAmount': 'Autre montant (en euros)',
  'donate.costAfterTax': 'soit {cost} après réduction d’impôt',
  'donate.taxNote':
    'Un don ouvre droit à une réduction d’impôt sur le revenu de 66 % de son montant, dans la limite de 20 % du revenu imposable (article 200 du Code général des impôts). Un reçu fiscal vous sera adressé.',
  'donate.identity': 'Vos coordonnées',
  'donate.identityNote':
    'La loi impose que chaque donateur soit identifié : ces informations figurent sur votre reçu fiscal.',
  'field.civility': 'Civilité',
  'field.civility.none': 'Non précisée',
  'field.civility.M': 'M.',
  'field.civility.Mme': 'Mme',
  'field.firstName': 'Prénom',
  'field.lastName': 'Nom',
  'field.addressLine1': 'Adresse',
  'field.addressLine2': 'Complément d’adresse',
  'field.postalCode': 'Code postal',
  'field.commune': 'Commune',
  'field.country': 'Pays de résidence fiscale',
  'field.nationality': 'Nationalité (pays)',
  'field.email': 'Adresse e-mail',
  'field.phone': 'Téléphone',
  'field.optional': 'Facultatif',
  'donate.attest': 'Vos attestations',
  'donate.naturalPerson':
    'Je certifie que ce don est fait par moi-même, personne physique, à partir de mes propres fonds.',
  'donate.frenchOrResident': 'Je certifie être de nationalité française ou résider en France.',
  'donate.otherParties':
    'Je certifie que mes dons et cotisations à l’ensemble des partis et groupements politiques en {year}, celui-ci compris, ne dépassent pas 7 500 €.',
  'donate.submit': 'Continuer vers le paiement',
  'donate.secure': 'Le paiement par carte se fait sur la page sécurisée de notre prestataire.',
  'donate.legalTitle': 'Mentions légales',
  'donate.agentPerson':
    'Les dons sont reçus par {agent}, mandataire financier de {beneficiary}, déclaré(e) le {designatedOn}.',
  'donate.agentAssociation':
    'Les dons sont reçus par l’association de financement {agent}, mandataire financier de {beneficiary}, déclarée le {designatedOn}.',
  'donate.partyAgent': 'Les dons sont reçus par {agent}, mandataire financier de {beneficiary}.',
  'donate.onlyAgent':
    'Un candidat ne peut recevoir de dons que par l’intermédiaire de son mandataire financier (article L52-4 du Code électoral).',
  'donate.lawTitle': 'Article L52-8 du Code électoral (extraits)',
  'donate.partyLawTitle': 'Article 11-4 de la loi n° 88-227 du 11 mars 1988 (extraits)',
  'donate.errorTitle': 'Votre don n’a pas pu être pris en compte',
  'donate.thanksTitle': 'Merci pour votre don',
  'donate.thanks':
    'Merci ! Dès que le paiement est confirmé, vous recevez par e-mail un accusé de réception. Le reçu fiscal officiel suit sur le formulaire de la Commission nationale des comptes de campagne et des financements politiques.',
  'donate.cancelled':
    'Le paiement n’a pas abouti : aucun montant n’a été prélevé. Vous pouvez réessayer.',
  'devpay.title': 'Page de paiement de test',
  'devpay.warning':
    'Adaptateur de développement : aucun argent ne circule. Choisissez l’issue du paiement.',
  'devpay.amount': 'Montant : {amount}',
  'devpay.succeed': 'Payer (réussite)',
  'devpay.fail': 'Refuser le paiement (échec)',
  'devpay.saveCard': 'Enregistrer la carte',
  'devpay.saveDeclined': 'Enregistrer une carte qui sera refusée',
  'devpay.cancelSetup': 'Annuler (garder la carte d’avant)',
  'devpay.unknown': 'Ce paiement de test n’existe pas ou n’est plus en attente.',
} as const;

export type DonationPageKey = keyof typeof fr;

const en: Record<DonationPageKey, string> = {
  'donate.nav': 'Donate',
  'donate.title': 'Make a gift',
  'donate.description': 'Support the campaign with a gift, online and securely.',
  'donate.intro': 'Your gift finances the campaign of {beneficiary}.',
  'donate.closed': 'Donations are not open at the moment.',
  'donate.outsidePeriod':
    'Gifts for this election may only be received from {opensOn} to {closesOn}.',
  'donate.unavailable':
    'Online payment is not available at the moment. You may give by cheque made out to the financial agent.',
  'donate.frequency': 'Frequency',
  'donate.once': 'Once',
  'donate.monthly': 'Every month',
  'donate.amount': 'Amount',
  'donate.otherAmount': 'Other amount (in euros)',
  'donate.costAfterTax': '{cost} after tax reduction',
  'donate.taxNote':
    'A gift gives a reduction of French income tax of 66% of its amount, within 20% of the taxable income (Code général des impôts, article 200). A tax receipt will be sent to you.',
  'donate.identity': 'Your details',
  'donate.identityNote':
    'The law requires every donor to be identified: these details appear on your tax receipt.',
  'field.civility': 'Title',
  'field.civility.none': 'Not given',
  'field.civility.M': 'Mr',
  'field.civility.Mme': 'Ms',
  'field.firstName': 'First name',
  'field.lastName': 'Last name',
  'field.addressLine1': 'Address',
  'field.addressLine2': 'Address (continued)',
  'field.postalCode': 'Postal code',
  'field.commune': 'Town',
  'field.country': 'Country of tax residence',
  'field.nationality': 'Nationality (country)',
  'field.email': 'Email address',
  'field.phone': 'Phone',
  'field.optional': 'Optional',
  'donate.attest': 'What you attest',
  'donate.naturalPerson':
    'I certify that I make this gift myself, as a natural person, from my own funds.',
  'donate.frenchOrResident': 'I certify that I am a French national or live in France.',
  'donate.otherParties':
    'I certify that my gifts and dues to all political parties in {year}, this one included, do not exceed €7,500.',
  'donate.submit': 'Continue to payment',
  'donate.secure': "Card payment takes place on our provider's secure page.",
  'donate.legalTitle': 'Legal notices',
  'donate.agentPerson':
    'Gifts are received by {agent}, financial agent of {beneficiary}, declared on {designatedOn}.',
  'donate.agentAssociation':
    'Gifts are received by the financing association {agent}, financial agent of {beneficiary}, declared on {designatedOn}.',
  'donate.partyAgent': 'Gifts are received by {agent}, financial agent of {beneficiary}.',
  'donate.onlyAgent':
    'A candidate may receive gifts only through their financial agent (Code électoral, article L52-4).',
  'donate.lawTitle': 'Code électoral, article L52-8 (extracts, in French)',
  'donate.partyLawTitle': 'Loi n° 88-227 of 11 March 1988, article 11-4 (extracts, in French)',
  'donate.errorTitle': 'Your gift could not be taken',
  'donate.thanksTitle': 'Thank you for your gift',
  'donate.thanks':
    'Thank you! As soon as the payment is confirmed, you receive an acknowledgement by email. The official tax receipt follows on the form of the Commission nationale des comptes de campagne et des financements politiques.',
  'donate.cancelled': 'The payment did not go through: nothing was charged. You may try again.',
  'devpay.title': 'Test payment page',
  'devpay.warning': 'Development adapter: no money moves. Choose how the payment ends.',
  'devpay.amount': 'Amount: {amount}',
  'devpay.succeed': 'Pay (success)',
  'devpay.fail': 'Decline the payment (failure)',
  'devpay.saveCard': 'Save the card',
  'devpay.saveDeclined': 'Save a card that will be declined',
  'devpay.cancelSetup': 'Cancel (keep the previous card)',
  'devpay.unknown': 'This test payment does not exist or is no longer waiting.',
};

const messages: Record<Locale, Record<DonationPageKey, string>> = { fr, en };

/** A donation page's text in the page's language, each `{name}` filled. */
export function dt(
  locale: Locale,
  key: DonationPageKey,
  vars: Record<string, string> = {},
): string {
  return messages[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
