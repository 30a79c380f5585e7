/**
 * Texts of the field feature's questionnaire builder and progress dashboard (keys prefixed
 * `field.questionnaire(s).`, `field.progress.`, `field.support.`).
 */
export const fr = {
  'field.progress.overview': 'Porte-à-porte',
  'field.progress.breadcrumb': 'Fil d’Ariane',

  // The list of questionnaires.
  'field.questionnaires.title': 'Questionnaires',
  'field.questionnaires.intro':
    'Ce que les bénévoles demandent aux portes. Ils emportent le questionnaire actif modifié le plus récemment ; une modification crée une nouvelle version, et les réponses déjà données gardent la leur.',
  'field.questionnaires.new': 'Nouveau questionnaire',
  'field.questionnaires.empty':
    'Aucun questionnaire pour l’instant : créez-en un, à partir du questionnaire proposé.',
  'field.questionnaires.name': 'Nom',
  'field.questionnaires.version': 'Version',
  'field.questionnaires.versionValue': 'Version {version} du {date}',
  'field.questionnaires.answered': 'Visites avec réponses',
  'field.questionnaires.status': 'État',
  'field.questionnaires.archived': 'Archivé',
  'field.questionnaires.inUse': 'Utilisé sur le terrain',
  'field.questionnaires.active': 'Actif',
  'field.questionnaires.editLabel': 'Modifier le questionnaire {name}',
  'field.questionnaires.archive': 'Archiver',
  'field.questionnaires.restore': 'Désarchiver',
  'field.questionnaires.archiveLabel': 'Archiver le questionnaire {name}',
  'field.questionnaires.restoreLabel': 'Désarchiver le questionnaire {name}',
  'field.questionnaires.archivedDone': 'Questionnaire « {name} » archivé.',
  'field.questionnaires.restoredDone': 'Questionnaire « {name} » désarchivé.',

  // The builder.
  'field.questionnaire.newTitle': 'Nouveau questionnaire',
  'field.questionnaire.newIntro':
    'Il part du questionnaire proposé par Levier : adaptez les questions, les textes de consentement et la prise de coordonnées.',
  'field.questionnaire.versionInfo':
    'Version {version} du {date} · {answered, plural, one {# visite avec réponses} other {# visites avec réponses}}',
  'field.questionnaire.general': 'Présentation',
  'field.questionnaire.intro': 'Consigne pour le bénévole',
  'field.questionnaire.introHelp': 'Lue par le bénévole avant la première porte.',
  'field.questionnaire.questions': 'Questions',
  'field.questionnaire.questionsHelp':
    'Dans l’ordre où elles sont posées. Une question peut n’être posée que selon la réponse à une question précédente.',
  'field.questionnaire.questionN': 'Question {n}',
  'field.questionnaire.moveUp': 'Monter la question {n}',
  'field.questionnaire.moveDown': 'Descendre la question {n}',
  'field.questionnaire.remove': 'Supprimer la question {n}',
  'field.questionnaire.addQuestion': 'Ajouter une question',
  'field.questionnaire.label': 'Intitulé',
  'field.questionnaire.kind': 'Type de réponse',
  'field.questionnaire.kind.single': 'Choix unique',
  'field.questionnaire.kind.multiple': 'Choix multiple',
  'field.questionnaire.kind.text': 'Texte libre',
  'field.questionnaire.kind.scale': 'Échelle de 1 à 5',
  'field.questionnaire.kind.support': 'Niveau de soutien (1 à 5)',
  'field.questionnaire.id': 'Identifiant',
  'field.questionnaire.idHelp':
    'Pour les exports. Il suit l’intitulé tant que vous ne le modifiez pas.',
  'field.questionnaire.idSaved':
    'Gardé d’une version à l’autre : les résultats de toutes les versions s’additionnent par lui.',
  'field.questionnaire.help': 'Aide pour le bénévole',
  'field.questionnaire.helpHelp': 'Comment poser la question, ce qu’il faut écouter.',
  'field.questionnaire.required': 'Réponse obligatoire',
  'field.questionnaire.options': 'Choix proposés',
  'field.questionnaire.optionN': 'Choix {n}',
  'field.questionnaire.optionOf': 'Choix {n} de la question {question}',
  'field.questionnaire.optionId': 'Identifiant',
  'field.questionnaire.optionIdOf': 'Identifiant du choix {n} de la question {question}',
  'field.questionnaire.removeOption': 'Supprimer le choix {n} de la question {question}',
  'field.questionnaire.addOption': 'Ajouter un choix',
  'field.questionnaire.scaleLow': 'Libellé du 1',
  'field.questionnaire.scaleHigh': 'Libellé du 5',
  'field.questionnaire.supportHelp':
    'De 1 Soutien fort à 5 Très opposé. C’est une opinion politique : elle n’est gardée avec le nom de la personne qu’avec son accord explicite, sinon elle n’est comptée que pour le quartier.',
  'field.questionnaire.conditional': 'Ne poser que selon la réponse à une question précédente',
  'field.questionnaire.noSource': 'Aucune question à choix, échelle ou soutien ne la précède.',
  'field.questionnaire.conditionQuestion': 'Si la question',
  'field.questionnaire.conditionQuestionOf': 'Question dont dépend la question {n}',
  'field.questionnaire.conditionValues': 'a reçu l’une de ces réponses',
  'field.questionnaire.conditionValuesOf': 'Réponses qui font poser la question {n}',
  'field.questionnaire.conditionsRemoved':
    'Ces questions dépendaient de la question supprimée ; elles sont désormais toujours posées : {questions}.',
  'field.questionnaire.consents': 'Consentements',
  'field.questionnaire.consentsHelp':
    'Lus ou montrés à la personne avant de noter quoi que ce soit de personnel.',
  'field.questionnaire.consentText': 'Texte de consentement',
  'field.questionnaire.consentTextHelp':
    'Qui garde quoi, pourquoi, combien de temps, et les droits de la personne. Obligatoire si l’on prend des coordonnées ou s’il y a une question de soutien.',
  'field.questionnaire.opinionConsentText': 'Accord pour garder le niveau de soutien avec le nom',
  'field.questionnaire.opinionConsentTextHelp':
    'Consentement explicite (RGPD, art. 9) : sans lui, le niveau de soutien n’est compté que pour le quartier. Obligatoire avec une question de soutien.',
  'field.questionnaire.contact': 'Prise de coordonnées',
  'field.questionnaire.contactHelp':
    'La personne peut laisser son nom et ses coordonnées pour être recontactée ; chaque canal n’est gardé qu’avec son accord.',
  'field.questionnaire.contactEnabled': 'Proposer de laisser ses coordonnées',
  'field.questionnaire.askEmail': 'Demander l’e-mail',
  'field.questionnaire.askPhone': 'Demander le téléphone',
  'field.questionnaire.emailConsent': 'Accord pour l’e-mail',
  'field.questionnaire.phoneConsent': 'Accord pour le téléphone',
  'field.questionnaire.phoneConsentHelp': 'Couvre les SMS et les appels.',
  'field.questionnaire.hasProblems':
    '{count, plural, one {Le questionnaire a # problème} other {Le questionnaire a # problèmes}} : voyez les champs signalés.',
  'field.questionnaire.create': 'Créer le questionnaire',
  'field.questionnaire.created': 'Questionnaire créé (version 1).',
  'field.questionnaire.save': 'Enregistrer',
  'field.questionnaire.saved': 'Questionnaire enregistré : version {version}.',
  'field.questionnaire.nothingChanged': 'Rien n’a changé : il n’y a rien à enregistrer.',

  // Before saving: what changes.
  'field.questionnaire.changesTitle': 'Enregistrer les modifications',
  'field.questionnaire.confirmSave': 'Enregistrer',
  'field.questionnaire.quoted': '« {text} »',
  'field.questionnaire.diffRenamed': 'Nom : « {before} » devient « {after} ».',
  'field.questionnaire.diffAdded':
    '{count, plural, one {Question ajoutée :} other {Questions ajoutées :}} {items}',
  'field.questionnaire.diffRemoved':
    '{count, plural, one {Question retirée :} other {Questions retirées :}} {items}',
  'field.questionnaire.diffChanged':
    '{count, plural, one {Question modifiée :} other {Questions modifiées :}} {items}',
  'field.questionnaire.diffSettings':
    '{count, plural, one {Autre partie modifiée :} other {Autres parties modifiées :}} {items}',
  'field.questionnaire.diffReordered': 'L’ordre des questions change.',
  'field.questionnaire.newVersion':
    'Ces modifications créent la version {version}. Les réponses déjà données ({answered}) gardent la version {current} : elles restent lues avec les questions telles qu’elles ont été posées.',
  'field.questionnaire.sameVersion':
    'Les questions ne changent pas : la version {version} est gardée.',

  // The phone preview.
  'field.questionnaire.preview': 'Aperçu sur téléphone',
  'field.questionnaire.previewReset': 'Recommencer',
  'field.questionnaire.previewConsent': 'À lire à la personne',
  'field.questionnaire.previewAccept': 'Elle accepte',
  'field.questionnaire.previewRefuse': 'Elle refuse',
  'field.questionnaire.previewContact': 'Ses coordonnées',
  'field.questionnaire.previewFirstName': 'Prénom',
  'field.questionnaire.previewLastName': 'Nom',
  'field.questionnaire.previewEmail': 'E-mail',
  'field.questionnaire.previewPhone': 'Téléphone',

  // The definition schema's problems.
  'field.questionnaire.error.duplicate_id': 'Cet identifiant est déjà utilisé.',
  'field.questionnaire.error.invalid_key':
    'Minuscules sans accent, chiffres et _ (une question commence par une lettre), 40 au plus.',
  'field.questionnaire.error.too_few': 'Proposez au moins deux choix.',
  'field.questionnaire.error.too_many': 'Il y en a trop.',
  'field.questionnaire.error.unknown_kind': 'Choisissez un type de réponse.',
  'field.questionnaire.error.invalid_value': 'Cette réponse ne peut pas servir de condition.',
  'field.questionnaire.error.too_many_support_questions':
    'Un questionnaire n’a qu’une question de soutien.',
  'field.questionnaire.error.condition_on_later_question':
    'La condition porte sur une question posée après celle-ci : déplacez l’une des deux.',
  'field.questionnaire.error.condition_unknown_question':
    'La question dont dépend celle-ci n’existe plus.',
  'field.questionnaire.error.condition_on_text':
    'Une réponse en texte libre ne peut pas servir de condition.',
  'field.questionnaire.error.condition_unknown_option':
    'Une réponse choisie n’existe plus dans la question précédente.',
  'field.questionnaire.error.condition_values_required':
    'Cochez au moins une réponse qui fait poser la question.',
  'field.questionnaire.error.consent_required':
    'Obligatoire : le questionnaire prend des coordonnées ou demande le niveau de soutien.',
  'field.questionnaire.error.opinion_consent_required':
    'Obligatoire avec une question de soutien (RGPD, art. 9).',
  'field.questionnaire.error.channel_consent_required': 'Obligatoire quand ce canal est demandé.',
  'field.questionnaire.error.no_questions': 'Ajoutez au moins une question.',

  // Support levels, as volunteers read them.
  'field.support.strong_supporter': 'Soutien fort',
  'field.support.leaning_supporter': 'Plutôt favorable',
  'field.support.undecided': 'Indécis',
  'field.support.leaning_opposed': 'Plutôt opposé',
  'field.support.strongly_opposed': 'Très opposé',

  // The progress dashboard.
  'field.progress.title': 'Avancement du porte-à-porte',
  'field.progress.filters': 'Filtres',
  'field.progress.area': 'Zone',
  'field.progress.allAreas': 'Toutes les zones',
  'field.progress.turf': 'Secteur',
  'field.progress.allTurfs': 'Tous les secteurs',
  'field.progress.committee': 'Comité',
  'field.progress.allCommittees': 'Tous les comités',
  'field.progress.noCommittees': 'Aucun secteur n’est confié à un comité.',
  'field.progress.export': 'Exporter les réponses (CSV)',
  'field.progress.exportNote':
    'Sans noms ni soutien nominatif. Chaque export est enregistré dans le journal d’audit.',
  'field.progress.doors': 'Portes',
  'field.progress.knocked': 'Portes frappées',
  'field.progress.ofDoors': '{percent} % des portes',
  'field.progress.visits': 'Visites',
  'field.progress.conversations': 'Conversations',
  'field.progress.ofKnocked': '{percent} % des portes frappées',
  'field.progress.contacts': 'Contacts recueillis',
  'field.progress.leaflets': 'Tracts déposés',
  'field.progress.emptyTitle': 'Aucune visite pour l’instant',
  'field.progress.empty':
    'Les chiffres, graphiques et la carte apparaîtront dès que les bénévoles auront envoyé leurs premières visites.',
  'field.progress.count': 'Nombre',
  'field.progress.outcomes': 'Résultats des visites',
  'field.progress.outcome.not_home': 'Absent',
  'field.progress.outcome.conversation': 'Conversation',
  'field.progress.outcome.refused': 'Refus',
  'field.progress.outcome.come_back': 'Repasser plus tard',
  'field.progress.outcome.moved': 'Déménagé ou vacant',
  'field.progress.outcome.do_not_visit': 'Ne plus visiter',
  'field.progress.outcome.leaflet': 'Tract déposé',
  'field.progress.support': 'Niveaux de soutien',
  'field.progress.supportHelp': 'Des nombres seulement : aucun nom n’est montré.',
  'field.progress.noSupport': 'Aucun niveau de soutien noté pour l’instant.',
  'field.progress.byDay': 'Visites par jour',
  'field.progress.byDaySummary':
    '{visits, plural, one {# visite} other {# visites}} sur {days, plural, one {# jour} other {# jours}}',
  'field.progress.noVisits': 'Aucune visite pour l’instant.',
  'field.progress.answers': 'Réponses aux questions',
  'field.progress.answersHelp':
    'Questions à choix et échelles, toutes versions additionnées. Les réponses en texte libre ne sont pas comptées ici.',
  'field.progress.answer': 'Réponse',
  'field.progress.noAnswers': 'Aucune réponse pour l’instant.',
  'field.progress.byTurf': 'Par secteur',
  'field.progress.knockedOf': '{knocked} / {doors} ({percent} %)',
  'field.progress.noTurfs': 'Aucun secteur pour cette sélection.',
  'field.progress.showAll': 'Tout afficher ({count})',
  'field.progress.showLess': 'Afficher moins',
  'field.progress.volunteers': 'Bénévoles les plus actifs',
  'field.progress.volunteer': 'Bénévole',
  'field.progress.noVolunteers': 'Aucun bénévole pour l’instant.',
  'field.progress.committees': 'Comités les plus actifs',
  'field.progress.noCommitteeVisits': 'Aucune visite dans un secteur confié à un comité.',
  'field.progress.map': 'Carte des adresses visitées',
  'field.progress.mapHelp':
    'Chaque point est une adresse, de la couleur de sa dernière visite. Mise à jour toutes les 30 secondes.',
  'field.progress.mapSummary':
    '{count, plural, one {# adresse visitée} other {# adresses visitées}}',
  'field.progress.mapTruncated':
    'Trop d’adresses pour la carte : seule une partie est affichée. Choisissez une zone ou un secteur.',
  'field.progress.legend': 'Légende',
};

