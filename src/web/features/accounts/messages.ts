/**
 * The texts of login and the supporter space.
 * French first; English must define every key (the typecheck says which one is missing).
 */
export const fr = {
  'login.title': 'Connexion',
  'login.codeIntro':
    'Saisissez votre adresse e-mail : nous vous enverrons un code de connexion à 6 chiffres.',
  'login.sendCode': 'Recevoir un code',
  'login.codeSent':
    'Nouveau code envoyé à {email} (valable 15 minutes). Rien reçu ? Vérifiez les indésirables ; vous pouvez redemander un code jusqu’à 5 fois par heure.',
  'login.codeHeldBack':
    'Un code a été envoyé à {email} il y a moins de 15 minutes : saisissez le code du dernier e-mail reçu, ou suivez son lien. Vous pourrez en demander un nouveau dans {minutes} min.',
  'login.codeRequestedAt': 'Dernière demande à {time}.',
  'login.code': 'Code à 6 chiffres',
  'login.codeHelp': 'Le code est valable 15 minutes.',
  'login.submit': 'Me connecter',
  'login.remaining': 'Essais restants : {n}.',
  'login.changeEmail': 'Changer d’adresse',
  'login.resend': 'Renvoyer un code',
  'login.usePassword': 'Utiliser un mot de passe (équipe)',
  'login.useCode': 'Utiliser un code reçu par e-mail',
  'login.linkInvalidTitle': 'Lien de connexion expiré ou invalide',
  'login.linkInvalidText':
    'Ce lien a expiré ou a déjà servi. Demandez un nouveau code de connexion.',
  'login.backToLogin': 'Retour à la connexion',

  'me.title': 'Mon espace',
  'me.hello': 'Bonjour {name} !',
  'me.unconfirmed': 'Inscription non confirmée',
  'me.recruitTitle': 'Mon lien de parrainage',
  'me.recruitText':
    'Partagez ce lien : chaque personne qui s’inscrit grâce à lui vous est attribuée.',
  'me.recruitedCounts':
    'Personnes recrutées : {count}, dont {confirmed, plural, one {# confirmée} other {# confirmées}}.',
  'me.profileTitle': 'Mes informations',
  'me.emailFixed': 'Pour changer d’adresse, contactez l’équipe de campagne.',
  'me.profileSaved': 'Vos informations sont enregistrées.',
  'me.consentsTitle': 'Mes préférences de contact',
  'me.consentsText':
    'Choisissez comment la campagne peut vous contacter. Chaque changement est enregistré aussitôt.',
  'me.consentsSaved': 'Préférences enregistrées.',
  'me.automatedCall': 'Appels automatisés',
  'me.automatedCallText':
    'Des messages enregistrés de la campagne, par téléphone, uniquement les jours et aux heures que vous choisissez.',
  'me.automatedCallGiven': 'Accepté : {slot}.',
  'me.automatedCallChange': 'Changer le créneau',
  'me.automatedCallSave': 'Accepter dans ce créneau',
  'me.passwordTitle': 'Mot de passe',
  'me.passwordText':
    'Pour l’équipe : un mot de passe permet de se connecter sans attendre de code.',
  'me.passwordRule': 'Au moins 12 caractères.',
  'me.passwordSaved': 'Mot de passe enregistré.',
  'me.changePassword': 'Changer le mot de passe',
  'me.setPassword': 'Définir un mot de passe',
  'me.sessionsTitle': 'Sessions',
  'me.logoutEverywhere': 'Me déconnecter de tous les appareils',
  'me.dataTitle': 'Mes données',
  'me.dataText': 'Téléchargez tout ce que la campagne sait de vous, ou supprimez votre compte.',
  'me.export': 'Télécharger mes données',
  'me.delete': 'Supprimer mon compte',
  'me.deleteTitle': 'Supprimer mon compte',
  'me.deleteText':
    'Vos données personnelles seront effacées et vous ne recevrez plus rien de la campagne. Cette action est définitive.',
  'me.deleteTypeLabel': 'Tapez {word} pour confirmer',
  'me.deleteWord': 'SUPPRIMER',
  'me.deleteConfirm': 'Supprimer définitivement',
  'me.deleted': 'Votre compte a été supprimé. Merci pour votre soutien.',
  'me.loggedOutEverywhere': 'Vous êtes déconnecté·e de tous vos appareils.',
};

