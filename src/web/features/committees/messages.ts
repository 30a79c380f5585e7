/** The committees feature's texts. */
export const fr = {
  'perm.committees.manage': 'Gérer tous les comités (membres, pages, règles de création)',
  'audit.do.committees.rank': 'Rôle changé dans un comité',
  'audit.do.committees.certify': 'Comité certifié',
  'audit.do.committees.export': 'Comités exportés',
  'audit.do.committees.uncertify': 'Certification d’un comité retirée',
  'audit.do.committees.criteria.update': 'Critères de certification changés',
  'audit.do.committees.rules.update': 'Règles de création des comités changées',

  'nav.committeeRules': 'Règles des comités',

  'filter.committeeRank': 'Comités, au moins',
  'filter.committeeDepartements': 'Comités des départements',
  'committees.rank.follower': 'Abonné·e',
  'committees.rank.member': 'Membre',
  'committees.rank.manager': 'Animateur·rice',
  'committees.rank.organiser': 'Organisateur·rice',
  'committees.status.published': 'Public',
  'committees.status.held': 'En attente de modération',
  'committees.status.unpublished': 'Dépublié',
  'committees.status.closed': 'Fermé',
  'committees.memberCount': '{count, plural, one {# membre} other {# membres}}',

  'committees.mine.title': 'Mes comités',
  'committees.mine.intro': 'Les comités locaux dont vous faites partie, avec votre rôle.',
  'committees.mine.empty':
    'Vous ne faites partie d’aucun comité. Créez le vôtre près de chez vous : il est public aussitôt.',
  'committees.mine.label': 'Mes comités',
  'committees.create': 'Créer un comité',
  'committees.manageNamed': 'Gérer {name}',
  'committees.manage': 'Gérer',
  'committees.publicPage': 'Voir la page publique',

  'committees.new.title': 'Créer un comité',
  'committees.new.intro':
    'Votre comité est public dès sa création : les sympathisants proches le trouvent et le rejoignent. Vous en êtes l’organisateur·rice.',
  'committees.new.submit': 'Créer le comité',
  'committees.created.published': 'Votre comité est public.',
  'committees.created.held':
    'Votre comité est créé, en attente de modération : il sera public une fois relu par l’équipe de campagne.',

  'committees.field.name': 'Nom du comité',
  'committees.field.description': 'Présentation',
  'committees.field.descriptionHint':
    'Mise en forme : **gras**, *italique*, « - » en début de ligne pour une liste, [texte](https://…) pour un lien.',
  'committees.field.place': 'Lieu de réunion',
  'committees.field.street': 'Adresse',
  'committees.field.streetHint':
    'Facultatif. Sans adresse, le comité est placé au centre de la commune.',
  'committees.field.contactEmail': 'E-mail de contact',
  'committees.field.contactPhone': 'Téléphone de contact',
  'committees.field.contactHint': 'Facultatif, affiché sur la page publique du comité.',
  'committees.field.placeNow': 'Lieu actuel : {label}',

  'committees.error.email_not_confirmed':
    'Confirmez d’abord votre adresse e-mail (le lien du message que nous vous avons envoyé), puis créez votre comité.',
  'committees.error.posting_suspended':
    'Vous ne pouvez pas créer de comité pour le moment : contactez l’équipe de campagne.',
  'committees.error.too_many_led':
    'Vous organisez déjà autant de comités qu’une personne le peut : confiez-en un à un autre organisateur avant d’en créer un nouveau.',
  'committees.error.too_many_created':
    'Vous avez créé autant de comités que possible aujourd’hui : réessayez demain.',
  'committees.error.unknown_place': 'Aucune commune française n’a ce code postal.',
  'committees.error.last_organiser':
    'Un comité garde au moins un organisateur : nommez-en un autre d’abord.',
  'committees.error.committee_closed':
    'Les organisateurs ont fermé ce comité aux nouveaux membres.',

  'committees.manage.subtitle': 'Gestion du comité',
  'committees.manage.yourRank': 'Votre rôle :',
  'committees.manage.held':
    'En attente de modération : seuls ses organisateurs et animateurs voient ce comité tant que l’équipe de campagne ne l’a pas relu.',
  'committees.manage.unpublished':
    'Dépublié par l’équipe de campagne : ce comité n’est plus visible du public.',
  'committees.manage.closed': 'Ce comité est fermé.',
  'committees.manage.forbidden':
    'Seuls les organisateurs et les animateurs d’un comité peuvent le gérer.',
  'committees.manage.back': 'Retour à mes comités',

  'committees.edit.title': 'Informations du comité',
  'committees.edit.openToMembers': 'Ouvert aux nouveaux membres',
  'committees.edit.openToMembersHint':
    'Fermé, il n’accueille plus que des abonné·e·s, qui suivent ses nouvelles.',
  'committees.edit.saved': 'Comité enregistré.',
  'committees.edit.savedHeld': 'Comité enregistré, en attente de modération.',

  'committees.members.title': 'Membres',
  'committees.members.label': 'Membres de {name}',
  'committees.members.hint':
    'L’e-mail et le téléphone ne s’affichent que pour les membres qui ont choisi de les partager avec le comité.',
  'committees.members.name': 'Nom',
  'committees.members.rank': 'Rôle',
  'committees.members.commune': 'Commune',
  'committees.members.email': 'E-mail',
  'committees.members.phone': 'Téléphone',
  'committees.members.joined': 'Depuis le',
  'committees.members.notShared': 'Non partagé',
  'committees.members.unnamed': 'Sans nom',
  'committees.members.rankOf': 'Rôle de {name}',
  'committees.members.rankChanged': '{name} : {rank}.',
  'committees.members.empty': 'Aucun membre.',

  'committees.leave': 'Quitter le comité',
  'committees.leave.title': 'Quitter {name} ?',
  'committees.leave.text':
    'Vous ne recevrez plus ses messages. Vous pourrez le rejoindre à nouveau depuis sa page publique.',
  'committees.leave.confirm': 'Quitter',
  'committees.leave.done': 'Vous avez quitté {name}.',

  'committees.rules.title': 'Règles de création des comités',
  'committees.rules.intro':
    'Tout sympathisant peut créer un comité, public aussitôt, sans validation. Ces règles limitent les abus ; un comité dont le nom ou la présentation contient un mot interdit attend une modération.',
  'committees.rules.requireConfirmedEmail': 'Exiger une adresse e-mail confirmée',
  'committees.rules.maxLedPerPerson': 'Comités qu’une personne peut organiser',
  'committees.rules.createdPerDay': 'Comités qu’une personne peut créer par jour',
  'committees.rules.forbiddenWords': 'Mots interdits',
  'committees.rules.forbiddenWordsHint':
    'Un mot ou une expression par ligne ; ni les accents ni les majuscules ne comptent.',
  'committees.rules.between': 'Entre {min} et {max}.',
  'committees.rules.saved': 'Règles enregistrées.',
};

