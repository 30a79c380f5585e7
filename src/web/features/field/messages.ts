/** The field (door-to-door) feature's texts. */
export const fr = {
  'perm.field.manage':
    'Porte-à-porte : résultats et adresses, ciblage, secteurs, questionnaires, réponses',
  'audit.do.field.import.start': 'Import de porte-à-porte lancé (résultats ou adresses)',
  'audit.do.field.targeting.update': 'Ciblage des bureaux de vote changé',
  'audit.do.field.area.create': 'Zone cible créée',
  'audit.do.field.area.delete': 'Zone cible supprimée',
  'audit.do.field.turfs.cut': 'Zone découpée en secteurs',
  'audit.do.field.turf.update': 'Secteur modifié (nom, comité, bénévoles, dates)',
  'audit.do.field.turf.split': 'Secteur divisé',
  'audit.do.field.turfs.merge': 'Secteurs fusionnés',
  'audit.do.field.questionnaire.create': 'Questionnaire créé',
  'audit.do.field.questionnaire.save': 'Questionnaire enregistré',
  'audit.do.field.answers.export': 'Réponses du porte-à-porte exportées',
};

export const en: Record<keyof typeof fr, string> = {
  'perm.field.manage':
    'Door-to-door: results and addresses, targeting, turfs, questionnaires, answers',
  'audit.do.field.import.start': 'Door-to-door import started (results or addresses)',
  'audit.do.field.targeting.update': 'Polling-station targeting changed',
  'audit.do.field.area.create': 'Target area created',
  'audit.do.field.area.delete': 'Target area deleted',
  'audit.do.field.turfs.cut': 'Area cut into turfs',
  'audit.do.field.turf.update': 'Turf changed (name, committee, volunteers, dates)',
  'audit.do.field.turf.split': 'Turf split',
  'audit.do.field.turfs.merge': 'Turfs merged',
  'audit.do.field.questionnaire.create': 'Questionnaire created',
  'audit.do.field.questionnaire.save': 'Questionnaire saved',
  'audit.do.field.answers.export': 'Door-to-door answers exported',
};
