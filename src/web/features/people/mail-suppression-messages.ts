/**
 * The texts of a person's mail delivery (the suppression list) on their page.
 * French first; English must define every key (the typecheck says which one is missing).
 */
export const fr = {
  'audit.do.mail.suppression_lift': 'Blocage d’une adresse e-mail levé',
  'mailSuppression.title': 'Réception des e-mails',
  'mailSuppression.receives': 'Son adresse reçoit les e-mails de la campagne.',
  'mailSuppression.blocked': 'Adresse bloquée depuis le {date}',
  'mailSuppression.why.hard_bounce':
    'Les e-mails envoyés à cette adresse reviennent : elle n’existe pas (rebond définitif). Plus aucun e-mail ne lui est envoyé, pas même un code de connexion.',
  'mailSuppression.why.soft_bounces':
    'Trois e-mails à cette adresse sont revenus en 30 jours (boîte pleine, serveur qui refuse). Plus aucun e-mail ne lui est envoyé, pas même un code de connexion.',
  'mailSuppression.why.complaint':
    'La personne a signalé un e-mail de la campagne comme indésirable. Plus aucun e-mail de campagne ne lui est envoyé (les codes de connexion et les reçus partent encore), et son consentement aux e-mails a été retiré.',
  'mailSuppression.why.unsubscribed':
    'Une personne effacée ou purgée avec cette adresse avait retiré son consentement aux e-mails : son refus est gardé (sous forme d’empreinte de l’adresse). Plus aucun e-mail de campagne ne lui est envoyé (les codes de connexion et les reçus partent encore).',
  'mailSuppression.lastReport': 'Dernier signalement, le {date} ({source}) : {kind}',
  'mailSuppression.kind.hard_bounce': 'rebond définitif',
  'mailSuppression.kind.soft_bounce': 'rebond temporaire',
  'mailSuppression.kind.complaint': 'signalé comme indésirable',
  'mailSuppression.source.smtp': 'avis de non-remise',
  'mailSuppression.source.mailgun': 'Mailgun',
  'mailSuppression.source.sendgrid': 'SendGrid',
  'mailSuppression.complaintConsent':
    'Lever le blocage ne rend pas le consentement aux e-mails retiré par le signalement : la personne ne recevra de nouveau des e-mails de campagne qu’une fois son consentement enregistré.',
  'mailSuppression.lift': 'Lever le blocage',
  'mailSuppression.liftTitle': 'Lever le blocage de l’adresse',
  'mailSuppression.liftText':
    'Les e-mails partiront de nouveau vers {address}. Si elle revient encore, l’adresse sera de nouveau bloquée.',
  'mailSuppression.liftReason': 'Raison',
  'mailSuppression.reason.mailbox_fixed': 'La personne a réparé sa boîte aux lettres',
  'mailSuppression.reason.person_asked': 'La personne demande à recevoir de nouveau les e-mails',
  'mailSuppression.reason.report_mistaken':
    'Le signalement était une erreur : l’adresse fonctionne',
  'mailSuppression.lifted': 'Blocage levé.',
};

export const en: Record<keyof typeof fr, string> = {
  'audit.do.mail.suppression_lift': 'Block on an email address lifted',
  'mailSuppression.title': 'Email delivery',
  'mailSuppression.receives': 'Their address receives the campaign’s email.',
  'mailSuppression.blocked': 'Address blocked since {date}',
  'mailSuppression.why.hard_bounce':
    'Email sent to this address comes back: it does not exist (hard bounce). No email goes to it any more, not even a login code.',
  'mailSuppression.why.soft_bounces':
    'Three emails to this address came back within 30 days (mailbox full, server refusing). No email goes to it any more, not even a login code.',
  'mailSuppression.why.complaint':
    'The person marked an email of the campaign as spam. No campaign email goes to them any more (login codes and receipts still do), and their consent to email was withdrawn.',
  'mailSuppression.why.unsubscribed':
    'A person erased or purged with this address had withdrawn their consent to email: their refusal is kept (as a keyed hash of the address). No campaign email goes to it any more (login codes and receipts still do).',
  'mailSuppression.lastReport': 'Last report, {date} ({source}): {kind}',
  'mailSuppression.kind.hard_bounce': 'hard bounce',
  'mailSuppression.kind.soft_bounce': 'soft bounce',
  'mailSuppression.kind.complaint': 'marked as spam',
  'mailSuppression.source.smtp': 'delivery status notification',
  'mailSuppression.source.mailgun': 'Mailgun',
  'mailSuppression.source.sendgrid': 'SendGrid',
  'mailSuppression.complaintConsent':
    'Lifting the block does not give back the consent to email the complaint withdrew: the person gets campaign email again only once their consent is recorded.',
  'mailSuppression.lift': 'Lift the block',
  'mailSuppression.liftTitle': 'Lift the block on the address',
  'mailSuppression.liftText':
    'Email will go to {address} again. If it comes back again, the address will be blocked again.',
  'mailSuppression.liftReason': 'Reason',
  'mailSuppression.reason.mailbox_fixed': 'The person fixed their mailbox',
  'mailSuppression.reason.person_asked': 'The person asks to receive email again',
  'mailSuppression.reason.report_mistaken': 'The report was a mistake: the address works',
  'mailSuppression.lifted': 'Block lifted.',
};
