import type { Locale } from '../../../../contracts/common.ts';

/** The texts of the public comments page. French first; English defines every key. */
export const fr = {
  'commentsPage.title': 'Commentaires : {title}',
  'commentsPage.back': 'Revenir à l’article',
  'commentsPage.none': 'Pas encore de commentaire.',
  'commentsPage.more': 'Commentaires suivants',
  'commentsPage.first': 'Revenir aux premiers commentaires',
  'commentsPage.closed': 'Les commentaires sont fermés : on peut les lire, plus en ajouter.',
  'commentsPage.closesAt': 'Commentaires ouverts jusqu’au {date}.',
  'commentsPage.login': 'Connectez-vous pour commenter',
  'commentsPage.yourComment': 'Votre commentaire',
  'commentsPage.yourReply': 'Votre réponse',
  'commentsPage.send': 'Publier',
  'commentsPage.reply': 'Répondre',
  'commentsPage.posted': 'Votre commentaire est publié.',
  'commentsPage.held': 'Votre commentaire attend la relecture d’un modérateur.',
  'commentsPage.notify': 'Me prévenir par e-mail des réponses et des commentaires sur mes articles',
  'commentsPage.saveNotify': 'Enregistrer',
  'commentsPage.notifySaved': 'Votre choix est enregistré.',
  'commentsPage.csrf': 'La page a expiré : vérifiez votre texte et envoyez-le de nouveau.',
  'commentsPage.required': 'Écrivez un commentaire.',
  'commentsPage.tooLong': 'Au plus 2 000 caractères.',
  'commentsPage.error.comment_not_allowed':
    'Confirmez votre adresse e-mail (le lien de notre message) avant de commenter.',
  'commentsPage.error.posting_suspended':
    'Les modérateurs ont suspendu votre droit de publier jusqu’au {until}.',
  'commentsPage.error.posting_banned': 'Les modérateurs vous ont retiré le droit de publier.',
  'commentsPage.error.comment_rate_limited':
    'Vous avez publié beaucoup de commentaires en une heure : réessayez plus tard.',
  'commentsPage.error.reply_too_deep':
    'Répondez au commentaire sous lequel se trouve cette réponse.',
  'commentsPage.error.not_found': 'Ce commentaire n’est plus visible.',
  'commentsPage.error.not_author': 'Seul son auteur peut modifier ou supprimer ce commentaire.',
  'commentsPage.error.edit_window_over':
    'Un commentaire se modifie dans les 15 minutes qui suivent sa publication.',
  'commentsPage.error.comment_hidden':
    'Un modérateur a masqué ce commentaire : il ne peut plus être modifié.',
  'commentsPage.error.comment_held':
    'Ce commentaire attend la relecture d’un modérateur : il ne peut pas être modifié.',
  'commentsPage.edited': 'modifié',
  'commentsPage.withdrawn': 'Commentaire supprimé par son auteur.',
  'commentsPage.edit': 'Modifier',
  'commentsPage.editLabel': 'Votre commentaire modifié',
  'commentsPage.editUntil': 'Modifiable jusqu’au {date}.',
  'commentsPage.saveEdit': 'Enregistrer la modification',
  'commentsPage.delete': 'Supprimer',
  'commentsPage.deleteAsk':
    'Supprimer ce commentaire ? Les réponses restent, sous la mention « supprimé par son auteur ».',
  'commentsPage.deleteConfirm': 'Supprimer mon commentaire',
  'commentsPage.editSaved': 'Votre commentaire est modifié.',
  'commentsPage.editHeld':
    'Votre commentaire modifié attend la relecture d’un modérateur avant de réapparaître.',
  'commentsPage.deleted': 'Votre commentaire est supprimé.',
  'commentsPage.typed': 'Le texte que vous aviez écrit',
};

export const en: Record<keyof typeof fr, string> = {
  'commentsPage.title': 'Comments: {title}',
  'commentsPage.back': 'Back to the article',
  'commentsPage.none': 'No comment yet.',
  'commentsPage.more': 'Next comments',
  'commentsPage.first': 'Back to the first comments',
  'commentsPage.closed': 'Comments are closed: they can be read, no more added.',
  'commentsPage.closesAt': 'Comments open until {date}.',
  'commentsPage.login': 'Log in to comment',
  'commentsPage.yourComment': 'Your comment',
  'commentsPage.yourReply': 'Your reply',
  'commentsPage.send': 'Post',
  'commentsPage.reply': 'Reply',
  'commentsPage.posted': 'Your comment is posted.',
  'commentsPage.held': 'Your comment waits for a moderator to read it.',
  'commentsPage.notify': 'Mail me about replies and comments on my articles',
  'commentsPage.saveNotify': 'Save',
  'commentsPage.notifySaved': 'Your choice is saved.',
  'commentsPage.csrf': 'The page expired: check your text and send it again.',
  'commentsPage.required': 'Write a comment.',
  'commentsPage.tooLong': 'At most 2,000 characters.',
  'commentsPage.error.comment_not_allowed':
    'Confirm your email address (the link in our mail) before commenting.',
  'commentsPage.error.posting_suspended':
    'The moderators have suspended your right to post until {until}.',
  'commentsPage.error.posting_banned': 'The moderators have withdrawn your right to post.',
  'commentsPage.error.comment_rate_limited':
    'You posted many comments within an hour: try again later.',
  'commentsPage.error.reply_too_deep': 'Answer the comment this reply is under.',
  'commentsPage.error.not_found': 'This comment is no longer visible.',
  'commentsPage.error.not_author': 'Only its author may edit or delete this comment.',
  'commentsPage.error.edit_window_over': 'A comment can be edited within 15 minutes of posting it.',
  'commentsPage.error.comment_hidden': 'A moderator hid this comment: it can no longer be edited.',
  'commentsPage.error.comment_held':
    'This comment waits for a moderator to read it: it cannot be edited.',
  'commentsPage.edited': 'edited',
  'commentsPage.withdrawn': 'Comment deleted by its author.',
  'commentsPage.edit': 'Edit',
  'commentsPage.editLabel': 'Your edited comment',
  'commentsPage.editUntil': 'Can be edited until {date}.',
  'commentsPage.saveEdit': 'Save the edit',
  'commentsPage.delete': 'Delete',
  'commentsPage.deleteAsk':
    'Delete this comment? Replies stay, under the words “deleted by its author”.',
  'commentsPage.deleteConfirm': 'Delete my comment',
  'commentsPage.editSaved': 'Your comment is edited.',
  'commentsPage.editHeld': 'Your edited comment waits for a moderator before it shows again.',
  'commentsPage.deleted': 'Your comment is deleted.',
  'commentsPage.typed': 'The text you had written',
};

export type CommentsPageKey = keyof typeof fr;
const dictionaries: Record<Locale, Record<CommentsPageKey, string>> = { fr, en };

/** A comments page's message in its language, `{name}` replaced (plain text, unescaped). */
export function ct(locale: Locale, key: CommentsPageKey, vars: Record<string, string> = {}) {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? vars[name] : whole,
  );
}
