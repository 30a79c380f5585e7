/**
 * Texts of door-to-door in the organisers' hands (keys prefixed `field.organisers.`): a
 * committee's turfs, a session's turfs, the sessions of a turf at HQ, and the public page's line.
 */
export const fr = {
  'audit.do.field.turf.assign': 'Secteur d’un comité confié à ses membres (bénévoles, dates)',
  'audit.do.field.event_turf.attach': 'Secteur ajouté à une session de porte-à-porte',
  'audit.do.field.event_turf.detach': 'Secteur retiré d’une session de porte-à-porte',

  'field.organisers.committee.title': 'Porte-à-porte',
  'field.organisers.committee.intro':
    'Les secteurs que l’équipe de campagne a confiés au comité : confiez chacun à des membres, pour des dates. Tous les membres du comité peuvent les ouvrir dans l’application de porte-à-porte.',
  'field.organisers.committee.empty':
    'Aucun secteur n’est confié au comité pour l’instant : l’équipe de campagne les attribue depuis son espace.',
  'field.organisers.committee.table': 'Secteurs du comité',
  'field.organisers.committee.summary':
    '{turfs, plural, one {# secteur} other {# secteurs}}, {doors, plural, one {# porte} other {# portes}}, {visited, plural, one {# visitée} other {# visitées}}',
  'field.organisers.turf': 'Secteur',
  'field.organisers.doors': 'Portes',
  'field.organisers.progress': 'Avancement',
  'field.organisers.visited': '{visited} / {total} visitées',
  'field.organisers.dates': 'Dates',
  'field.organisers.datesRange': 'du {from} au {to}',
  'field.organisers.volunteers': 'Bénévoles',
  'field.organisers.assign': 'Confier « {name} »',
  'field.organisers.pdf': 'Liste de marche de « {name} » (PDF)',
  'field.organisers.assignTitle': 'Confier « {name} »',
  'field.organisers.startsOn': 'Du',
  'field.organisers.endsOn': 'Au',
  'field.organisers.members': 'Membres du comité',
  'field.organisers.membersHelp':
    'Les membres à qui ce secteur est confié (les abonnés ne le sont pas).',
  'field.organisers.saved': 'Secteur « {name} » confié.',
  'field.organisers.error.volunteer_not_member':
    'Un secteur du comité ne se confie qu’à ses membres : invitez d’abord ces personnes à rejoindre le comité.',
  'field.organisers.error.not_door_to_door':
    'Seule une session de porte-à-porte porte des secteurs : choisissez ce type pour l’événement.',

  'field.organisers.event.title': 'Secteurs de la session',
  'field.organisers.event.intro':
    'Ceux qui viennent à la session ouvrent ces secteurs dans l’application de porte-à-porte ; la page publique dit combien de portes elle couvre, sans les adresses.',
  'field.organisers.event.empty': 'Cette session ne porte encore aucun secteur.',
  'field.organisers.event.table': 'Secteurs portés par la session',
  'field.organisers.event.summary':
    '{turfs, plural, one {# secteur} other {# secteurs}}, {doors, plural, one {# porte} other {# portes}}',
  'field.organisers.event.committee': 'Comité',
  'field.organisers.event.remove': 'Retirer « {name} »',
  'field.organisers.event.removeShort': 'Retirer',
  'field.organisers.event.removed': 'Secteur « {name} » retiré de la session.',
  'field.organisers.event.add': 'Ajouter un secteur',
  'field.organisers.event.addButton': 'Ajouter',
  'field.organisers.event.added': 'Secteur « {name} » ajouté à la session.',
  'field.organisers.event.choose': 'Secteur à ajouter',
  'field.organisers.event.chooseCommittee': 'Parmi les secteurs confiés au comité, par leur nom.',
  'field.organisers.event.chooseAny': 'Parmi tous les secteurs de la campagne, par leur nom.',
  'field.organisers.event.noChoice':
    'Aucun secteur à ajouter : l’équipe de campagne confie les secteurs au comité.',
  'field.organisers.event.choiceLabel': '{name} ({doors, plural, one {# porte} other {# portes}})',

  'field.organisers.sessions.title': 'Sessions de porte-à-porte',
  'field.organisers.sessions.empty': 'Aucune session de porte-à-porte ne porte ce secteur.',
  'field.organisers.sessions.label': 'Sessions qui portent ce secteur',
  'field.organisers.sessions.going': '{count, plural, one {# participant} other {# participants}}',
  'field.organisers.sessions.campaign': 'Équipe de campagne',

  'field.organisers.public.coverage': 'Cette session couvre {turfs} ({doors}).',
  'field.organisers.public.turfOne': '1 secteur',
  'field.organisers.public.turfMany': '{count} secteurs',
  'field.organisers.public.doorOne': '1 porte',
  'field.organisers.public.doorMany': '{count} portes',
  'field.organisers.public.openApp': 'Ouvrir mes secteurs dans l’application de porte-à-porte',
};

