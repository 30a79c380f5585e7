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
.comment .edited{font-style:italic}
.comment.withdrawn>.text{color:#57606a;font-style:italic}
.own-actions{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:flex-start;font-size:.875rem}
.own-actions details[open]{flex-basis:100%}
.own-actions form{display:grid;gap:.5rem;margin-top:.35rem}
.own-actions .delete{color:#fff;background:#b3261e;border-color:#b3261e}
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
  /**
   * What was typed, when a post was refused: a new comment or a reply (`parentId`), or the
   * edit of one's comment (`editId`).
   */
  draft: { body: string; parentId: number | null; editId?: number | null };
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
  const typed =
    view.draft.parentId === parentId && (view.draft.editId ?? null) === null ? view.draft.body : '';
  return `<form class="comment-form" method="post" action="${escapeHtml(commentsPath(view.slug))}">
<input type="hidden" name="${FORM_CSRF_FIELD}" value="${escapeHtml(view.csrfToken ?? '')}">
<input type="hidden" name="locale" value="${locale}">
${parentId === null ? '' : `<input type="hidden" name="parentId" value="${parentId}">`}
<label for="${field}">${escapeHtml(label)}</label>
<textarea id="${field}" name="body" rows="3" maxlength="${COMMENT_MAX}" required>${escapeHtml(typed)}</textarea>
<div><button type="submit" class="primary">${escapeHtml(ct(locale, 'commentsPage.send'))}</button></div>
</form>`;
}

type OneComment = CommentsPage['items'][number]['replies'][number];

/** The hidden fields of a form acting for the logged-in person on this page. */
function formFields(view: CommentsView): string {
  return `<input type="hidden" name="${FORM_CSRF_FIELD}" value="${escapeHtml(view.csrfToken ?? '')}">
<input type="hidden" name="locale" value="${view.locale}">
${view.after === undefined ? '' : `<input type="hidden" name="after" value="${view.after}">`}`;
}

/**
 * The author's own actions on their comment, plain forms in `<details>` (no script needed):
 * edit while `editableUntil` allows, and delete, asked once more before it goes.
 */
function ownActions(view: CommentsView, comment: OneComment): string {
  if (!comment.mine || view.csrfToken === null) return '';
  const { locale } = view;
  const path = `${commentsPath(view.slug)}/${comment.id}`;
  const field = `edit-body-${comment.id}`;
  const editing = view.draft.editId === comment.id;
  const edit =
    comment.editableUntil === null
      ? ''
      : `<details${editing ? ' open' : ''}><summary>${escapeHtml(ct(locale, 'commentsPage.edit'))}</summary>
<form method="post" action="${escapeHtml(`${path}/edit`)}">
${formFields(view)}
<label for="${field}">${escapeHtml(ct(locale, 'commentsPage.editLabel'))}</label>
<textarea id="${field}" name="body" rows="3" maxlength="${COMMENT_MAX}" required aria-describedby="${field}-hint">${escapeHtml(editing ? view.draft.body : comment.body)}</textarea>
<p class="hint" id="${field}-hint">${escapeHtml(ct(locale, 'commentsPage.editUntil', { date: date(view, comment.editableUntil) }))}</p>
<div><button type="submit" class="primary">${escapeHtml(ct(locale, 'commentsPage.saveEdit'))}</button></div>
</form></details>`;
  const remove = `<details><summary>${escapeHtml(ct(locale, 'commentsPage.delete'))}</summary>
<form method="post" action="${escapeHtml(`${path}/delete`)}">
${formFields(view)}
<p>${escapeHtml(ct(locale, 'commentsPage.deleteAsk'))}</p>
<div><button type="submit" class="delete">${escapeHtml(ct(locale, 'commentsPage.deleteConfirm'))}</button></div>
</form></details>`;
  return `<div class="own-actions">${edit}${remove}</div>`;
}

function one(view: CommentsView, comment: OneComment, inner = ''): string {
  if (comment.deleted) {
    return `<article class="comment withdrawn" id="comment-${comment.id}">
<p class="text">${escapeHtml(ct(view.locale, 'commentsPage.withdrawn'))}</p>
${inner}</article>`;
  }
  const edited = comment.edited
    ? ` · <span class="edited">${escapeHtml(ct(view.locale, 'commentsPage.edited'))}</span>`
    : '';
  return `<article class="comment" id="comment-${comment.id}">
<p class="who">${escapeHtml(comment.authorName)}</p>
<p class="when"><time datetime="${comment.at}">${escapeHtml(date(view, comment.at))}</time>${edited}</p>
<p class="text">${escapeHtml(comment.body)}</p>
${comment.mine ? ownActions(view, comment) : reportLink(view.locale, 'content_comment', comment.id)}
${inner}</article>`;
}

/**
 * An edit refused where its form no longer shows (the window passed, the comment hidden): what
 * was typed, to copy, so nothing is lost.
 */
function typedAside(view: CommentsView): string {
  const editId = view.draft.editId ?? null;
  if (editId === null || view.draft.body === '') return '';
  const editable = view.page.items
    .flatMap((comment) => [comment, ...comment.replies])
    .some((comment) => comment.id === editId && comment.mine && comment.editableUntil !== null);
  if (editable) return '';
  return `<div class="comment-form">
<label for="typed-body">${escapeHtml(ct(view.locale, 'commentsPage.typed'))}</label>
<textarea id="typed-body" rows="3" readonly>${escapeHtml(view.draft.body)}</textarea>
</div>`;
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
      const replyForm =
        mayWrite && !comment.deleted
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
${typedAside(view)}
${state}
${first}
${items || `<p>${escapeHtml(ct(locale, 'commentsPage.none'))}</p>`}
${more}
${write}
${notify}
</div>`;
}
