import type { Locale } from '../../../../contracts/common.ts';

/**
 * The texts of the public event pages the server draws. French first; English must define
 * every key (the typecheck says which one is missing). The events' types are the web app's
 * (`events.type.*`), read with the public pages' own `t`, as are texts every page shares.
 */
export const fr = {
  'eventPage.nav': 'Événements',
  'eventPage.findTitle': 'Événements',
  'eventPage.findIntro':
    'Réunions, porte-à-porte, tractages : venez faire campagne près de chez vous.',
  'eventPage.findDescription': 'Les prochains événements de la campagne près de chez vous.',
  'eventPage.placeLabel': 'Code postal ou code commune',
  'eventPage.placeHint': 'Par exemple 69003',
  'eventPage.typeLabel': 'Type',
  'eventPage.anyType': 'Tous les types',
  'eventPage.fromLabel': 'Du',
  'eventPage.toLabel': 'Au',
  'eventPage.search': 'Rechercher',
  'eventPage.nearMe': 'Autour de moi',
  'eventPage.locating': 'Recherche de votre position…',
  'eventPage.locationDenied': 'Votre position n’est pas disponible : saisissez un code postal.',
  'eventPage.nearestTo': 'Les événements les plus proches de {place}',
  'eventPage.nearYou': 'Les événements autour de vous',
  'eventPage.soonest': 'Les prochains événements',
  'eventPage.noneNear': 'Aucun événement près de {place} pour ces dates.',
  'eventPage.noneNearYou': 'Aucun événement autour de vous pour ces dates.',
  'eventPage.noneYet': 'Aucun événement prévu pour ces dates.',
  'eventPage.noneNext':
    'Les comités locaux organisent les événements : rejoignez-en un près de chez vous.',
  'eventPage.findCommittee': 'Trouver un comité',
  'eventPage.more': 'Voir plus d’événements',
  'eventPage.unknownPlace':
    'Aucune commune n’a ce code postal ou ce code commune. Vérifiez-le puis réessayez.',
  'eventPage.invalidSearch': 'Cette recherche n’est pas valide : vérifiez le code et les dates.',
  'eventPage.online': 'En ligne',
  'eventPage.approximate': 'position approximative',
  'eventPage.distance': 'à {km} km',
  'eventPage.distanceAbout': 'à environ {km} km',
  'eventPage.placesLeftOne': '{count} place restante',
  'eventPage.placesLeftMany': '{count} places restantes',
  'eventPage.full': 'Complet : liste d’attente',
  'eventPage.goingOne': '{count} participant',
  'eventPage.goingMany': '{count} participants',
  'eventPage.cancelled': 'Annulé',

  'eventPage.all': 'Tous les événements',
  'eventPage.byCommittee': 'Organisé par {name}',
  'eventPage.byCampaign': 'Organisé par l’équipe de campagne',
  'eventPage.addToCalendar': 'Ajouter à mon agenda',
  'eventPage.cancelledText': 'Cet événement est annulé.',
  'eventPage.overText': 'Cet événement est terminé.',
  'eventPage.notPublic':
    'Cet événement n’est pas public : seuls ses organisateurs et l’équipe de campagne le voient.',
  'eventPage.privateNote': 'Événement privé : seules les personnes qui ont son lien le voient.',
  'eventPage.membersNote': 'Réservé aux membres du comité.',
  'eventPage.onlineHidden': 'En ligne : le lien est donné aux participants inscrits.',
  'eventPage.onlineLink': 'Rejoindre en ligne',
  'eventPage.description': '{type} · {when} · {place}',
  'eventPage.manage': 'Gérer l’événement',
  'eventPage.privateLink': 'Lien à partager :',
  'eventPage.answerTitle': 'Je participe',
  'eventPage.guests': 'Personnes qui m’accompagnent',
  'eventPage.answer': 'Je m’inscris',
  'eventPage.answerWaitlist': 'M’inscrire sur la liste d’attente',
  'eventPage.fullHint': 'L’événement est complet : vous serez prévenu·e si une place se libère.',
  'eventPage.yours': 'Votre participation',
  'eventPage.youGo': 'Vous participez.',
  'eventPage.youGoWithOne': 'Vous participez, avec une personne.',
  'eventPage.youGoWithMany': 'Vous participez, avec {count} personnes.',
  'eventPage.youWait':
    'Vous êtes sur la liste d’attente : nous vous écrirons si une place se libère.',
  'eventPage.youPending':
    'Votre inscription attend la confirmation de votre adresse e-mail. Inscrivez-vous à nouveau ci-dessous.',
  'eventPage.saveGuests': 'Enregistrer',
  'eventPage.withdraw': 'Je ne viens plus',
  'eventPage.closed': 'Les inscriptions sont fermées.',
  'eventPage.notice.going': 'C’est noté : vous participez. Une confirmation part par e-mail.',
  'eventPage.notice.waitlist':
    'L’événement est complet : vous êtes sur la liste d’attente. Nous vous écrirons si une place se libère.',
  'eventPage.notice.saved': 'C’est enregistré.',
  'eventPage.notice.withdrawn': 'Votre participation est annulée.',
  'eventPage.loginTitle': 'Envie de venir ?',
  'eventPage.loginText': 'Connectez-vous pour vous inscrire à cet événement.',
  'eventPage.signup': 'Pas encore inscrit·e ? Rejoignez la campagne',
  'eventPage.error.event_cancelled': 'Cet événement est annulé : il ne prend plus d’inscription.',
  'eventPage.error.event_over': 'Cet événement est terminé.',
  'eventPage.error.not_enough_places':
    'Il ne reste pas assez de places pour autant de personnes : réduisez leur nombre.',
  'eventPage.error.members_only': 'Cet événement est réservé aux membres de son comité.',
  'eventPage.error.guests': 'Choisissez de 0 à 10 personnes.',
  'eventPage.notFoundTitle': 'Événement introuvable',
  'eventPage.notFoundText': 'Cet événement n’existe pas ou n’est plus public.',

  'eventPage.cancelTitle': 'Annuler ma participation',
  'eventPage.cancelAsk': 'Vous ne pouvez plus venir à « {title} » ({when}) ?',
  'eventPage.cancelButton': 'Annuler ma participation',
  'eventPage.cancelAlready': 'Votre participation à « {title} » est déjà annulée.',
  'eventPage.cancelDone':
    'C’est fait : votre participation à « {title} » est annulée. Merci de nous avoir prévenus.',
  'eventPage.cancelInvalid': 'Ce lien d’annulation n’est pas valable.',
  'eventPage.cancelInvalidText':
    'Copiez-le en entier depuis l’e-mail reçu, ou connectez-vous pour annuler depuis la page de l’événement.',
  'eventPage.seeEvent': 'Voir l’événement',

  'eventPage.committeeEvents': 'Prochains événements',
  'eventPage.committeeNoEvents': 'Aucun événement prévu pour l’instant.',
  'eventPage.subscribe': 'S’abonner à l’agenda du comité',
  'eventPage.nearbyTitle': 'Les prochains événements près de chez vous',
  'eventPage.nearbyNone': 'Aucun événement prévu près de chez vous pour l’instant.',
  'eventPage.nearbyAll': 'Voir tous les événements',
  'eventPage.visitorTitle': 'Je participe',
  'eventPage.visitorText':
    'Indiquez votre nom et votre adresse e-mail : nous vous écrirons pour la confirmer, puis votre place sera réservée.',
  'eventPage.visitorSubmit': 'Je m’inscris',
  'eventPage.visitorSubmitWaitlist': 'M’inscrire sur la liste d’attente',
  'eventPage.haveAccount': 'Vous avez déjà un compte ?',
  'eventPage.notice.pending':
    'Vérifiez votre boîte e-mail pour confirmer : votre inscription sera enregistrée dès que vous aurez cliqué sur le lien reçu.',
  'eventPage.confirmed.going':
    'Votre place à « {title} » est réservée. Une confirmation part par e-mail, avec le fichier agenda et le lien pour annuler.',
  'eventPage.confirmed.waitlist':
    '« {title} » est complet : vous êtes sur la liste d’attente. Nous vous écrirons si une place se libère.',
  'eventPage.confirmed.closed':
    '« {title} » ne prend plus d’inscription (annulé ou terminé) : votre réponse n’a pas été enregistrée.',
};

