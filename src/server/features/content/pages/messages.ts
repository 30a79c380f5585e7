import type { Locale } from '../../../../contracts/common.ts';

/**
 * The texts of the public article pages the server draws. French first; English must define
 * every key (the typecheck says which one is missing).
 */
export const fr = {
  'articlePage.nav': 'Articles',
  'articlePage.listTitle': 'Articles',
  'articlePage.listDescription': 'Les articles, argumentaires et ripostes de la campagne.',
  'articlePage.taggedTitle': 'Articles : {tag}',
  'articlePage.none': 'Aucun article publié pour l’instant.',
  'articlePage.noneTagged': 'Aucun article publié avec ce mot-clé.',
  'articlePage.allArticles': 'Tous les articles',
  'articlePage.newer': 'Plus récents',
  'articlePage.older': 'Plus anciens',
  'articlePage.pages': 'Pages',
  'articlePage.tags': 'Mots-clés',
  'articlePage.publishedOn': 'Publié le {date}',
  'articlePage.kind.article': 'Article',
  'articlePage.kind.talking_point': 'Argumentaire',
  'articlePage.kind.rebuttal': 'Riposte',
  'articlePage.shareTitle': 'Partager',
  'articlePage.shareOn': 'Partager sur {network}',
  'articlePage.shareByEmail': 'Envoyer par e-mail',
  'articlePage.comments': 'Lire les commentaires et commenter',
  'articlePage.myLinkTitle': 'Votre lien de partage',
  'articlePage.myLinkText':
    'Partagez ce lien : les visites, inscriptions et dons qu’il amène vous sont comptés dans votre espace.',
  'articlePage.myLink': 'Votre lien',
  'articlePage.join': 'Rejoindre la campagne',
  'articlePage.feed': 'Flux Atom des articles',
  'articlePage.notFoundTitle': 'Article introuvable',
  'articlePage.notFoundText': 'Cet article n’existe pas ou n’est pas publié.',
};

export const en: Record<keyof typeof fr, string> = {
  'articlePage.nav': 'Articles',
  'articlePage.listTitle': 'Articles',
  'articlePage.listDescription': 'The campaign’s articles, talking points and rebuttals.',
  'articlePage.taggedTitle': 'Articles: {tag}',
  'articlePage.none': 'No article published yet.',
  'articlePage.noneTagged': 'No article published with this tag.',
  'articlePage.allArticles': 'All articles',
  'articlePage.newer': 'Newer',
  'articlePage.older': 'Older',
  'articlePage.pages': 'Pages',
  'articlePage.tags': 'Tags',
  'articlePage.publishedOn': 'Published on {date}',
  'articlePage.kind.article': 'Article',
  'articlePage.kind.talking_point': 'Talking point',
  'articlePage.kind.rebuttal': 'Rebuttal',
  'articlePage.shareTitle': 'Share',
  'articlePage.shareOn': 'Share on {network}',
  'articlePage.shareByEmail': 'Send by email',
  'articlePage.comments': 'Read the comments and comment',
  'articlePage.myLinkTitle': 'Your share link',
  'articlePage.myLinkText':
    'Share this link: the visits, sign-ups and gifts it brings are counted for you in your space.',
  'articlePage.myLink': 'Your link',
  'articlePage.join': 'Join the campaign',
  'articlePage.feed': 'Atom feed of the articles',
  'articlePage.notFoundTitle': 'Article not found',
  'articlePage.notFoundText': 'This article does not exist or is not published.',
};

export type ArticlePageKey = keyof typeof fr;
const dictionaries: Record<Locale, Record<ArticlePageKey, string>> = { fr, en };

/** An article page's message in its language, `{name}` replaced (plain text, unescaped). */
export function ct(locale: Locale, key: ArticlePageKey, vars: Record<string, string> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? vars[name] : whole,
  );
}

export const contentPageMessages = { articlePage: { fr, en } };
