/** The field (door-to-door) feature's texts. */
export const fr = {
  'perm.field.manage':
    'Porte-à-porte : résultats et adresses, ciblage, secteurs, questionnaires, réponses',
};

export const en: Record<keyof typeof fr, string> = {
  'perm.field.manage':
    'Door-to-door: results and addresses, targeting, turfs, questionnaires, answers',
};
