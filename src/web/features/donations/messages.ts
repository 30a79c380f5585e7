/** The donations feature's texts. */
export const fr = {
  'perm.donations.manage':
    'Finances : dons et donateurs, chèques et espèces, remboursements, reçus, exports du compte',
  'audit.do.donations.settings.update': 'Réglages des dons changés',
  'source.donation': 'Don',
};

export const en: Record<keyof typeof fr, string> = {
  'perm.donations.manage':
    'Finance: gifts and donors, cheques and cash, refunds, receipts, account exports',
  'audit.do.donations.settings.update': 'Donation settings changed',
  'source.donation': 'Gift',
};
