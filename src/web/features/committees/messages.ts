/** The committees feature's texts. */
export const fr = {
  'perm.committees.manage': 'Gérer tous les comités (membres, pages, règles de création)',
  'audit.do.committees.rank': 'Rôle changé dans un comité',
  'audit.do.committees.certify': 'Comité certifié',
  'audit.do.committees.export': 'Comités exportés',
  'audit.do.committees.uncertify': 'Certification d’un comité retirée',
  'audit.do.committees.criteria.update': 'Critères de certification changés',
  'audit.do.committees.area.update': 'Secteur d’un comité changé',
  'audit.do.committees.board.remove': 'Message ou commentaire d’un membre retiré du tableau',
  'audit.do.committees.rules.update': 'Règles de création des comités changées',

  'nav.committeeRules': 'Règles des comités',
  'nav.committees': 'Comités',

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

  'committees.error.not_an_image':
    'Ce fichier n’est pas une photo lisible (JPEG, PNG, WebP, GIF, HEIC ou AVIF).',
  'committees.error.image_too_large':
    'Cette photo dépasse 5 Mo ou 40 millions de pixels : choisissez-en une plus petite.',
  'committees.photo.title': 'Photo du comité',
  'committees.photo.hint':
    'JPEG, PNG, WebP, GIF, HEIC ou AVIF, 5 Mo au plus. Elle est réduite et ses métadonnées (lieu, appareil) retirées.',
  'committees.photo.choose': 'Choisir une photo',
  'committees.photo.replace': 'Remplacer la photo',
  'committees.photo.remove': 'Retirer la photo',
  'committees.photo.alt': 'Photo du comité {name}',
  'committees.photo.saved': 'Photo enregistrée.',
  'committees.photo.removed': 'Photo retirée.',
  'committees.photo.none': 'Pas encore de photo : la page publique montre le nom seul.',
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
  'committees.area.title': 'Secteur du comité',
  'committees.area.intro':
    'Là où le comité fait campagne : le porte-à-porte et la mobilisation s’y organiseront.',
  'committees.area.kind': 'Notre secteur',
  'committees.area.kind.commune': 'Notre commune',
  'committees.area.kind.communeOf': 'Notre commune ({name})',
  'committees.area.kind.communes': 'Ces communes',
  'committees.area.kind.polygon': 'Une zone dessinée sur la carte',
  'committees.area.communes': 'Communes du secteur',
  'committees.area.communesHint': 'Tapez un nom ou un code postal ; au plus {max} communes.',
  'committees.area.drawHint':
    'Cliquez sur la carte pour placer chaque sommet, puis sur le premier pour fermer la zone. Faites glisser un sommet pour le déplacer. Au plus {max} km².',
  'committees.area.map': 'Carte du secteur',
  'committees.area.nothingDrawn': 'Aucune zone dessinée.',
  'committees.area.drawnSize': 'Zone dessinée : environ {km2} km²',
  'committees.area.clear': 'Effacer la zone',
  'committees.area.save': 'Enregistrer le secteur',
  'committees.area.saved': 'Secteur enregistré.',
  'committees.area.error.required': 'Choisissez au moins une commune, ou dessinez une zone.',
  'committees.area.error.unknown_communes': 'Une des communes choisies n’existe pas ou plus.',
  'committees.area.error.too_many_communes': 'Au plus {max} communes.',
  'committees.area.error.polygon_not_closed':
    'La zone n’est pas fermée : cliquez sur son premier sommet pour la fermer.',
  'committees.area.error.polygon_vertices': 'Une zone a de 3 à {max} sommets.',
  'committees.area.error.polygon_self_intersecting':
    'Les bords de la zone se croisent : déplacez un sommet ou redessinez-la.',
  'committees.area.error.out_of_range': 'La zone sort de la carte : redessinez-la.',
  'committees.area.error.area_too_large':
    'La zone est trop grande : au plus {max} km² (environ un département).',

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

  'committees.preferences': 'Mes préférences',
  'committees.preferencesNamed': 'Mes préférences pour {name}',
  'committees.manage.subtitleMember': 'Votre comité',

  'committees.messages.title': 'Messages',
  'committees.messages.intro':
    'Envoyez un e-mail aux personnes abonnées aux messages du comité. Chacune peut se désabonner depuis le message.',
  'committees.messages.form': 'Écrire aux membres',
  'committees.messages.audience': 'Destinataires',
  'committees.messages.audience.follower': 'Toutes les personnes abonnées',
  'committees.messages.audience.member': 'Les membres, animateurs et organisateurs',
  'committees.messages.audience.manager': 'Les animateurs et organisateurs',
  'committees.messages.subject': 'Objet',
  'committees.messages.body': 'Message',
  'committees.messages.bodyHint':
    'Mise en forme : **gras**, *italique*, « - » en début de ligne pour une liste, [texte](https://…) pour un lien.',
  'committees.messages.send': 'Envoyer le message',
  'committees.messages.sent':
    'Message envoyé à {count, plural, one {# personne} other {# personnes}}.',
  'committees.messages.history': 'Messages envoyés',
  'committees.messages.historyLabel': 'Messages de {name}',
  'committees.messages.empty': 'Aucun message envoyé pour l’instant.',
  'committees.messages.by': 'par {name}',
  'committees.messages.to.follower': 'à toutes les personnes abonnées',
  'committees.messages.to.member': 'aux membres',
  'committees.messages.to.manager': 'aux animateurs et organisateurs',
  'committees.messages.to.organiser': 'aux organisateurs',
  'committees.messages.recipients': '{count, plural, one {# destinataire} other {# destinataires}}',
  'committees.messages.more': 'Lire la suite',
  'committees.messages.less': 'Réduire',

  'committees.membership.title': 'Votre participation',
  'committees.subscription.label': 'Recevoir les messages du comité',
  'committees.subscription.hint': 'Par e-mail. Sans eux, vous restez membre et gardez votre rôle.',
  'committees.subscription.on': 'Vous recevrez les messages du comité.',
  'committees.subscription.off': 'Vous ne recevrez plus les messages du comité.',

  'committees.certified': 'Certifié',
  'committees.notCertified': 'Non certifié',
  'committees.certification.title': 'Certification',
  'committees.certification.intro':
    'Le badge s’affiche sur la page publique du comité : l’équipe de campagne l’accorde aux comités qui remplissent ces critères.',
  'committees.certification.since': 'depuis le {date}',
  'committees.certification.checklist': 'Critères de certification',
  'committees.certification.ageDays':
    'Créé depuis au moins {count, plural, one {# jour} other {# jours}}',
  'committees.certification.members': 'Au moins {count, plural, one {# membre} other {# membres}}',
  'committees.certification.recentPublicEvents':
    'Au moins {count, plural, one {# événement public} other {# événements publics}} ces {days} derniers jours',
  'committees.certification.organisers':
    'Au moins {count, plural, one {# organisateur} other {# organisateurs}}',
  'committees.certification.count': '{actual} / {required}',
  'committees.certification.met': 'rempli',
  'committees.certification.unmet': 'pas encore rempli',
  'committees.certify': 'Certifier',
  'committees.certifyNamed': 'Certifier {name}',
  'committees.certify.title': 'Certifier « {name} » ?',
  'committees.certify.text':
    'Le badge s’affichera sur sa page publique. Les critères tels qu’ils sont aujourd’hui sont gardés dans le journal.',
  'committees.certify.done': '{name} est certifié.',
  'committees.uncertify': 'Retirer la certification',
  'committees.uncertifyNamed': 'Retirer la certification de {name}',
  'committees.uncertify.title': 'Retirer la certification de « {name} » ?',
  'committees.uncertify.text':
    'Le badge disparaîtra de sa page publique. Les critères tels qu’ils sont aujourd’hui sont gardés dans le journal.',
  'committees.uncertify.done': 'La certification de {name} est retirée.',

  'committees.hq.title': 'Comités',
  'committees.hq.export': 'Exporter (CSV)',
  'committees.hq.filters': 'Filtres des comités',
  'committees.hq.search': 'Nom du comité',
  'committees.hq.departement': 'Département',
  'committees.hq.status': 'État',
  'committees.hq.certified': 'Certifié',
  'committees.hq.reported': 'Avec des signalements ouverts',
  'committees.hq.inactive': 'Sans événement public depuis 62 jours',
  'committees.hq.empty': 'Aucun comité ne correspond à ces filtres.',
  'committees.hq.label': 'Liste des comités',
  'committees.hq.name': 'Nom',
  'committees.hq.place': 'Lieu',
  'committees.hq.members': 'Membres',
  'committees.hq.badge': 'Badge',
  'committees.hq.reports': 'Signalements',
  'committees.hq.lastEvent': 'Dernier événement public',
  'committees.hq.noEvent': 'Aucun',

  'committees.criteria.title': 'Critères de certification',
  'committees.criteria.back': 'Retour aux comités',
  'committees.criteria.intro':
    'Ce qu’un comité doit montrer pour être certifié. Ses organisateurs voient où ils en sont ; c’est vous qui accordez le badge.',
  'committees.criteria.minAgeDays': 'Ancienneté minimale (jours)',
  'committees.criteria.minMembers': 'Membres au minimum (hors abonné·e·s)',
  'committees.criteria.minRecentPublicEvents': 'Événements publics récents au minimum',
  'committees.criteria.recentDays': 'Période des événements récents (jours)',
  'committees.criteria.minOrganisers': 'Organisateurs au minimum',
  'committees.criteria.saved': 'Critères enregistrés.',
  'committees.board.title': 'Tableau du comité',
  'committees.board.intro':
    'Les membres y échangent : nouvelles, liens, documents, et leurs commentaires. Les abonné·es ne le voient pas.',
  'committees.board.form': 'Publier sur le tableau',
  'committees.board.body': 'Votre message',
  'committees.board.bodyHint':
    'Gras **ainsi**, italique *ainsi*, listes avec « - ». 10 000 caractères au plus.',
  'committees.board.link': 'Lien {number}',
  'committees.board.removeLink': 'Retirer le lien {number}',
  'committees.board.addLink': 'Ajouter un lien',
  'committees.board.addDocument': 'Joindre un document',
  'committees.board.documentHint':
    'PDF, image, Word, Excel, PowerPoint, OpenDocument, texte ou CSV ; 10 Mo au plus par fichier, 5 fichiers par message.',
  'committees.board.attached': 'Documents joints',
  'committees.board.removeDocument': 'Retirer {name}',
  'committees.board.publish': 'Publier',
  'committees.board.posts': 'Messages du tableau',
  'committees.board.empty': 'Rien sur le tableau pour l’instant : écrivez le premier message.',
  'committees.board.more': 'Messages plus anciens',
  'committees.board.pinned': 'Épinglé',
  'committees.board.pin': 'Épingler',
  'committees.board.unpin': 'Désépingler',
  'committees.board.links': 'Liens',
  'committees.board.documents': 'Documents',
  'committees.board.comments': '{count, plural, one {# commentaire} other {# commentaires}}',
  'committees.board.commentFirst': 'Commenter',
  'committees.board.noComments': 'Aucun commentaire pour l’instant.',
  'committees.board.comment': 'Votre commentaire',
  'committees.board.sendComment': 'Commenter',
  'committees.board.editComment': 'Modifier le commentaire',
  'committees.board.edit': 'Modifier',
  'committees.board.save': 'Enregistrer',
  'committees.board.edited': 'modifié',
  'committees.board.delete': 'Supprimer',
  'committees.board.deletePost': 'Supprimer ce message',
  'committees.board.deleteComment': 'Supprimer ce commentaire',
  'committees.board.deleteText':
    'Il disparaîtra du tableau pour tout le monde, avec ce qui y est joint.',
  'committees.board.report': 'Signaler',
  'committees.board.erased': 'Message effacé à la demande de son auteur·rice.',
  'committees.board.erasedAuthor': 'Personne effacée',
  'committees.board.error.document_too_large':
    'Le document dépasse 10 Mo : envoyez-en un plus léger (un PDF, par exemple).',
  'committees.board.error.document_empty':
    'Le fichier est vide : choisissez de nouveau le document.',
  'committees.board.error.document_type_refused':
    'Ce type de fichier n’est pas accepté (PDF, image, Word, Excel, PowerPoint sans macros, OpenDocument, texte ou CSV).',
  'committees.board.error.document_type_mismatch':
    'Le fichier n’est pas ce que son nom annonce : renommez-le ou choisissez le bon fichier.',
  'committees.board.error.too_many_documents':
    'Vous avez déjà plusieurs documents en attente : publiez d’abord votre message.',
  'committees.board.error.not_author':
    'Seul son auteur·rice (ou un·e animateur·rice du comité) peut le faire.',
};

