/** The moderation feature's texts. */
export const fr = {
  'perm.moderation.act': 'Modérer : signalements, dépublication, suspensions',
  'audit.do.moderation.dismiss': 'Signalements classés sans suite',
  'audit.do.moderation.ask_fix': 'Correction demandée aux organisateurs',
  'audit.do.moderation.unpublish': 'Contenu dépublié',
  'audit.do.moderation.close': 'Contenu fermé',
  'audit.do.moderation.restore': 'Contenu republié',
  'audit.do.moderation.ban': 'Personne bannie',
  'audit.do.moderation.lift': 'Sanction levée',
  'audit.do.moderation.rules.update': 'Règles de récidive changées',
};

export const en: Record<keyof typeof fr, string> = {
  'perm.moderation.act': 'Moderate: reports, unpublishing, suspensions',
  'audit.do.moderation.dismiss': 'Reports dismissed',
  'audit.do.moderation.ask_fix': 'Fix asked of the organisers',
  'audit.do.moderation.unpublish': 'Content unpublished',
  'audit.do.moderation.close': 'Content closed',
  'audit.do.moderation.restore': 'Content published again',
  'audit.do.moderation.ban': 'Person banned',
  'audit.do.moderation.lift': 'Sanction lifted',
  'audit.do.moderation.rules.update': 'Repeat-offender rules changed',
};
