import type { Locale } from '../../../../contracts/common.ts';

/**
 * The texts of the public committee pages the server draws. French first; English must define
 * every key (the typecheck says which one is missing). Texts every public page shares (the
 * header, field errors) come from the public pages' own `t`.
 */
export const fr = {
  'committeePage.nav': 'Comités',
  'committeePage.findTitle': 'Trouver un comité',
  'committeePage.findIntro':
    'Les comités locaux font campagne près de chez vous. Trouvez le plus proche et rejoignez-le.',
  'committeePage.findDescription':
    'Trouvez le comité local le plus proche de chez vous et rejoignez-le.',
  'committeePage.placeLabel': 'Code postal ou code commune',
  'committeePage.placeHint': 'Par exemple 69003',
  'committeePage.search': 'Rechercher',
  'committeePage.mapLabel': 'Carte des comités',
  'committeePage.mapClusterOne': '{count} comité ici : zoomer',
  'committeePage.mapClusterMany': '{count} comités ici : zoomer',
  'committeePage.mapOpen': 'Voir le comité',
  'committeePage.nearMe': 'Autour de moi',
  'committeePage.locating': 'Recherche de votre position…',
  'committeePage.locationDenied': 'Votre position n’est pas disponible : saisissez un code postal.',
  'committeePage.nearestTo': 'Les comités les plus proches de {place}',
  'committeePage.nearYou': 'Les comités autour de vous',
  'committeePage.biggest': 'Les plus grands comités',
  'committeePage.memberOne': '{count} membre',
  'committeePage.memberMany': '{count} membres',
  'committeePage.distance': 'à {km} km',
  'committeePage.distanceAbout': 'à environ {km} km',
  'committeePage.certified': 'Certifié',
  'committeePage.approximate': 'position approximative',
  'committeePage.more': 'Voir plus de comités',
  'committeePage.noneNear': 'Aucun comité près de {place} pour l’instant.',
  'committeePage.noneNearYou': 'Aucun comité autour de vous pour l’instant.',
  'committeePage.noneYet': 'Aucun comité pour l’instant.',
  'committeePage.createTitle': 'Lancez le premier comité près de chez vous',
  'committeePage.createText':
    'Il suffit de votre compte : le comité est public tout de suite, et les personnes de votre quartier peuvent le rejoindre.',
  'committeePage.createAnother': 'Pas de comité près de chez vous ? Lancez le vôtre.',
  'committeePage.create': 'Créer un comité',
  'committeePage.nearbyTitle': 'Les comités près de chez vous',
  'committeePage.nearbyAll': 'Voir tous les comités',
  'committeePage.unknownPlace':
    'Aucune commune n’a ce code postal ou ce code commune. Vérifiez-le puis réessayez.',
  'committeePage.invalidSearch': 'Cette recherche n’est pas valide : vérifiez le code saisi.',

  'committeePage.all': 'Tous les comités',
  'committeePage.organisedBy': 'Animé par {names}',
  'committeePage.area': 'Secteur',
  'committeePage.areaDrawn': 'Une zone dessinée autour de {place}',
  'committeePage.contact': 'Contacter le comité',
  'committeePage.email': 'E-mail :',
  'committeePage.phone': 'Téléphone :',
  'committeePage.description': 'Comité local à {place}.',
  'committeePage.photoAlt': 'Photo du comité {name}',
  'committeePage.notPublic':
    'Ce comité n’est pas public : seuls ses organisateurs et l’équipe de campagne le voient.',
  'committeePage.joinTitle': 'Rejoindre ce comité',
  'committeePage.joinAs': 'Je le rejoins',
  'committeePage.asMember': 'comme membre : je participe à ses actions',
  'committeePage.asFollower': 'comme abonné·e : je suis ses nouvelles',
  'committeePage.closedToMembers':
    'Ses organisateurs n’accueillent pas de nouveaux membres pour l’instant : vous pouvez le suivre.',
  'committeePage.shareContact':
    'Je partage mon adresse e-mail et mon téléphone avec les organisateurs du comité',
  'committeePage.join': 'Rejoindre',
  'committeePage.yours': 'Votre participation',
  'committeePage.youAre.organiser': 'Vous organisez ce comité.',
  'committeePage.youAre.manager': 'Vous êtes responsable dans ce comité.',
  'committeePage.youAre.member': 'Vous êtes membre de ce comité.',
  'committeePage.youAre.follower': 'Vous suivez ce comité.',
  'committeePage.save': 'Enregistrer',
  'committeePage.leave': 'Quitter ce comité',
  'committeePage.manage': 'Gérer le comité',
  'committeePage.notice.member': 'Bienvenue ! Vous êtes membre de ce comité.',
  'committeePage.notice.follower': 'C’est fait : vous suivez ce comité.',
  'committeePage.notice.saved': 'C’est enregistré.',
  'committeePage.notice.left': 'Vous avez quitté ce comité.',
  'committeePage.loginTitle': 'Envie de participer ?',
  'committeePage.loginText': 'Connectez-vous pour rejoindre ce comité ou suivre ses nouvelles.',
  'committeePage.signup': 'Pas encore inscrit·e ? Rejoignez la campagne',
  'committeePage.committeeClosed':
    'Ses organisateurs n’accueillent plus de nouveaux membres : vous pouvez le suivre.',
  'committeePage.lastOrganiser':
    'Un comité garde au moins un organisateur : nommez-en un autre avant de partir.',
  'committeePage.notFoundTitle': 'Comité introuvable',
  'committeePage.notFoundText': 'Ce comité n’existe pas ou n’est plus public.',
  'committeePage.unsubscribeTitle': 'Messages du comité',
  'committeePage.unsubscribeAsk':
    'Ne plus recevoir par e-mail les messages de ce comité ? Vous en restez membre.',
  'committeePage.unsubscribeButton': 'Ne plus recevoir ses messages',
  'committeePage.unsubscribeDone': 'C’est fait : vous ne recevrez plus les messages de « {name} ».',
  'committeePage.unsubscribeInvalid': 'Ce lien de désinscription n’est pas valide.',
};