export const en: Record<keyof typeof fr, string> = {
  'audit.do.field.turf.assign': 'A committee’s turf given to its members (volunteers, dates)',
  'audit.do.field.event_turf.attach': 'Turf added to a door-to-door session',
  'audit.do.field.event_turf.detach': 'Turf removed from a door-to-door session',

  'field.organisers.committee.title': 'Door-to-door',
  'field.organisers.committee.intro':
    'The turfs the campaign gave the committee: give each to members, for dates. Every member of the committee may open them in the canvassing app.',
  'field.organisers.committee.empty':
    'No turf is given to the committee yet: the campaign team assigns them from its own space.',
  'field.organisers.committee.table': 'The committee’s turfs',
  'field.organisers.committee.summary':
    '{turfs, plural, one {# turf} other {# turfs}}, {doors, plural, one {# door} other {# doors}}, {visited} visited',
  'field.organisers.turf': 'Turf',
  'field.organisers.doors': 'Doors',
  'field.organisers.progress': 'Progress',
  'field.organisers.visited': '{visited} / {total} visited',
  'field.organisers.dates': 'Dates',
  'field.organisers.datesRange': 'from {from} to {to}',
  'field.organisers.volunteers': 'Volunteers',
  'field.organisers.assign': 'Give “{name}”',
  'field.organisers.pdf': 'Walk list of “{name}” (PDF)',
  'field.organisers.assignTitle': 'Give “{name}”',
  'field.organisers.startsOn': 'From',
  'field.organisers.endsOn': 'To',
  'field.organisers.members': 'Committee members',
  'field.organisers.membersHelp': 'The members this turf is given to (followers are not members).',
  'field.organisers.saved': 'Turf “{name}” given.',
  'field.organisers.error.volunteer_not_member':
    'A committee’s turf is given to its members only: invite these people to join the committee first.',
  'field.organisers.error.not_door_to_door':
    'Only a door-to-door session carries turfs: choose that type for the event.',

  'field.organisers.event.title': 'Turfs of the session',
  'field.organisers.event.intro':
    'Those coming to the session open these turfs in the canvassing app; the public page says how many doors it covers, without the addresses.',
  'field.organisers.event.empty': 'This door-to-door event carries no turf yet.',
  'field.organisers.event.table': 'Turfs the session carries',
  'field.organisers.event.summary':
    '{turfs, plural, one {# turf} other {# turfs}}, {doors, plural, one {# door} other {# doors}}',
  'field.organisers.event.committee': 'Committee',
  'field.organisers.event.remove': 'Remove “{name}”',
  'field.organisers.event.removeShort': 'Remove',
  'field.organisers.event.removed': 'Turf “{name}” removed from the session.',
  'field.organisers.event.add': 'Add a turf',
  'field.organisers.event.addButton': 'Add',
  'field.organisers.event.added': 'Turf “{name}” added to the session.',
  'field.organisers.event.choose': 'Turf to add',
  'field.organisers.event.chooseCommittee': 'Among the turfs given to the committee, by name.',
  'field.organisers.event.chooseAny': 'Among every turf of the campaign, by name.',
  'field.organisers.event.noChoice':
    'No turf to add: the campaign team gives turfs to the committee.',
  'field.organisers.event.choiceLabel': '{name} ({doors, plural, one {# door} other {# doors}})',

  'field.organisers.sessions.title': 'Door-to-door sessions',
  'field.organisers.sessions.empty': 'No door-to-door session carries this turf.',
  'field.organisers.sessions.label': 'Sessions carrying this turf',
  'field.organisers.sessions.going': '{count, plural, one {# going} other {# going}}',
  'field.organisers.sessions.campaign': 'Campaign team',

  'field.organisers.public.coverage': 'This door-to-door event covers {turfs} ({doors}).',
  'field.organisers.public.turfOne': '1 turf',
  'field.organisers.public.turfMany': '{count} turfs',
  'field.organisers.public.doorOne': '1 door',
  'field.organisers.public.doorMany': '{count} doors',
  'field.organisers.public.openApp': 'Open my turfs in the canvassing app',
};
