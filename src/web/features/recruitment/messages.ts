/**
 * The texts of the public pages the server draws (sign-up, confirmation, legal) and of the
 * recruit link.
 * French first; English must define every key (the typecheck says which one is missing).
 */
export const fr = {
  'signup.title': 'Rejoignez-nous',
  'signup.submit': 'Je m’inscris',
  'signup.consentsLegend': 'Comment pouvons-nous vous tenir informé·e ? (facultatif)',
  'signup.privacy':
    'Vos données servent uniquement à la campagne. Vous pouvez les consulter, les télécharger ou les supprimer à tout moment depuis votre espace.',
  'signup.successTitle': 'Vérifiez votre boîte mail',
  'signup.successText':
    'Nous venons de vous envoyer un e-mail. Cliquez sur le lien qu’il contient pour confirmer votre inscription.',
  'signup.sentTo':
    'Nous venons d’envoyer un e-mail à {email}. Cliquez sur le lien qu’il contient pour confirmer votre inscription.',
  'signup.resendIntro':
    'Rien reçu ? Regardez dans vos courriers indésirables, ou demandez un nouvel envoi (3 par jour au plus).',
  'signup.resend': 'Renvoyer l’e-mail',
  'signup.resent': 'E-mail renvoyé à {email} à {time}.',
  'signup.wrongAddress': 'Ce n’est pas la bonne adresse ? Inscrivez-vous à nouveau.',

  'confirm.title': 'Confirmation de votre inscription',
  'confirm.thanks': 'Merci ! Votre inscription est confirmée.',
  'confirm.thanksName': 'Merci {name} ! Votre inscription est confirmée.',
  'confirm.next':
    'Connectez-vous à votre espace pour obtenir votre lien de parrainage et gérer vos préférences.',
  'confirm.login': 'Me connecter',
  'confirm.inviteTitle': 'Invitez vos proches',
  'confirm.inviteText':
    'Partagez votre lien : chaque personne qui s’inscrit grâce à lui vous est attribuée.',
  'confirm.nextWithLink':
    'Connectez-vous à votre espace pour suivre vos recrues et gérer vos préférences.',
  'confirm.invalidTitle': 'Lien expiré ou invalide',
  'confirm.invalidText':
    'Ce lien de confirmation a expiré, a déjà servi ou est incomplet. Inscrivez-vous à nouveau pour recevoir un nouveau lien.',
  'confirm.signupAgain': 'Retour à l’inscription',
  'confirm.button': 'Confirmer mon inscription',
  'confirm.pending': 'Un dernier clic pour confirmer votre inscription :',

  'public.skip': 'Aller au contenu',
  'public.legalNav': 'Informations légales',
  'public.errorTitle': 'Erreur : {title}',
  'public.frenchOnly': 'Ce texte n’existe qu’en français.',

  'legal.notice': 'Mentions légales',
  'legal.privacy': 'Politique de confidentialité',

  'me.recruitLink': 'Mon lien personnel',
  'me.copyLink': 'Copier mon lien',
};

export const en: Record<keyof typeof fr, string> = {
  'signup.title': 'Join us',
  'signup.submit': 'Sign up',
  'signup.consentsLegend': 'How can we keep you informed? (optional)',
  'signup.privacy':
    'Your data is used only by the campaign. You can view, download or delete it at any time from your space.',
  'signup.successTitle': 'Check your inbox',
  'signup.successText':
    'We have just sent you an email. Click the link inside to confirm your sign-up.',
  'signup.sentTo':
    'We have just sent an email to {email}. Click the link in it to confirm your sign-up.',
  'signup.resendIntro':
    'Nothing arrived? Look in your spam folder, or ask for it again (at most 3 a day).',
  'signup.resend': 'Send the email again',
  'signup.resent': 'Email sent again to {email} at {time}.',
  'signup.wrongAddress': 'Not the right address? Sign up again.',

  'confirm.title': 'Confirming your sign-up',
  'confirm.thanks': 'Thank you! Your sign-up is confirmed.',
  'confirm.thanksName': 'Thank you {name}! Your sign-up is confirmed.',
  'confirm.next': 'Log in to your space to get your recruitment link and manage your preferences.',
  'confirm.login': 'Log in',
  'confirm.inviteTitle': 'Invite your friends and family',
  'confirm.inviteText': 'Share your link: everyone who signs up through it is credited to you.',
  'confirm.nextWithLink':
    'Log in to your space to follow your recruits and manage your preferences.',
  'confirm.invalidTitle': 'Expired or invalid link',
  'confirm.invalidText':
    'This confirmation link has expired, has already been used or is incomplete. Sign up again to get a new link.',
  'confirm.signupAgain': 'Back to sign-up',
  'confirm.button': 'Confirm my sign-up',
  'confirm.pending': 'One last click to confirm your sign-up:',

  'public.skip': 'Skip to content',
  'public.legalNav': 'Legal information',
  'public.errorTitle': 'Error: {title}',
  'public.frenchOnly': 'This text is only available in French.',

  'legal.notice': 'Legal notice',
  'legal.privacy': 'Privacy policy',

  'me.recruitLink': 'My personal link',
  'me.copyLink': 'Copy my link',
};
