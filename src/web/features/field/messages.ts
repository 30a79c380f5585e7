/** The field (door-to-door) feature's texts. */
export const fr = {
  'perm.field.manage':
    'Porte-à-porte : résultats et adresses, ciblage, secteurs, questionnaires, réponses',
  'audit.do.field.import.start':
    'Import de porte-à-porte lancé (résultats, adresses ou liste électorale)',
  'audit.do.field.targeting.update': 'Ciblage des bureaux de vote changé',
  'audit.do.field.area.create': 'Zone cible créée',
  'audit.do.field.area.delete': 'Zone cible supprimée',
  'audit.do.field.area.questionnaire': 'Questionnaire d’une zone choisi',
  'audit.do.field.turfs.cut': 'Zone découpée en secteurs',
  'audit.do.field.turf.update': 'Secteur modifié (nom, comité, bénévoles, dates)',
  'audit.do.field.turf.split': 'Secteur divisé',
  'audit.do.field.turfs.merge': 'Secteurs fusionnés',
  'audit.do.field.questionnaire.create': 'Questionnaire créé',
  'audit.do.field.questionnaire.save': 'Questionnaire enregistré',
  'audit.do.field.answers.export': 'Réponses du porte-à-porte exportées',

  'field.kind.electoralList': 'Liste électorale (L37)',
  'field.kind.electoralListHelp':
    'La liste des électeurs remise au candidat par la mairie (article L37 du code électoral), en .csv ou .txt. Elle ne sert qu’à la campagne ; ses électeurs sont effacés le lendemain du dernier tour de l’élection choisie.',
  'field.imports.election': 'Élection',
  'field.imports.electionHelp':
    'L’élection pour laquelle la liste vous a été remise : ses électeurs seront effacés le lendemain de son dernier tour.',
  'field.imports.electionPlaceholder': 'Choisir une élection',
  'field.imports.electionOption': '{name} · dernier tour le {date}',
  'field.imports.electionNoRounds': '{name} · aucun tour daté',
  'field.imports.electionOver': '{name} · terminée le {date}',
  'field.imports.electionRequired': 'Choisissez l’élection pour laquelle la liste a été remise.',
  'field.imports.noElection':
    'Aucune élection datée n’est déclarée dans la campagne : déclarez l’élection et les dates de ses tours avant d’importer la liste électorale.',
  'field.imports.noElectionAsk':
    'Aucune élection datée n’est déclarée dans la campagne : demandez à un administrateur de déclarer l’élection et les dates de ses tours avant d’importer la liste électorale.',
  'field.imports.toElections': 'Déclarer une élection',
  'field.imports.forElection': 'Pour {name} · effacée le lendemain du {date}',
  'field.imports.forElectionGone': 'Élection supprimée : électeurs effacés',
  'field.error.election_required': 'Choisissez l’élection pour laquelle la liste a été remise.',
  'field.error.unknown_election':
    'Cette élection n’existe plus dans la campagne : choisissez-en une autre ou déclarez-la.',
  'field.error.election_without_rounds':
    'Cette élection n’a aucun tour daté : donnez les dates de ses tours (Conformité → Élections), la liste électorale est effacée le lendemain du dernier.',
  'field.count.electors': 'Électeurs enregistrés',
  'field.count.stationsKnown': 'Bureaux connus',
  'field.count.stationsUnknown': 'Bureaux inconnus',
  'field.count.tiedToAddress': 'Électeurs rattachés à une adresse',
  'field.count.replaced': 'Électeurs remplacés',
  'field.count.electorsTied': 'Électeurs rattachés',
  'field.walk.electors': 'Électeurs inscrits à cette adresse :',
};

export const en: Record<keyof typeof fr, string> = {
  'perm.field.manage':
    'Door-to-door: results and addresses, targeting, turfs, questionnaires, answers',
  'audit.do.field.import.start':
    'Door-to-door import started (results, addresses or electoral list)',
  'audit.do.field.targeting.update': 'Polling-station targeting changed',
  'audit.do.field.area.create': 'Target area created',
  'audit.do.field.area.delete': 'Target area deleted',
  'audit.do.field.area.questionnaire': 'Questionnaire of an area chosen',
  'audit.do.field.turfs.cut': 'Area cut into turfs',
  'audit.do.field.turf.update': 'Turf changed (name, committee, volunteers, dates)',
  'audit.do.field.turf.split': 'Turf split',
  'audit.do.field.turfs.merge': 'Turfs merged',
  'audit.do.field.questionnaire.create': 'Questionnaire created',
  'audit.do.field.questionnaire.save': 'Questionnaire saved',
  'audit.do.field.answers.export': 'Door-to-door answers exported',

  'field.kind.electoralList': 'Electoral list (L37)',
  'field.kind.electoralListHelp':
    'The list of electors the town hall gives the candidate (article L37 of the Code électoral), as .csv or .txt. It serves the campaign only; its electors are deleted the day after the chosen election’s last round.',
  'field.imports.election': 'Election',
  'field.imports.electionHelp':
    'The election the list was given for: its electors are deleted the day after its last round.',
  'field.imports.electionPlaceholder': 'Choose an election',
  'field.imports.electionOption': '{name} · last round on {date}',
  'field.imports.electionNoRounds': '{name} · no round dated',
  'field.imports.electionOver': '{name} · over since {date}',
  'field.imports.electionRequired': 'Choose the election the list was given for.',
  'field.imports.noElection':
    'No dated election is declared in the campaign: declare the election and its round dates before importing the electoral list.',
  'field.imports.noElectionAsk':
    'No dated election is declared in the campaign: ask an administrator to declare the election and its round dates before importing the electoral list.',
  'field.imports.toElections': 'Declare an election',
  'field.imports.forElection': 'For {name} · deleted the day after {date}',
  'field.imports.forElectionGone': 'Election deleted: electors deleted',
  'field.error.election_required': 'Choose the election the list was given for.',
  'field.error.unknown_election':
    'This election no longer exists in the campaign: choose another one or declare it.',
  'field.error.election_without_rounds':
    'This election has no dated round: give its round dates (Compliance → Elections); the electoral list is deleted the day after the last one.',
  'field.count.electors': 'Electors stored',
  'field.count.stationsKnown': 'Known stations',
  'field.count.stationsUnknown': 'Unknown stations',
  'field.count.tiedToAddress': 'Electors tied to an address',
  'field.count.replaced': 'Electors replaced',
  'field.count.electorsTied': 'Electors tied',
  'field.walk.electors': 'Electors registered at this address:',
};