export const en: Record<keyof typeof fr, string> = {
  'committeePage.nav': 'Committees',
  'committeePage.findTitle': 'Find a committee',
  'committeePage.findIntro':
    'Local committees campaign near you. Find the nearest one and join it.',
  'committeePage.findDescription': 'Find the local committee nearest you and join it.',
  'committeePage.placeLabel': 'Postal code or commune code',
  'committeePage.placeHint': 'For example 69003',
  'committeePage.search': 'Search',
  'committeePage.mapLabel': 'Map of the committees',
  'committeePage.mapClusterOne': '{count} committee here: zoom in',
  'committeePage.mapClusterMany': '{count} committees here: zoom in',
  'committeePage.mapOpen': 'See the committee',
  'committeePage.nearMe': 'Near me',
  'committeePage.locating': 'Finding your location…',
  'committeePage.locationDenied': 'Your location is not available: type a postal code.',
  'committeePage.nearestTo': 'Committees nearest {place}',
  'committeePage.nearYou': 'Committees near you',
  'committeePage.biggest': 'The biggest committees',
  'committeePage.memberOne': '{count} member',
  'committeePage.memberMany': '{count} members',
  'committeePage.distance': '{km} km away',
  'committeePage.distanceAbout': 'about {km} km away',
  'committeePage.certified': 'Certified',
  'committeePage.approximate': 'approximate location',
  'committeePage.more': 'More committees',
  'committeePage.noneNear': 'No committee near {place} yet.',
  'committeePage.noneNearYou': 'No committee near you yet.',
  'committeePage.noneYet': 'No committee yet.',
  'committeePage.createTitle': 'Start the first committee near you',
  'committeePage.createText':
    'All it takes is your account: the committee is public at once, and people near you can join it.',
  'committeePage.createAnother': 'No committee near you? Start your own.',
  'committeePage.create': 'Create a committee',
  'committeePage.nearbyTitle': 'Committees near you',
  'committeePage.nearbyAll': 'See all committees',
  'committeePage.unknownPlace':
    'No commune has this postal or commune code. Check it and try again.',
  'committeePage.invalidSearch': 'This search is not valid: check the code you typed.',

  'committeePage.all': 'All committees',
  'committeePage.organisedBy': 'Run by {names}',
  'committeePage.area': 'Area',
  'committeePage.areaDrawn': 'An area drawn around {place}',
  'committeePage.contact': 'Contact the committee',
  'committeePage.email': 'Email:',
  'committeePage.phone': 'Phone:',
  'committeePage.description': 'Local committee in {place}.',
  'committeePage.photoAlt': 'Photo of the committee {name}',
  'committeePage.notPublic':
    'This committee is not public: only its organisers and the campaign team see it.',
  'committeePage.joinTitle': 'Join this committee',
  'committeePage.joinAs': 'I join it',
  'committeePage.asMember': 'as a member: I take part in its actions',
  'committeePage.asFollower': 'as a follower: I follow its news',
  'committeePage.closedToMembers':
    'Its organisers are not taking new members for now: you can follow it.',
  'committeePage.shareContact':
    'I share my email address and phone number with the committee’s organisers',
  'committeePage.join': 'Join',
  'committeePage.yours': 'Your participation',
  'committeePage.youAre.organiser': 'You organise this committee.',
  'committeePage.youAre.manager': 'You are a manager of this committee.',
  'committeePage.youAre.member': 'You are a member of this committee.',
  'committeePage.youAre.follower': 'You follow this committee.',
  'committeePage.save': 'Save',
  'committeePage.leave': 'Leave this committee',
  'committeePage.manage': 'Manage the committee',
  'committeePage.notice.member': 'Welcome! You are a member of this committee.',
  'committeePage.notice.follower': 'Done: you follow this committee.',
  'committeePage.notice.saved': 'Saved.',
  'committeePage.notice.left': 'You left this committee.',
  'committeePage.loginTitle': 'Want to take part?',
  'committeePage.loginText': 'Log in to join this committee or follow its news.',
  'committeePage.signup': 'Not signed up yet? Join the campaign',
  'committeePage.committeeClosed': 'Its organisers are not taking new members: you can follow it.',
  'committeePage.lastOrganiser':
    'A committee keeps at least one organiser: name another one before you leave.',
  'committeePage.notFoundTitle': 'Committee not found',
  'committeePage.notFoundText': 'This committee does not exist or is no longer public.',
  'committeePage.unsubscribeTitle': 'Committee messages',
  'committeePage.unsubscribeAsk':
    'Stop receiving this committee’s messages by email? You stay a member.',
  'committeePage.unsubscribeButton': 'Stop its messages',
  'committeePage.unsubscribeDone': 'Done: you will no longer receive the messages of “{name}”.',
  'committeePage.unsubscribeInvalid': 'This unsubscribe link is not valid.',
};

export type CommitteePageKey = keyof typeof fr;
const dictionaries: Record<Locale, Record<CommitteePageKey, string>> = { fr, en };

/** A committee page's message in its language, `{name}` replaced (plain text, unescaped). */
export function ct(
  locale: Locale,
  key: CommitteePageKey,
  vars: Record<string, string> = {},
): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? vars[name] : whole,
  );
}
