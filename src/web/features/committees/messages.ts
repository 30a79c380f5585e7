/** The committees feature's texts. */
export const fr = {
  'perm.committees.manage': 'Gérer tous les comités (membres, pages, règles de création)',
  'audit.do.committees.rank': 'Rôle changé dans un comité',
  'audit.do.committees.rules.update': 'Règles de création des comités changées',
};

export const en: Record<keyof typeof fr, string> = {
  'perm.committees.manage': 'Manage every committee (members, pages, creation rules)',
  'audit.do.committees.rank': 'Rank changed in a committee',
  'audit.do.committees.rules.update': 'Committee creation rules changed',
};
