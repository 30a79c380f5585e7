/** The events feature's texts. */
export const fr = {
  'perm.events.manage': 'Créer des événements nationaux et agir sur ceux de tous les comités',
};

export const en: Record<keyof typeof fr, string> = {
  'perm.events.manage': 'Create campaign-wide events and act on every committee’s events',
};
