/**
 * The texts the donation page must reproduce (Code électoral L52-9 for a candidate; the
 * party's page gives the matching article of the 1988 law). Extracts of the articles in force,
 * in French, as published.
 */
export const L52_8_EXTRACTS = [
  'Une personne physique peut verser un don à un candidat si elle est de nationalité française ou si elle réside en France. Les dons consentis par une personne physique dûment identifiée pour le financement de la campagne d’un ou plusieurs candidats lors des mêmes élections ne peuvent excéder 4 600 euros.',
  'Les personnes morales, à l’exception des partis ou groupements politiques, ne peuvent participer au financement de la campagne électorale d’un candidat, ni en lui consentant des dons sous quelque forme que ce soit, ni en lui fournissant des biens, services ou autres avantages directs ou indirects à des prix inférieurs à ceux qui sont habituellement pratiqués.',
  'Tout don de plus de 150 euros consenti à un candidat en vue de sa campagne doit être versé par chèque, virement, prélèvement automatique ou carte bancaire.',
  'Le montant global des dons en espèces faits au candidat ne peut excéder 20 % du montant des dépenses autorisées lorsque ce montant est égal ou supérieur à 15 000 euros en application de l’article L. 52-11.',
  'Aucun candidat ne peut recevoir, directement ou indirectement, pour quelque dépense que ce soit, des contributions ou aides matérielles d’un État étranger ou d’une personne morale de droit étranger.',
];

export const PARTY_LAW_EXTRACTS = [
  'Une personne physique peut verser un don à un parti ou groupement politique si elle est de nationalité française ou si elle réside en France.',
  'Les dons consentis et les cotisations versées en qualité d’adhérent d’un ou de plusieurs partis politiques par une personne physique dûment identifiée à une ou plusieurs associations agréées en qualité d’association de financement ou à un ou plusieurs mandataires financiers d’un ou de plusieurs partis politiques ne peuvent annuellement excéder 7 500 euros.',
  'Les personnes morales, à l’exception des partis ou groupements politiques, ne peuvent contribuer au financement des partis ou groupements politiques, ni en consentant des dons, sous quelque forme que ce soit, à leurs associations de financement ou à leurs mandataires financiers, ni en leur fournissant des biens, services ou autres avantages directs ou indirects à des prix inférieurs à ceux qui sont habituellement pratiqués.',
  'Tout don de plus de 150 euros consenti à une association de financement ou à un mandataire financier d’un parti politique doit être versé par chèque, virement, prélèvement automatique ou carte bancaire.',
];