export const en: Record<keyof typeof fr, string> = {
  'perm.committees.manage': 'Manage every committee (members, pages, creation rules)',
  'audit.do.committees.rank': 'Rank changed in a committee',
  'audit.do.committees.certify': 'Committee certified',
  'audit.do.committees.export': 'Committees exported',
  'audit.do.committees.uncertify': 'Committee certification withdrawn',
  'audit.do.committees.criteria.update': 'Certification criteria changed',
  'audit.do.committees.area.update': 'Committee area changed',
  'audit.do.committees.board.remove': "A member's post or comment removed from the board",
  'audit.do.committees.rules.update': 'Committee creation rules changed',

  'nav.committeeRules': 'Committee rules',
  'nav.committees': 'Committees',

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

  'committees.error.not_an_image':
    'This file is not a photo Levier can read (JPEG, PNG, WebP, GIF, HEIC or AVIF).',
  'committees.error.image_too_large':
    'This photo is larger than 5 MB or 40 million pixels: choose a smaller one.',
  'committees.photo.title': 'Committee photo',
  'committees.photo.hint':
    'JPEG, PNG, WebP, GIF, HEIC or AVIF, at most 5 MB. It is resized and stripped of its metadata (place, camera).',
  'committees.photo.choose': 'Choose a photo',
  'committees.photo.replace': 'Replace the photo',
  'committees.photo.remove': 'Remove the photo',
  'committees.photo.alt': 'Photo of the committee {name}',
  'committees.photo.saved': 'Photo saved.',
  'committees.photo.removed': 'Photo removed.',
  'committees.photo.none': 'No photo yet: the public page shows the name alone.',
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
  'committees.area.title': 'Committee area',
  'committees.area.intro':
    'Where the committee campaigns: door-to-door and mobilisation will be organised there.',
  'committees.area.kind': 'Our area',
  'committees.area.kind.commune': 'Our commune',
  'committees.area.kind.communeOf': 'Our commune ({name})',
  'committees.area.kind.communes': 'These communes',
  'committees.area.kind.polygon': 'An area drawn on the map',
  'committees.area.communes': 'Communes of the area',
  'committees.area.communesHint': 'Type a name or a postal code; at most {max} communes.',
  'committees.area.drawHint':
    'Click on the map to place each corner, then on the first one to close the area. Drag a corner to move it. At most {max} km².',
  'committees.area.map': 'Map of the area',
  'committees.area.nothingDrawn': 'No area drawn.',
  'committees.area.drawnSize': 'Area drawn: about {km2} km²',
  'committees.area.clear': 'Clear the area',
  'committees.area.save': 'Save the area',
  'committees.area.saved': 'Area saved.',
  'committees.area.error.required': 'Choose at least one commune, or draw an area.',
  'committees.area.error.unknown_communes': 'One of the communes chosen does not exist (any more).',
  'committees.area.error.too_many_communes': 'At most {max} communes.',
  'committees.area.error.polygon_not_closed':
    'The area is not closed: click on its first corner to close it.',
  'committees.area.error.polygon_vertices': 'An area has 3 to {max} corners.',
  'committees.area.error.polygon_self_intersecting':
    'The edges of the area cross: move a corner or draw it again.',
  'committees.area.error.out_of_range': 'The area goes off the map: draw it again.',
  'committees.area.error.area_too_large':
    'The area is too large: at most {max} km² (about a département).',

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

  'committees.preferences': 'My preferences',
  'committees.preferencesNamed': 'My preferences for {name}',
  'committees.manage.subtitleMember': 'Your committee',

  'committees.messages.title': 'Messages',
  'committees.messages.intro':
    'Email the people subscribed to the committee’s messages. Each may unsubscribe from the message.',
  'committees.messages.form': 'Write to the members',
  'committees.messages.audience': 'Recipients',
  'committees.messages.audience.follower': 'Everyone subscribed',
  'committees.messages.audience.member': 'Members, managers and organisers',
  'committees.messages.audience.manager': 'Managers and organisers',
  'committees.messages.subject': 'Subject',
  'committees.messages.body': 'Message',
  'committees.messages.bodyHint':
    'Formatting: **bold**, *italics*, “- ” at the start of a line for a list, [text](https://…) for a link.',
  'committees.messages.send': 'Send the message',
  'committees.messages.sent': 'Message sent to {count, plural, one {# person} other {# people}}.',
  'committees.messages.history': 'Messages sent',
  'committees.messages.historyLabel': 'Messages of {name}',
  'committees.messages.empty': 'No message sent yet.',
  'committees.messages.by': 'by {name}',
  'committees.messages.to.follower': 'to everyone subscribed',
  'committees.messages.to.member': 'to members',
  'committees.messages.to.manager': 'to managers and organisers',
  'committees.messages.to.organiser': 'to organisers',
  'committees.messages.recipients': '{count, plural, one {# recipient} other {# recipients}}',
  'committees.messages.more': 'Read more',
  'committees.messages.less': 'Show less',

  'committees.membership.title': 'Your membership',
  'committees.subscription.label': 'Receive the committee’s messages',
  'committees.subscription.hint': 'By email. Without them you stay a member, with your rank.',
  'committees.subscription.on': 'You will receive the committee’s messages.',
  'committees.subscription.off': 'You will no longer receive the committee’s messages.',

  'committees.certified': 'Certified',
  'committees.notCertified': 'Not certified',
  'committees.certification.title': 'Certification',
  'committees.certification.intro':
    'The badge shows on the committee’s public page: the campaign team grants it to committees that meet these criteria.',
  'committees.certification.since': 'since {date}',
  'committees.certification.checklist': 'Certification criteria',
  'committees.certification.ageDays':
    'Created at least {count, plural, one {# day} other {# days}} ago',
  'committees.certification.members': 'At least {count, plural, one {# member} other {# members}}',
  'committees.certification.recentPublicEvents':
    'At least {count, plural, one {# public event} other {# public events}} in the last {days} days',
  'committees.certification.organisers':
    'At least {count, plural, one {# organiser} other {# organisers}}',
  'committees.certification.count': '{actual} / {required}',
  'committees.certification.met': 'met',
  'committees.certification.unmet': 'not met yet',
  'committees.certify': 'Certify',
  'committees.certifyNamed': 'Certify {name}',
  'committees.certify.title': 'Certify “{name}”?',
  'committees.certify.text':
    'The badge will show on its public page. The criteria as they stand today are kept in the audit log.',
  'committees.certify.done': '{name} is certified.',
  'committees.uncertify': 'Withdraw the certification',
  'committees.uncertifyNamed': 'Withdraw the certification of {name}',
  'committees.uncertify.title': 'Withdraw the certification of “{name}”?',
  'committees.uncertify.text':
    'The badge will leave its public page. The criteria as they stand today are kept in the audit log.',
  'committees.uncertify.done': 'The certification of {name} is withdrawn.',

  'committees.hq.title': 'Committees',
  'committees.hq.export': 'Export (CSV)',
  'committees.hq.filters': 'Committee filters',
  'committees.hq.search': 'Committee name',
  'committees.hq.departement': 'Département',
  'committees.hq.status': 'State',
  'committees.hq.certified': 'Certified',
  'committees.hq.reported': 'With open reports',
  'committees.hq.inactive': 'No public event for 62 days',
  'committees.hq.empty': 'No committee matches these filters.',
  'committees.hq.label': 'Committee list',
  'committees.hq.name': 'Name',
  'committees.hq.place': 'Place',
  'committees.hq.members': 'Members',
  'committees.hq.badge': 'Badge',
  'committees.hq.reports': 'Reports',
  'committees.hq.lastEvent': 'Last public event',
  'committees.hq.noEvent': 'None',

  'committees.criteria.title': 'Certification criteria',
  'committees.criteria.back': 'Back to the committees',
  'committees.criteria.intro':
    'What a committee must show to be certified. Its organisers see where they stand; you grant the badge.',
  'committees.criteria.minAgeDays': 'Minimum age (days)',
  'committees.criteria.minMembers': 'Minimum members (followers apart)',
  'committees.criteria.minRecentPublicEvents': 'Minimum recent public events',
  'committees.criteria.recentDays': 'Period of recent events (days)',
  'committees.criteria.minOrganisers': 'Minimum organisers',
  'committees.criteria.saved': 'Criteria saved.',
  'committees.board.title': 'Committee board',
  'committees.board.intro':
    'Where members talk: news, links, documents and their comments. Followers do not see it.',
  'committees.board.form': 'Post on the board',
  'committees.board.body': 'Your message',
  'committees.board.bodyHint':
    'Bold **like this**, italics *like this*, lists with “- ”. At most 10,000 characters.',
  'committees.board.link': 'Link {number}',
  'committees.board.removeLink': 'Remove link {number}',
  'committees.board.addLink': 'Add a link',
  'committees.board.addDocument': 'Attach a document',
  'committees.board.documentHint':
    'PDF, image, Word, Excel, PowerPoint, OpenDocument, text or CSV; at most 10 MB a file, 5 files a message.',
  'committees.board.attached': 'Attached documents',
  'committees.board.removeDocument': 'Remove {name}',
  'committees.board.publish': 'Post',
  'committees.board.posts': 'Messages on the board',
  'committees.board.empty': 'Nothing on the board yet: write the first message.',
  'committees.board.more': 'Older messages',
  'committees.board.pinned': 'Pinned',
  'committees.board.pin': 'Pin',
  'committees.board.unpin': 'Unpin',
  'committees.board.links': 'Links',
  'committees.board.documents': 'Documents',
  'committees.board.comments': '{count, plural, one {# comment} other {# comments}}',
  'committees.board.commentFirst': 'Comment',
  'committees.board.noComments': 'No comment yet.',
  'committees.board.comment': 'Your comment',
  'committees.board.sendComment': 'Comment',
  'committees.board.editComment': 'Change the comment',
  'committees.board.edit': 'Edit',
  'committees.board.save': 'Save',
  'committees.board.edited': 'edited',
  'committees.board.delete': 'Delete',
  'committees.board.deletePost': 'Delete this message',
  'committees.board.deleteComment': 'Delete this comment',
  'committees.board.deleteText':
    'It will disappear from the board for everyone, with what is attached to it.',
  'committees.board.report': 'Report',
  'committees.board.erased': 'Message erased at its author’s request.',
  'committees.board.erasedAuthor': 'Erased person',
  'committees.board.error.document_too_large':
    'The document is larger than 10 MB: send a lighter one (a PDF, for example).',
  'committees.board.error.document_empty': 'The file is empty: choose the document again.',
  'committees.board.error.document_type_refused':
    'This type of file is not accepted (PDF, image, Word, Excel, PowerPoint without macros, OpenDocument, text or CSV).',
  'committees.board.error.document_type_mismatch':
    'The file is not what its name says: rename it or choose the right file.',
  'committees.board.error.too_many_documents':
    'You already have several documents waiting: post your message first.',
  'committees.board.error.not_author':
    'Only its author (or a manager of the committee) may do this.',
};
