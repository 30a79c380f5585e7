/** The donations feature's texts. */
export const fr = {
  'perm.donations.manage':
    'Finances : dons et donateurs, chèques et espèces, remboursements, reçus, exports du compte',
  'audit.do.donations.settings.update': 'Réglages des dons changés',
  'audit.do.donations.record': 'Don enregistré à la main (chèque, virement, espèces)',
  'audit.do.donations.refund': 'Don remboursé',
  'audit.do.donations.remittance': 'Bordereau de remise créé',
  'audit.do.donations.receipts.series': 'Série de formulaires de reçus enregistrée',
  'audit.do.donations.receipts.spoil': 'Formulaire de reçu annulé (gâché)',
  'audit.do.donations.export': 'Export des dons',
  'source.donation': 'Don',
};

export const en: Record<keyof typeof fr, string> = {
  'perm.donations.manage':
    'Finance: gifts and donors, cheques and cash, refunds, receipts, account exports',
  'audit.do.donations.settings.update': 'Donation settings changed',
  'audit.do.donations.record': 'Gift recorded by hand (cheque, transfer, cash)',
  'audit.do.donations.refund': 'Gift refunded',
  'audit.do.donations.remittance': 'Remittance slip created',
  'audit.do.donations.receipts.series': 'Series of receipt forms recorded',
  'audit.do.donations.receipts.spoil': 'Receipt form spoiled',
  'audit.do.donations.export': 'Donations exported',
  'source.donation': 'Gift',
};
