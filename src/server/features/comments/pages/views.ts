import { COMMENT_MAX, type CommentsPage } from '../../../../contracts/comments.ts';
import { FORM_CSRF_FIELD } from '../../../core/http/csrf.ts';
import { reportLink } from '../../moderation/pages/views.ts';
import type { Locale } from '../../recruitment/pages/i18n.ts';
import { escapeHtml } from '../../recruitment/pages/text.ts';
import { ct } from './messages.ts';

export const commentsPath = (slug: string) => `/articles/${slug}/comments`;

export const commentsStyle = `<style>
.comments{display:grid;gap:1rem;max-width:42rem}
.comment{border-left:3px solid #d0d7de;padding:.25rem 0 .25rem .75rem;overflow-wrap:anywhere}
.comment .who{font-weight:600;margin:0}
.comment .when{color:#57606a;font-size:.875rem;margin:0}
.comment .text{white-space:pre-wrap;margin:.35rem 0}
.replies{display:grid;gap:.75rem;margin:.5rem 0 0 .75rem}
.comment-form{display:grid;gap:.5rem}
.comment-form textarea{width:100%;min-height:5rem;padding:.45rem .65rem;font:inherit;color:inherit;background:#fff;border:1px solid #8c959f;border-radius:var(--radius);resize:vertical}
.report-link{margin:0;font-size:.875rem}
</style>`;

export interface CommentsView {
  locale: Locale;
  /** The campaign's time zone, in which dates are shown. */
  timeZone: string;
  slug: string;
  title: string;
  page: CommentsPage;
  after: number | undefined;
  /** Null: a visitor, who is asked to log in. */
  csrfToken: string | null;
  notify: boolean | null;
  notice: string | null;
  error: string | null;
  /** What was typed, when a post was refused. */
  draft: { body: string; parentId: number | null };
}

// One formatter per language and time zone, made once: `toLocaleString` with options builds
// a new one on every call, which was most of a page's time (a date per comment).
const formatters = new Map<string, Intl.DateTimeFormat>();
function date(view: Pick<CommentsView, 'locale' | 'timeZone'>, iso: string): string {
  const key = `${view.locale} ${view.timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(view.locale === 'en' ? 'en-GB' : 'fr-FR', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: view.timeZone,
    });
    formatters.set(key, format);
  }
  return format.format(new Date(iso));
}

function form(view: CommentsView, parentId: number | null): string {
  const { locale } = view;
  const field = parentId === null ? 'comment-body' : `reply-body-${parentId}`;
  const label = ct(
    locale,
    parentId === null ? 'commentsPage.yourComment' : 'commentsPage.yourReply',
  );
  const typed = view.draft.parentId === parentId ? view.draft.body : '';
  return `<form class="comment-form" method="post" action="${escapeHtml(commentsPath(view.slug))}">
<input type="hidden" name="${FORM_CSRF_FIELD}" value="${escapeHtml(view.csrfToken ?? '')}">
<input type="hidden" name="locale" value="${locale}">
${parentId === null ? '' : `<input type="hidden" name="parentId" value="${parentId}">`}
<label for="${field}">${escapeHtml(label)}</label>
<textarea id="${field}" name="body" rows="3" maxlength="${COMMENT_MAX}" required>${escapeHtml(typed)}</textarea>
<div><button type="submit" class="primary">${escapeHtml(ct(locale, 'commentsPage.send'))}</button></div>
</form>`;
}

function one(
  view: CommentsView,
  comment: CommentsPage['items'][number]['replies'][number],
  inner = '',
): string {
  return `<article class="comment" id="comment-${comment.id}">
<p class="who">${escapeHtml(comment.authorName)}</p>
<p class="when"><time datetime="${comment.at}">${escapeHtml(date(view, comment.at))}</time></p>
<p class="text">${escapeHtml(comment.body)}</p>
${reportLink(view.locale, 'content_comment', comment.id)}
${inner}</article>`;
}

/**
 * The thread: each top-level comment with its replies (and a reply form for a logged-in
 * person while open), the form for a new comment, a "more" link to the next page by cursor.
 * Every text is escaped: markup in a comment shows as typed and never runs.
 */
export function commentsBody(view: CommentsView): string {
  const { locale, page } = view;
  const mayWrite = page.open && view.csrfToken !== null;
  const lang = locale === 'en' ? '&lang=en' : '';
  const items = page.items
    .map((comment) => {
      const replies = comment.replies.map((reply) => one(view, reply)).join('\n');
      const replyForm = mayWrite
        ? `<details><summary>${escapeHtml(ct(locale, 'commentsPage.reply'))}</summary>${form(view, comment.id)}</details>`
        : '';
      return one(view, comment, `<div class="replies">${replies}${replyForm}</div>`);
    })
    .join('\n');
  const state = page.open
    ? `<p>${escapeHtml(ct(locale, 'commentsPage.closesAt', { date: date(view, page.closesAt) }))}</p>`
    : `<div class="alert info" role="status">${escapeHtml(ct(locale, 'commentsPage.closed'))}</div>`;
  const write = !page.open
    ? ''
    : view.csrfToken === null
      ? `<p><a class="button primary" href="/login?next=${encodeURIComponent(commentsPath(view.slug))}">${escapeHtml(ct(locale, 'commentsPage.login'))}</a></p>`
      : form(view, null);
  const notify =
    view.notify === null || view.csrfToken === null
      ? ''
      : `<form method="post" action="${escapeHtml(commentsPath(view.slug))}/notifications">
<input type="hidden" name="${FORM_CSRF_FIELD}" value="${escapeHtml(view.csrfToken)}">
<input type="hidden" name="locale" value="${locale}">
<label class="check"><input type="checkbox" name="notify" value="1"${view.notify ? ' checked' : ''}> ${escapeHtml(ct(locale, 'commentsPage.notify'))}</label>
<button type="submit" class="secondary">${escapeHtml(ct(locale, 'commentsPage.saveNotify'))}</button>
</form>`;
  const more =
    page.next === null
      ? ''
      : `<p><a href="${escapeHtml(`${commentsPath(view.slug)}?after=${page.next}${lang}`)}" rel="next">${escapeHtml(ct(locale, 'commentsPage.more'))}</a></p>`;
  const first =
    view.after === undefined
      ? ''
      : `<p><a href="${escapeHtml(`${commentsPath(view.slug)}${lang ? '?lang=en' : ''}`)}">${escapeHtml(ct(locale, 'commentsPage.first'))}</a></p>`;
  return `<div class="narrow comments">
<p><a href="${escapeHtml(`/articles/${view.slug}`)}">${escapeHtml(ct(locale, 'commentsPage.back'))}</a></p>
<h1>${escapeHtml(ct(locale, 'commentsPage.title', { title: view.title }))}</h1>
${view.notice ? `<div class="alert success" role="status">${escapeHtml(view.notice)}</div>` : ''}
${view.error ? `<div class="alert error" role="alert">${escapeHtml(view.error)}</div>` : ''}
${state}
${first}
${items || `<p>${escapeHtml(ct(locale, 'commentsPage.none'))}</p>`}
${more}
${write}
${notify}
</div>`;
}
