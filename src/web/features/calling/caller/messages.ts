/** The phone banks' texts (a volunteer calling from a bank). */
export const fr = {
  'caller.list.title': 'Appeler pour la campagne',
  'caller.list.intro':
    'Appelez depuis votre téléphone des personnes qui ont accepté d’être appelées par la campagne. Le texte à suivre et les questions à poser vous guident, une personne après l’autre.',
  'caller.list.label': 'Banques d’appels',
  'caller.list.empty': 'Aucune banque d’appels ne vous est ouverte pour l’instant.',
  'caller.list.callingNow': 'Appels possibles',
  'caller.list.notNow': 'Pas d’appels en ce moment',
  'caller.list.nextShift': 'Prochaine permanence :',
  'caller.list.privacy':
    'Les numéros ne vous sont montrés que le temps de l’appel : ne les notez pas et ne les gardez pas.',
  'caller.back': 'Mes banques d’appels',
  'caller.counts.label': 'Mes appels',
  'caller.counts.mine': 'Vos appels : {calls} · conversations : {conversations}',
  'caller.counts.due':
    '{count, plural, one {# personne attend un appel} other {# personnes attendent un appel}}',
  'caller.closed.title': 'Pas d’appels pour l’instant',
  'caller.closed.outside_hours': 'Hors des horaires d’appel : on n’appelle personne en ce moment.',
  'caller.closed.pre_election_silence':
    'Période de réserve électorale : la campagne n’appelle plus personne jusqu’à la fin du scrutin.',
  'caller.closed.not_open': 'Cette banque d’appels est fermée pour l’instant.',
  'caller.hours': 'Horaires d’appel : {hours}.',
  'caller.hoursNoHolidays': 'Horaires d’appel : {hours}, sauf les jours fériés.',
  'caller.script.title': 'Le texte à suivre',
  'caller.script.more': 'Lire la suite',
  'caller.script.less': 'Réduire',
  'caller.next': 'Personne suivante',
  'caller.queueEmpty':
    'Personne à appeler pour l’instant. Les personnes à rappeler reviennent à l’heure convenue : réessayez un peu plus tard.',
  'caller.person.title': 'À appeler',
  'caller.person.noName': 'Nom inconnu',
  'caller.person.callBack': 'Rappel convenu : {when}',
  'caller.person.attempts': '{count, plural, one {Déjà # appel} other {Déjà # appels}}',
  'caller.person.attemptsLast':
    '{count, plural, one {Déjà # appel} other {Déjà # appels}}, le dernier : {outcome}',
  'caller.call': 'Appeler le {number}',
  'caller.hideNumber': 'Masquer mon numéro',
  'caller.hideNumberHelp':
    'Le numéro appelé est précédé de #31# : la personne ne voit pas le vôtre. Sur iPhone, ce lien ne peut pas le masquer : désactivez « Afficher mon identifiant » dans Réglages › Téléphone.',
  'caller.timeLeft': 'Temps réservé pour cet appel : {time}',
  'caller.timeUp':
    'Le temps réservé est écoulé : enregistrez l’appel sans attendre, cette personne peut être donnée à quelqu’un d’autre.',
  'caller.outcome.title': 'Comment s’est passé l’appel ?',
  'caller.outcome.no_answer': 'Pas de réponse',
  'caller.outcome.wrong_number': 'Faux numéro',
  'caller.outcome.call_back': 'À rappeler',
  'caller.outcome.conversation': 'Conversation',
  'caller.outcome.refused': 'Refus',
  'caller.outcome.do_not_call': 'Ne plus appeler',
  'caller.notes': 'Notes (facultatif)',
  'caller.notesHelp':
    'Lues par l’équipe et au prochain appel. N’y écrivez ni opinion politique, ni santé, ni religion.',
  'caller.callBack.label': 'Quand rappeler',
  'caller.callBack.help': 'Heure de Paris, dans les 30 prochains jours.',
  'caller.callBack.save': 'Enregistrer le rappel',
  'caller.callBack.required': 'Choisissez quand rappeler.',
  'caller.callBack.invalid_date': 'Cette date n’existe pas.',
  'caller.callBack.in_past': 'Choisissez un moment à venir.',
  'caller.callBack.too_far': 'Au plus 30 jours à l’avance.',
  'caller.conversation.save': 'Enregistrer la conversation',
  'caller.doNotCall.title': 'Ne plus appeler cette personne ?',
  'caller.doNotCall.body':
    'La personne demande à ne plus être appelée : la campagne ne l’appellera plus, dans aucune banque d’appels.',
  'caller.doNotCall.confirm': 'Ne plus l’appeler',
  'caller.skip': 'Passer sans appeler',
  'caller.skipped': 'Personne passée : elle reste à appeler par quelqu’un d’autre.',
  'caller.retry': 'Réessayer l’envoi',
  'caller.recorded': 'Appel enregistré : {outcome}',
  'caller.recorded.callBack': 'À rappeler : {when}.',
  'caller.recorded.again': 'Cette personne sera rappelée à partir du {when}.',
  'caller.recorded.done': 'Cette personne ne sera plus appelée par cette banque.',
  'caller.error.claim_lost':
    'Le temps réservé était écoulé et quelqu’un d’autre appelle maintenant cette personne : votre appel n’a pas été enregistré.',
  'caller.error.invalid_answers':
    'Certaines réponses ne conviennent pas : voyez les questions signalées.',
  'caller.error.phone_bank_not_yours': 'Cette banque d’appels ne vous est pas ouverte.',
  'caller.error.questionnaire_changed':
    'Le questionnaire de cette banque vient de changer : vérifiez les réponses, puis enregistrez à nouveau.',
  'caller.error.retry':
    'L’appel n’est pas encore enregistré (pas de réseau ?). Réessayez : il ne sera compté qu’une fois.',
  'caller.q.title': 'Questionnaire',
  'caller.q.forYou': 'Pour vous',
  'caller.q.read': 'À lire à la personne :',
  'caller.q.personalData': 'La personne accepte que ses réponses soient gardées avec son nom.',
  'caller.q.personalDataHelp':
    'Sans cet accord, ses réponses ne sont comptées que de façon anonyme.',
  'caller.q.storeOpinion':
    'La personne accepte expressément que sa position vis-à-vis de la candidature soit gardée avec son nom.',
  'caller.q.opinionRead': 'À lui lire : « {text} »',
  'caller.q.storeOpinionHelp':
    'C’est une opinion politique : sans cet accord exprès, elle n’est comptée que de façon anonyme.',
  'caller.q.storeOpinionNeedsConsent':
    'Possible seulement si la personne accepte d’abord que ses réponses soient gardées avec son nom.',
  'caller.q.scaleEnds': '1 : {low} · 5 : {high}',
  'caller.q.clear': 'Effacer la réponse',
  'caller.problem.required': 'Réponse obligatoire.',
  'caller.problem.consent_required':
    'Il faut d’abord l’accord de la personne pour garder ses réponses avec son nom.',
  'caller.problem.out_of_range': 'Choisissez entre 1 et 5.',
  'caller.problem.too_long': 'Trop long.',
  'caller.problem.other': 'Réponse invalide.',
  'caller.problem.form': 'Vérifiez les réponses signalées.',
  'caller.shifts.title': 'Permanences',
  'caller.shifts.intro':
    'Appeler ensemble, à heure fixe : inscrivez-vous sur la page de la permanence.',
  'caller.shifts.mine': 'Vous y êtes inscrit·e',
  'caller.shifts.full': 'Complet',
  'caller.shifts.open': '{count, plural, one {# place libre} other {# places libres}}',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'caller.list.title': 'Call for the campaign',
  'caller.list.intro':
    'Call, from your own phone, people who agreed to be called by the campaign. The script and the questions guide you, one person after another.',
  'caller.list.label': 'Phone banks',
  'caller.list.empty': 'No phone bank is open to you for now.',
  'caller.list.callingNow': 'Calling now',
  'caller.list.notNow': 'No calls right now',
  'caller.list.nextShift': 'Next shift:',
  'caller.list.privacy':
    'Numbers are shown to you only for the call: do not write them down or keep them.',
  'caller.back': 'My phone banks',
  'caller.counts.label': 'My calls',
  'caller.counts.mine': 'Your calls: {calls} · conversations: {conversations}',
  'caller.counts.due':
    '{count, plural, one {# person is waiting for a call} other {# people are waiting for a call}}',
  'caller.closed.title': 'No calls for now',
  'caller.closed.outside_hours': 'Outside calling hours: nobody is called right now.',
  'caller.closed.pre_election_silence':
    'Pre-election silence: the campaign calls nobody until the vote is over.',
  'caller.closed.not_open': 'This phone bank is closed for now.',
  'caller.hours': 'Calling hours: {hours}.',
  'caller.hoursNoHolidays': 'Calling hours: {hours}, except public holidays.',
  'caller.script.title': 'The script',
  'caller.script.more': 'Read more',
  'caller.script.less': 'Show less',
  'caller.next': 'Next person',
  'caller.queueEmpty':
    'Nobody to call for now. People to call back return at the time agreed: try again a little later.',
  'caller.person.title': 'To call',
  'caller.person.noName': 'Name unknown',
  'caller.person.callBack': 'Call-back agreed: {when}',
  'caller.person.attempts': '{count, plural, one {Called # time} other {Called # times}}',
  'caller.person.attemptsLast':
    '{count, plural, one {Called # time} other {Called # times}}, last: {outcome}',
  'caller.call': 'Call {number}',
  'caller.hideNumber': 'Hide my number',
  'caller.hideNumberHelp':
    'The number called is preceded by #31#: the person does not see yours. On an iPhone this link cannot hide it: turn off “Show My Caller ID” in Settings › Phone.',
  'caller.timeLeft': 'Time kept for this call: {time}',
  'caller.timeUp':
    'The time kept is over: record the call now, this person may be given to someone else.',
  'caller.outcome.title': 'How did the call go?',
  'caller.outcome.no_answer': 'No answer',
  'caller.outcome.wrong_number': 'Wrong number',
  'caller.outcome.call_back': 'Call back',
  'caller.outcome.conversation': 'Conversation',
  'caller.outcome.refused': 'Refused',
  'caller.outcome.do_not_call': 'Do not call again',
  'caller.notes': 'Notes (optional)',
  'caller.notesHelp':
    'Read by the team and at the next call. Write no political opinion, health or religion here.',
  'caller.callBack.label': 'When to call back',
  'caller.callBack.help': 'Paris time, within the next 30 days.',
  'caller.callBack.save': 'Save the call-back',
  'caller.callBack.required': 'Choose when to call back.',
  'caller.callBack.invalid_date': 'This date does not exist.',
  'caller.callBack.in_past': 'Choose a time to come.',
  'caller.callBack.too_far': 'At most 30 days ahead.',
  'caller.conversation.save': 'Save the conversation',
  'caller.doNotCall.title': 'Stop calling this person?',
  'caller.doNotCall.body':
    'The person asks not to be called again: the campaign will not call them again, from any phone bank.',
  'caller.doNotCall.confirm': 'Stop calling them',
  'caller.skip': 'Skip without calling',
  'caller.skipped': 'Person skipped: someone else will call them.',
  'caller.retry': 'Send again',
  'caller.recorded': 'Call saved: {outcome}',
  'caller.recorded.callBack': 'Call back: {when}.',
  'caller.recorded.again': 'This person will be called again from {when}.',
  'caller.recorded.done': 'This person will not be called again by this bank.',
  'caller.error.claim_lost':
    'The time kept was over and someone else is now calling this person: your call was not saved.',
  'caller.error.invalid_answers': 'Some answers do not fit: see the questions marked.',
  'caller.error.phone_bank_not_yours': 'This phone bank is not open to you.',
  'caller.error.questionnaire_changed':
    'This bank’s questionnaire has just changed: check the answers, then save again.',
  'caller.error.retry':
    'The call is not saved yet (no network?). Try again: it will be counted once.',
  'caller.q.title': 'Questionnaire',
  'caller.q.forYou': 'For you',
  'caller.q.read': 'Read to the person:',
  'caller.q.personalData': 'The person agrees that their answers are kept with their name.',
  'caller.q.personalDataHelp': 'Without this, their answers are only counted anonymously.',
  'caller.q.storeOpinion':
    'The person explicitly agrees that their position on the candidacy is kept with their name.',
  'caller.q.opinionRead': 'Read to them: “{text}”',
  'caller.q.storeOpinionHelp':
    'It is a political opinion: without this explicit consent it is only counted anonymously.',
  'caller.q.storeOpinionNeedsConsent':
    'Possible only once the person agrees that their answers are kept with their name.',
  'caller.q.scaleEnds': '1: {low} · 5: {high}',
  'caller.q.clear': 'Clear the answer',
  'caller.problem.required': 'An answer is required.',
  'caller.problem.consent_required':
    'The person must first agree that their answers are kept with their name.',
  'caller.problem.out_of_range': 'Choose between 1 and 5.',
  'caller.problem.too_long': 'Too long.',
  'caller.problem.other': 'Invalid answer.',
  'caller.problem.form': 'Check the answers marked.',
  'caller.shifts.title': 'Shifts',
  'caller.shifts.intro': 'Call together at set times: sign up on the shift’s page.',
  'caller.shifts.mine': 'You are going',
  'caller.shifts.full': 'Full',
  'caller.shifts.open': '{count, plural, one {# place left} other {# places left}}',
};