export const en: Record<keyof typeof fr, string> = {
  'login.title': 'Log in',
  'login.codeIntro': 'Enter your email address: we will send you a 6-digit login code.',
  'login.sendCode': 'Send me a code',
  'login.codeSent':
    'New code sent to {email} (valid for 15 minutes). Nothing received? Check your spam folder; you can ask for a new code up to 5 times an hour.',
  'login.codeHeldBack':
    'A code was sent to {email} less than 15 minutes ago: enter the code of the latest email, or follow its link. You can ask for a new one in {minutes} min.',
  'login.codeRequestedAt': 'Last requested at {time}.',
  'login.code': '6-digit code',
  'login.codeHelp': 'The code is valid for 15 minutes.',
  'login.submit': 'Log in',
  'login.remaining': 'Attempts left: {n}.',
  'login.changeEmail': 'Use another address',
  'login.resend': 'Send a new code',
  'login.usePassword': 'Use a password (staff)',
  'login.useCode': 'Use a code sent by email',
  'login.linkInvalidTitle': 'Expired or invalid login link',
  'login.linkInvalidText':
    'This link has expired or has already been used. Ask for a new login code.',
  'login.backToLogin': 'Back to log in',

  'me.title': 'My space',
  'me.hello': 'Hello {name}!',
  'me.unconfirmed': 'Sign-up not confirmed',
  'me.recruitTitle': 'My recruitment link',
  'me.recruitText': 'Share this link: everyone who signs up through it is credited to you.',
  'me.recruitedCounts': 'People recruited: {count}, of whom {confirmed} confirmed.',
  'me.profileTitle': 'My details',
  'me.emailFixed': 'To change your address, contact the campaign team.',
  'me.profileSaved': 'Your details are saved.',
  'me.consentsTitle': 'My contact preferences',
  'me.consentsText': 'Choose how the campaign may contact you. Each change is saved at once.',
  'me.consentsSaved': 'Preferences saved.',
  'me.automatedCall': 'Automated calls',
  'me.automatedCallText':
    'Recorded messages from the campaign, by phone, only on the days and at the hours you choose.',
  'me.automatedCallGiven': 'Agreed to: {slot}.',
  'me.automatedCallChange': 'Change the slot',
  'me.automatedCallSave': 'Agree within this slot',
  'me.passwordTitle': 'Password',
  'me.passwordText': 'For staff: a password lets you log in without waiting for a code.',
  'me.passwordRule': 'At least 12 characters.',
  'me.passwordSaved': 'Password saved.',
  'me.changePassword': 'Change password',
  'me.setPassword': 'Set a password',
  'me.sessionsTitle': 'Sessions',
  'me.logoutEverywhere': 'Log out of all devices',
  'me.dataTitle': 'My data',
  'me.dataText': 'Download everything the campaign knows about you, or delete your account.',
  'me.export': 'Download my data',
  'me.delete': 'Delete my account',
  'me.deleteTitle': 'Delete my account',
  'me.deleteText':
    'Your personal data will be erased and you will receive nothing more from the campaign. This cannot be undone.',
  'me.deleteTypeLabel': 'Type {word} to confirm',
  'me.deleteWord': 'DELETE',
  'me.deleteConfirm': 'Delete for good',
  'me.deleted': 'Your account has been deleted. Thank you for your support.',
  'me.loggedOutEverywhere': 'You are logged out of all your devices.',
};