export const en: Record<keyof typeof fr, string> = {
  'field.progress.overview': 'Door-to-door',
  'field.progress.breadcrumb': 'Breadcrumb',

  'field.questionnaires.title': 'Questionnaires',
  'field.questionnaires.intro':
    'What volunteers ask at the door. They carry the most recently changed active questionnaire; a change makes a new version, and answers already given keep theirs.',
  'field.questionnaires.new': 'New questionnaire',
  'field.questionnaires.empty':
    'No questionnaire yet: create one from the suggested questionnaire.',
  'field.questionnaires.name': 'Name',
  'field.questionnaires.version': 'Version',
  'field.questionnaires.versionValue': 'Version {version} of {date}',
  'field.questionnaires.answered': 'Visits with answers',
  'field.questionnaires.status': 'Status',
  'field.questionnaires.archived': 'Archived',
  'field.questionnaires.inUse': 'In use in the field',
  'field.questionnaires.active': 'Active',
  'field.questionnaires.editLabel': 'Edit the questionnaire {name}',
  'field.questionnaires.archive': 'Archive',
  'field.questionnaires.restore': 'Unarchive',
  'field.questionnaires.archiveLabel': 'Archive the questionnaire {name}',
  'field.questionnaires.restoreLabel': 'Unarchive the questionnaire {name}',
  'field.questionnaires.archivedDone': 'Questionnaire “{name}” archived.',
  'field.questionnaires.restoredDone': 'Questionnaire “{name}” unarchived.',

  'field.questionnaire.newTitle': 'New questionnaire',
  'field.questionnaire.newIntro':
    'It starts from the questionnaire Levier suggests: adapt the questions, the consent texts and the contact capture.',
  'field.questionnaire.versionInfo':
    'Version {version} of {date} · {answered, plural, one {# visit with answers} other {# visits with answers}}',
  'field.questionnaire.general': 'Presentation',
  'field.questionnaire.intro': 'Instructions for the volunteer',
  'field.questionnaire.introHelp': 'Read by the volunteer before the first door.',
  'field.questionnaire.questions': 'Questions',
  'field.questionnaire.questionsHelp':
    'In the order they are asked. A question may be asked only after a given answer to an earlier question.',
  'field.questionnaire.questionN': 'Question {n}',
  'field.questionnaire.moveUp': 'Move question {n} up',
  'field.questionnaire.moveDown': 'Move question {n} down',
  'field.questionnaire.remove': 'Delete question {n}',
  'field.questionnaire.addQuestion': 'Add a question',
  'field.questionnaire.label': 'Wording',
  'field.questionnaire.kind': 'Kind of answer',
  'field.questionnaire.kind.single': 'Single choice',
  'field.questionnaire.kind.multiple': 'Multiple choice',
  'field.questionnaire.kind.text': 'Free text',
  'field.questionnaire.kind.scale': 'Scale from 1 to 5',
  'field.questionnaire.kind.support': 'Support level (1 to 5)',
  'field.questionnaire.id': 'Identifier',
  'field.questionnaire.idHelp': 'For exports. It follows the wording until you change it.',
  'field.questionnaire.idSaved':
    'Kept from one version to the next: results of every version add up by it.',
  'field.questionnaire.help': 'Help for the volunteer',
  'field.questionnaire.helpHelp': 'How to ask, what to listen for.',
  'field.questionnaire.required': 'Answer required',
  'field.questionnaire.options': 'Choices',
  'field.questionnaire.optionN': 'Choice {n}',
  'field.questionnaire.optionOf': 'Choice {n} of question {question}',
  'field.questionnaire.optionId': 'Identifier',
  'field.questionnaire.optionIdOf': 'Identifier of choice {n} of question {question}',
  'field.questionnaire.removeOption': 'Delete choice {n} of question {question}',
  'field.questionnaire.addOption': 'Add a choice',
  'field.questionnaire.scaleLow': 'Wording of 1',
  'field.questionnaire.scaleHigh': 'Wording of 5',
  'field.questionnaire.supportHelp':
    'From 1 Strong supporter to 5 Strongly opposed. It is a political opinion: it is kept with the person’s name only with their explicit consent, otherwise it is only counted for the neighbourhood.',
  'field.questionnaire.conditional': 'Ask only after a given answer to an earlier question',
  'field.questionnaire.noSource': 'No choice, scale or support question comes before it.',
  'field.questionnaire.conditionQuestion': 'If the question',
  'field.questionnaire.conditionQuestionOf': 'Question that question {n} depends on',
  'field.questionnaire.conditionValues': 'was answered with one of',
  'field.questionnaire.conditionValuesOf': 'Answers after which question {n} is asked',
  'field.questionnaire.conditionsRemoved':
    'These questions depended on the deleted question; they are now always asked: {questions}.',
  'field.questionnaire.consents': 'Consents',
  'field.questionnaire.consentsHelp':
    'Read or shown to the resident before anything personal is written down.',
  'field.questionnaire.consentText': 'Consent text',
  'field.questionnaire.consentTextHelp':
    'Who keeps what, why, for how long, and the resident’s rights. Required when contacts are taken or with a support question.',
  'field.questionnaire.opinionConsentText': 'Consent to keep the support level with the name',
  'field.questionnaire.opinionConsentTextHelp':
    'Explicit consent (GDPR art. 9): without it, the support level is only counted for the neighbourhood. Required with a support question.',
  'field.questionnaire.contact': 'Contact capture',
  'field.questionnaire.contactHelp':
    'Residents may leave their name and contacts to hear from the campaign; each channel is kept only with its own consent.',
  'field.questionnaire.contactEnabled': 'Offer to leave contacts',
  'field.questionnaire.askEmail': 'Ask for the email',
  'field.questionnaire.askPhone': 'Ask for the phone',
  'field.questionnaire.emailConsent': 'Consent for email',
  'field.questionnaire.phoneConsent': 'Consent for the phone',
  'field.questionnaire.phoneConsentHelp': 'Covers SMS and calls.',
  'field.questionnaire.hasProblems':
    '{count, plural, one {The questionnaire has # problem} other {The questionnaire has # problems}}: see the fields marked.',
  'field.questionnaire.create': 'Create the questionnaire',
  'field.questionnaire.created': 'Questionnaire created (version 1).',
  'field.questionnaire.save': 'Save',
  'field.questionnaire.saved': 'Questionnaire saved: version {version}.',
  'field.questionnaire.nothingChanged': 'Nothing changed: there is nothing to save.',

  'field.questionnaire.changesTitle': 'Save the changes',
  'field.questionnaire.confirmSave': 'Save',
  'field.questionnaire.quoted': '“{text}”',
  'field.questionnaire.diffRenamed': 'Name: “{before}” becomes “{after}”.',
  'field.questionnaire.diffAdded':
    '{count, plural, one {Question added:} other {Questions added:}} {items}',
  'field.questionnaire.diffRemoved':
    '{count, plural, one {Question removed:} other {Questions removed:}} {items}',
  'field.questionnaire.diffChanged':
    '{count, plural, one {Question changed:} other {Questions changed:}} {items}',
  'field.questionnaire.diffSettings':
    '{count, plural, one {Other part changed:} other {Other parts changed:}} {items}',
  'field.questionnaire.diffReordered': 'The order of the questions changes.',
  'field.questionnaire.newVersion':
    'These changes make version {version}. Answers already given ({answered}) keep version {current}: they are still read with the questions as they were asked.',
  'field.questionnaire.sameVersion': 'The questions do not change: version {version} is kept.',

  'field.questionnaire.preview': 'Preview on a phone',
  'field.questionnaire.previewReset': 'Start again',
  'field.questionnaire.previewConsent': 'To read to the resident',
  'field.questionnaire.previewAccept': 'They agree',
  'field.questionnaire.previewRefuse': 'They refuse',
  'field.questionnaire.previewContact': 'Their contacts',
  'field.questionnaire.previewFirstName': 'First name',
  'field.questionnaire.previewLastName': 'Last name',
  'field.questionnaire.previewEmail': 'Email',
  'field.questionnaire.previewPhone': 'Phone',

  'field.questionnaire.error.duplicate_id': 'This identifier is already used.',
  'field.questionnaire.error.invalid_key':
    'Lower case without accents, digits and _ (a question starts with a letter), 40 at most.',
  'field.questionnaire.error.too_few': 'Offer at least two choices.',
  'field.questionnaire.error.too_many': 'There are too many.',
  'field.questionnaire.error.unknown_kind': 'Choose a kind of answer.',
  'field.questionnaire.error.invalid_value': 'This answer cannot be a condition.',
  'field.questionnaire.error.too_many_support_questions':
    'A questionnaire has one support question only.',
  'field.questionnaire.error.condition_on_later_question':
    'The condition reads a question asked after this one: move one of them.',
  'field.questionnaire.error.condition_unknown_question':
    'The question this one depends on no longer exists.',
  'field.questionnaire.error.condition_on_text': 'A free-text answer cannot be a condition.',
  'field.questionnaire.error.condition_unknown_option':
    'An answer chosen no longer exists in the earlier question.',
  'field.questionnaire.error.condition_values_required':
    'Tick at least one answer after which the question is asked.',
  'field.questionnaire.error.consent_required':
    'Required: the questionnaire takes contacts or asks for the support level.',
  'field.questionnaire.error.opinion_consent_required':
    'Required with a support question (GDPR art. 9).',
  'field.questionnaire.error.channel_consent_required': 'Required when this channel is asked for.',
  'field.questionnaire.error.no_questions': 'Add at least one question.',

  'field.support.strong_supporter': 'Strong supporter',
  'field.support.leaning_supporter': 'Leaning supporter',
  'field.support.undecided': 'Undecided',
  'field.support.leaning_opposed': 'Leaning opposed',
  'field.support.strongly_opposed': 'Strongly opposed',

  'field.progress.title': 'Door-to-door progress',
  'field.progress.filters': 'Filters',
  'field.progress.area': 'Area',
  'field.progress.allAreas': 'All areas',
  'field.progress.turf': 'Turf',
  'field.progress.allTurfs': 'All turfs',
  'field.progress.committee': 'Committee',
  'field.progress.allCommittees': 'All committees',
  'field.progress.noCommittees': 'No turf is given to a committee.',
  'field.progress.export': 'Export the answers (CSV)',
  'field.progress.exportNote':
    'No names, no support level of a person. Every export is recorded in the audit log.',
  'field.progress.doors': 'Doors',
  'field.progress.knocked': 'Doors knocked',
  'field.progress.ofDoors': '{percent}% of the doors',
  'field.progress.visits': 'Visits',
  'field.progress.conversations': 'Conversations',
  'field.progress.ofKnocked': '{percent}% of the doors knocked',
  'field.progress.contacts': 'Contacts taken',
  'field.progress.leaflets': 'Leaflets dropped',
  'field.progress.emptyTitle': 'No visit yet',
  'field.progress.empty':
    'The figures, charts and map appear as soon as volunteers send their first visits.',
  'field.progress.count': 'Count',
  'field.progress.outcomes': 'Visit outcomes',
  'field.progress.outcome.not_home': 'Not home',
  'field.progress.outcome.conversation': 'Conversation',
  'field.progress.outcome.refused': 'Refused',
  'field.progress.outcome.come_back': 'Come back later',
  'field.progress.outcome.moved': 'Moved or vacant',
  'field.progress.outcome.do_not_visit': 'Do not visit again',
  'field.progress.outcome.leaflet': 'Leaflet dropped',
  'field.progress.support': 'Support levels',
  'field.progress.supportHelp': 'Counts only: no name is shown.',
  'field.progress.noSupport': 'No support level noted yet.',
  'field.progress.byDay': 'Visits per day',
  'field.progress.byDaySummary':
    '{visits, plural, one {# visit} other {# visits}} over {days, plural, one {# day} other {# days}}',
  'field.progress.noVisits': 'No visit yet.',
  'field.progress.answers': 'Answers to the questions',
  'field.progress.answersHelp':
    'Choice and scale questions, all versions added up. Free-text answers are not counted here.',
  'field.progress.answer': 'Answer',
  'field.progress.noAnswers': 'No answer yet.',
  'field.progress.byTurf': 'By turf',
  'field.progress.knockedOf': '{knocked} / {doors} ({percent}%)',
  'field.progress.noTurfs': 'No turf in this selection.',
  'field.progress.showAll': 'Show all ({count})',
  'field.progress.showLess': 'Show less',
  'field.progress.volunteers': 'Most active volunteers',
  'field.progress.volunteer': 'Volunteer',
  'field.progress.noVolunteers': 'No volunteer yet.',
  'field.progress.committees': 'Most active committees',
  'field.progress.noCommitteeVisits': 'No visit in a turf given to a committee.',
  'field.progress.map': 'Map of the visited addresses',
  'field.progress.mapHelp':
    'Each dot is an address, in the colour of its latest visit. Updated every 30 seconds.',
  'field.progress.mapSummary':
    '{count, plural, one {# address visited} other {# addresses visited}}',
  'field.progress.mapTruncated':
    'Too many addresses for the map: only some are shown. Choose an area or a turf.',
  'field.progress.legend': 'Legend',
};