export const en: Record<keyof typeof fr, string> = {
  'perm.committees.manage': 'Manage every committee (members, pages, creation rules)',
  'audit.do.committees.rank': 'Rank changed in a committee',
  'audit.do.committees.certify': 'Committee certified',
  'audit.do.committees.export': 'Committees exported',
  'audit.do.committees.uncertify': 'Committee certification withdrawn',
  'audit.do.committees.criteria.update': 'Certification criteria changed',
  'audit.do.committees.rules.update': 'Committee creation rules changed',

  'nav.committeeRules': 'Committee rules',

  'filter.committeeRank': 'Committees, at least',
  'filter.committeeDepartements': 'Committees in départements',
  'committees.rank.follower': 'Follower',
  'committees.rank.member': 'Member',
  'committees.rank.manager': 'Manager',
  'committees.rank.organiser': 'Organiser',
  'committees.status.published': 'Public',
  'committees.status.held': 'Awaiting moderation',
  'committees.status.unpublished': 'Unpublished',
  'committees.status.closed': 'Closed',
  'committees.memberCount': '{count, plural, one {# member} other {# members}}',

  'committees.mine.title': 'My committees',
  'committees.mine.intro': 'The local committees you belong to, with your rank.',
  'committees.mine.empty': 'You belong to no committee. Create one near you: it is public at once.',
  'committees.mine.label': 'My committees',
  'committees.create': 'Create a committee',
  'committees.manageNamed': 'Manage {name}',
  'committees.manage': 'Manage',
  'committees.publicPage': 'See the public page',

  'committees.new.title': 'Create a committee',
  'committees.new.intro':
    'Your committee is public as soon as it is created: supporters nearby find it and join. You are its organiser.',
  'committees.new.submit': 'Create the committee',
  'committees.created.published': 'Your committee is public.',
  'committees.created.held':
    'Your committee is created, awaiting moderation: it will be public once the campaign team has read it.',

  'committees.field.name': 'Committee name',
  'committees.field.description': 'Description',
  'committees.field.descriptionHint':
    'Formatting: **bold**, *italics*, “- ” at the start of a line for a list, [text](https://…) for a link.',
  'committees.field.place': 'Where it meets',
  'committees.field.street': 'Address',
  'committees.field.streetHint':
    'Optional. Without an address, the committee is placed at the centre of the commune.',
  'committees.field.contactEmail': 'Contact email',
  'committees.field.contactPhone': 'Contact phone',
  'committees.field.contactHint': 'Optional, shown on the committee’s public page.',
  'committees.field.placeNow': 'Current place: {label}',

  'committees.error.email_not_confirmed':
    'First confirm your email address (the link in the message we sent you), then create your committee.',
  'committees.error.posting_suspended':
    'You may not create a committee for now: contact the campaign team.',
  'committees.error.too_many_led':
    'You already organise as many committees as one person may: hand one over to another organiser before creating a new one.',
  'committees.error.too_many_created':
    'You created as many committees as allowed today: try again tomorrow.',
  'committees.error.unknown_place': 'No French commune has this postal code.',
  'committees.error.last_organiser':
    'A committee keeps at least one organiser: name another one first.',
  'committees.error.committee_closed': 'The organisers closed this committee to new members.',

  'committees.manage.subtitle': 'Managing the committee',
  'committees.manage.yourRank': 'Your rank:',
  'committees.manage.held':
    'Awaiting moderation: only its organisers and managers see this committee until the campaign team has read it.',
  'committees.manage.unpublished':
    'Unpublished by the campaign team: the public no longer sees this committee.',
  'committees.manage.closed': 'This committee is closed.',
  'committees.manage.forbidden': 'Only the organisers and managers of a committee may manage it.',
  'committees.manage.back': 'Back to my committees',

  'committees.edit.title': 'About the committee',
  'committees.edit.openToMembers': 'Open to new members',
  'committees.edit.openToMembersHint':
    'When closed, it only takes followers, who keep up with its news.',
  'committees.edit.saved': 'Committee saved.',
  'committees.edit.savedHeld': 'Committee saved, awaiting moderation.',

  'committees.members.title': 'Members',
  'committees.members.label': 'Members of {name}',
  'committees.members.hint':
    'Email and phone show only for members who chose to share them with the committee.',
  'committees.members.name': 'Name',
  'committees.members.rank': 'Rank',
  'committees.members.commune': 'Commune',
  'committees.members.email': 'Email',
  'committees.members.phone': 'Phone',
  'committees.members.joined': 'Since',
  'committees.members.notShared': 'Not shared',
  'committees.members.unnamed': 'No name',
  'committees.members.rankOf': 'Rank of {name}',
  'committees.members.rankChanged': '{name}: {rank}.',
  'committees.members.empty': 'No members.',

  'committees.leave': 'Leave the committee',
  'committees.leave.title': 'Leave {name}?',
  'committees.leave.text':
    'You will no longer receive its messages. You may join it again from its public page.',
  'committees.leave.confirm': 'Leave',
  'committees.leave.done': 'You left {name}.',

  'committees.rules.title': 'Committee creation rules',
  'committees.rules.intro':
    'Any supporter may create a committee, public at once, without approval. These rules limit abuse; a committee whose name or description holds a forbidden word awaits moderation.',
  'committees.rules.requireConfirmedEmail': 'Require a confirmed email address',
  'committees.rules.maxLedPerPerson': 'Committees one person may organise',
  'committees.rules.createdPerDay': 'Committees one person may create a day',
  'committees.rules.forbiddenWords': 'Forbidden words',
  'committees.rules.forbiddenWordsHint':
    'One word or phrase a line; neither accents nor capitals count.',
  'committees.rules.between': 'Between {min} and {max}.',
  'committees.rules.saved': 'Rules saved.',
};
