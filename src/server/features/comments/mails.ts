import type { Locale } from '../../../contracts/common.ts';
import { linkMail, mailTexts, type RenderedMail } from '../../core/mail/templates.ts';

const newFr = {
  subject: 'Nouveau commentaire : « {title} » — {campaign}',
  item: '{name} a commenté « {title} », que vous avez écrit.',
  reply: '{name} a répondu à votre commentaire sous « {title} ».',
  quote: '« {excerpt} »',
  stop: 'Pour ne plus recevoir ces messages, décochez la case en bas de la page des commentaires.',
  button: 'Lire',
};

const newEn: Record<keyof typeof newFr, string> = {
  subject: 'New comment: “{title}” — {campaign}',
  item: '{name} commented on “{title}”, which you wrote.',
  reply: '{name} replied to your comment under “{title}”.',
  quote: '“{excerpt}”',
  stop: 'To stop these messages, untick the box at the bottom of the comments page.',
  button: 'Read',
};

export const commentMailMessages = { commentNotice: { fr: newFr, en: newEn } };

/** What the author of an item, or of the comment answered, reads of a new comment. */
export function commentMail(
  locale: Locale,
  why: 'item' | 'reply',
  vars: { campaign: string; title: string; name: string; excerpt: string },
  url: string,
): RenderedMail {
  const t = mailTexts(commentMailMessages.commentNotice, locale, vars);
  return linkMail(
    { subject: t.subject, before: [t[why], t.quote], after: [t.stop], button: t.button },
    url,
  );
}
