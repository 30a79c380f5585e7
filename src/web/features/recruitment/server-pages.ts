/**
 * The public pages the server draws that a link or a redirect inside this app can reach (a
 * login's `next` among them): the router hands these addresses to `ServerPage`, which loads
 * them for real. An address missing here shows the app's "page not found" instead. The home
 * page is the router's index route.
 */
export const serverPagePaths = [
  '/embed/signup',
  '/confirm',
  '/committees',
  '/report',
  '/committees/:id',
  '/events',
  '/events/:id',
  '/mentions-legales',
  '/confidentialite',
  // The articles, each article and its comments (whose login link comes back to them).
  '/articles/*',
] as const;
