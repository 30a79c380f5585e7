/** Opens and clicks of newsletters, measured only for recipients who agreed to that tracking. */
export const fr = {
  'newsletters.tracking.title': 'Ouvertures et clics',
  'newsletters.tracking.help':
    'Mesurés seulement parmi les destinataires qui l’ont accepté dans leur espace (désactivé par défaut) : les taux se lisent sur ces destinataires suivis, pas sur tous. Un clic compte aussi comme une ouverture (les images sont souvent bloquées).',
  'newsletters.tracking.none':
    'Aucun destinataire de cette lettre n’a accepté la mesure des ouvertures et des clics.',
  'newsletters.tracking.tracked': 'Destinataires suivis',
  'newsletters.tracking.opened': 'Ont ouvert',
  'newsletters.tracking.clicked': 'Ont cliqué',
  'newsletters.tracking.rate': '{count} ({rate})',
  'newsletters.tracking.links': 'Clics par lien',
  'newsletters.tracking.link': 'Lien',
  'newsletters.tracking.linkClicks': 'Clics',
  'newsletters.tracking.person': 'Lettres d’information ouvertes',
  'newsletters.tracking.personHelp':
    'Visible seulement tant que la personne accepte la mesure des ouvertures et des clics.',
  'newsletters.tracking.personNoConsent':
    'Cette personne n’a pas accepté la mesure des ouvertures et des clics des lettres : rien n’est montré.',
  'newsletters.tracking.personSummary': 'Lettres suivies : {tracked} ; ouvertes : {opened}.',
  'newsletters.tracking.personLine': 'Ouverte le {date} · ouvertures : {opens}',
  'newsletters.tracking.personClicks': 'Clics : {clicks}, le premier le {date}',
  'newsletters.tracking.personLabel': 'Lettres ouvertes par cette personne',
};

export const en: Record<keyof typeof fr, string> = {
  'newsletters.tracking.title': 'Opens and clicks',
  'newsletters.tracking.help':
    'Measured only among the recipients who agreed to it in their space (off by default): the rates are read on these tracked recipients, not on all. A click also counts as an open (images are often blocked).',
  'newsletters.tracking.none':
    'No recipient of this newsletter agreed to the measure of opens and clicks.',
  'newsletters.tracking.tracked': 'Tracked recipients',
  'newsletters.tracking.opened': 'Opened',
  'newsletters.tracking.clicked': 'Clicked',
  'newsletters.tracking.rate': '{count} ({rate})',
  'newsletters.tracking.links': 'Clicks per link',
  'newsletters.tracking.link': 'Link',
  'newsletters.tracking.linkClicks': 'Clicks',
  'newsletters.tracking.person': 'Newsletters opened',
  'newsletters.tracking.personHelp':
    'Shown only while the person agrees to the measure of opens and clicks.',
  'newsletters.tracking.personNoConsent':
    'This person has not agreed to the measure of newsletter opens and clicks: nothing is shown.',
  'newsletters.tracking.personSummary': 'Tracked newsletters: {tracked}; opened: {opened}.',
  'newsletters.tracking.personLine': 'Opened on {date} · opens: {opens}',
  'newsletters.tracking.personClicks': 'Clicks: {clicks}, the first on {date}',
  'newsletters.tracking.personLabel': 'Newsletters this person opened',
};