export const en: Record<keyof typeof fr, string> = {
  'eventPage.nav': 'Events',
  'eventPage.findTitle': 'Events',
  'eventPage.findIntro': 'Meetings, door-to-door, leafleting: come and campaign near you.',
  'eventPage.findDescription': 'The campaign’s next events near you.',
  'eventPage.placeLabel': 'Postal code or commune code',
  'eventPage.placeHint': 'For example 69003',
  'eventPage.typeLabel': 'Type',
  'eventPage.anyType': 'All types',
  'eventPage.fromLabel': 'From',
  'eventPage.toLabel': 'To',
  'eventPage.search': 'Search',
  'eventPage.nearMe': 'Near me',
  'eventPage.locating': 'Finding your location…',
  'eventPage.locationDenied': 'Your location is not available: type a postal code.',
  'eventPage.nearestTo': 'Events nearest {place}',
  'eventPage.nearYou': 'Events near you',
  'eventPage.soonest': 'Next events',
  'eventPage.noneNear': 'No event near {place} for these dates.',
  'eventPage.noneNearYou': 'No event near you for these dates.',
  'eventPage.noneYet': 'No event planned for these dates.',
  'eventPage.noneNext': 'Local committees organise events: join one near you.',
  'eventPage.findCommittee': 'Find a committee',
  'eventPage.more': 'More events',
  'eventPage.unknownPlace': 'No commune has this postal or commune code. Check it and try again.',
  'eventPage.invalidSearch': 'This search is not valid: check the code and the dates.',
  'eventPage.online': 'Online',
  'eventPage.approximate': 'approximate location',
  'eventPage.distance': '{km} km away',
  'eventPage.distanceAbout': 'about {km} km away',
  'eventPage.placesLeftOne': '{count} place left',
  'eventPage.placesLeftMany': '{count} places left',
  'eventPage.full': 'Full: waiting list',
  'eventPage.goingOne': '{count} going',
  'eventPage.goingMany': '{count} going',
  'eventPage.cancelled': 'Cancelled',

  'eventPage.all': 'All events',
  'eventPage.byCommittee': 'Organised by {name}',
  'eventPage.byCampaign': 'Organised by the campaign team',
  'eventPage.addToCalendar': 'Add to my calendar',
  'eventPage.cancelledText': 'This event is cancelled.',
  'eventPage.overText': 'This event is over.',
  'eventPage.notPublic':
    'This event is not public: only its organisers and the campaign team see it.',
  'eventPage.privateNote': 'Private event: only people with its link see it.',
  'eventPage.membersNote': 'For the committee’s members only.',
  'eventPage.onlineHidden': 'Online: the link is given to those who answered.',
  'eventPage.onlineLink': 'Join online',
  'eventPage.description': '{type} · {when} · {place}',
  'eventPage.manage': 'Manage the event',
  'eventPage.privateLink': 'Link to share:',
  'eventPage.answerTitle': 'I’m coming',
  'eventPage.guests': 'People coming with me',
  'eventPage.answer': 'Count me in',
  'eventPage.answerWaitlist': 'Join the waiting list',
  'eventPage.fullHint': 'The event is full: you will be told if a place frees up.',
  'eventPage.yours': 'Your answer',
  'eventPage.youGo': 'You are going.',
  'eventPage.youGoWithOne': 'You are going, with one guest.',
  'eventPage.youGoWithMany': 'You are going, with {count} guests.',
  'eventPage.youWait': 'You are on the waiting list: we will write if a place frees up.',
  'eventPage.youPending':
    'Your answer waits for your email address to be confirmed. Answer again below.',
  'eventPage.saveGuests': 'Save',
  'eventPage.withdraw': 'I can’t come any more',
  'eventPage.closed': 'Answers are closed.',
  'eventPage.notice.going': 'Noted: you are going. A confirmation is on its way by email.',
  'eventPage.notice.waitlist':
    'The event is full: you are on the waiting list. We will write if a place frees up.',
  'eventPage.notice.saved': 'Saved.',
  'eventPage.notice.withdrawn': 'Your answer is withdrawn.',
  'eventPage.loginTitle': 'Want to come?',
  'eventPage.loginText': 'Log in to answer this event.',
  'eventPage.signup': 'Not signed up yet? Join the campaign',
  'eventPage.error.event_cancelled': 'This event is cancelled: it takes no more answers.',
  'eventPage.error.event_over': 'This event is over.',
  'eventPage.error.not_enough_places': 'Not enough places left for that many people: bring fewer.',
  'eventPage.error.members_only': 'This event is for its committee’s members.',
  'eventPage.error.guests': 'Choose from 0 to 10 people.',
  'eventPage.notFoundTitle': 'Event not found',
  'eventPage.notFoundText': 'This event does not exist or is no longer public.',

  'eventPage.cancelTitle': 'Cancel my answer',
  'eventPage.cancelAsk': 'You can no longer come to “{title}” ({when})?',
  'eventPage.cancelButton': 'Cancel my answer',
  'eventPage.cancelAlready': 'Your answer to “{title}” is already withdrawn.',
  'eventPage.cancelDone': 'Done: your answer to “{title}” is withdrawn. Thank you for telling us.',
  'eventPage.cancelInvalid': 'This cancellation link is not valid.',
  'eventPage.cancelInvalidText':
    'Copy it whole from the email you received, or log in to cancel from the event’s page.',
  'eventPage.seeEvent': 'See the event',

  'eventPage.committeeEvents': 'Next events',
  'eventPage.committeeNoEvents': 'No event planned yet.',
  'eventPage.subscribe': 'Subscribe to the committee’s calendar',
  'eventPage.nearbyTitle': 'Next events near you',
  'eventPage.nearbyNone': 'No event planned near you yet.',
  'eventPage.nearbyAll': 'See all events',
  'eventPage.visitorTitle': 'I’m coming',
  'eventPage.visitorText':
    'Give your name and email address: we will write to you to confirm it, then your place is booked.',
  'eventPage.visitorSubmit': 'Count me in',
  'eventPage.visitorSubmitWaitlist': 'Put me on the waiting list',
  'eventPage.haveAccount': 'Already have an account?',
  'eventPage.notice.pending':
    'Check your mailbox to confirm: your answer is recorded as soon as you click the link we sent.',
  'eventPage.confirmed.going':
    'Your place at “{title}” is booked. A confirmation is on its way by email, with the calendar file and the link to cancel.',
  'eventPage.confirmed.waitlist':
    '“{title}” is full: you are on the waiting list. We will write to you if a place frees up.',
  'eventPage.confirmed.closed':
    '“{title}” no longer takes answers (cancelled or over): your answer was not recorded.',
};

export type EventPageKey = keyof typeof fr;
const dictionaries: Record<Locale, Record<EventPageKey, string>> = { fr, en };

/** An event page's message in its language, `{name}` replaced (plain text, unescaped). */
export function et(locale: Locale, key: EventPageKey, vars: Record<string, string> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? vars[name] : whole,
  );
}
