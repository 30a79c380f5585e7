import {
  reportReasonSchema,
  type ModerationTargetKind,
  type ReportReason,
} from '../../../../contracts/moderation.ts';
import { FORM_CSRF_FIELD } from '../../../core/http/csrf.ts';
import type { Locale } from '../../recruitment/pages/i18n.ts';
import { escapeHtml } from '../../recruitment/pages/text.ts';
import { rt, type ReportPageKey } from './messages.ts';

/** The longest text a report keeps (the contract's limit). */
export const REPORT_TEXT_MAX = 2_000;

/** Where the public reports a target: one form for every kind of content. */
export const reportPath = (kind: ModerationTargetKind, id: number) =>
  `/report?kind=${kind}&id=${id}`;
export const REPORT_SENT_PATH = '/report/sent';

const linkKeys: Record<ModerationTargetKind, ReportPageKey> = {
  committee: 'reportPage.link.committee',
  event: 'reportPage.link.event',
  committee_message: 'reportPage.link.committee_message',
  committee_post: 'reportPage.link.committee_post',
  committee_comment: 'reportPage.link.committee_comment',
  content_comment: 'reportPage.link.content_comment',
};
const titleKeys: Record<ModerationTargetKind, ReportPageKey> = {
  committee: 'reportPage.title.committee',
  event: 'reportPage.title.event',
  committee_message: 'reportPage.title.committee_message',
  committee_post: 'reportPage.title.committee_post',
  committee_comment: 'reportPage.title.committee_comment',
  content_comment: 'reportPage.title.content_comment',
};
const reasonKeys: Record<ReportReason, ReportPageKey> = {
  spam: 'reportPage.reason.spam',
  hate: 'reportPage.reason.hate',
  harassment: 'reportPage.reason.harassment',
  misinformation: 'reportPage.reason.misinformation',
  illegal: 'reportPage.reason.illegal',
  impersonation: 'reportPage.reason.impersonation',
  other: 'reportPage.reason.other',
};

export const reportTitle = (locale: Locale, kind: ModerationTargetKind) =>
  rt(locale, titleKeys[kind]);

/** The link a public page puts under what it shows, to report it. */
export function reportLink(locale: Locale, kind: ModerationTargetKind, id: number): string {
  const href = escapeHtml(`${reportPath(kind, id)}${locale === 'en' ? '&lang=en' : ''}`);
  return `<p class="report-link"><a href="${href}" rel="nofollow">${escapeHtml(rt(locale, linkKeys[kind]))}</a></p>`;
}

/** The report pages' own few rules; the rest is the public pages' style sheet. */
export const reportStyle = `<meta name="robots" content="noindex">
<style>
.report-form{display:grid;gap:1rem;max-width:36rem}
.report-form fieldset{border:0;margin:0;padding:0;display:grid;gap:.45rem}
.report-form textarea{width:100%;min-height:8rem;padding:.45rem .65rem;font:inherit;color:inherit;background:#fff;border:1px solid #8c959f;border-radius:var(--radius);resize:vertical}
.report-form textarea[aria-invalid='true']{border-color:var(--danger);border-width:2px}
.report-actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}
.report-about{font-weight:600;overflow-wrap:anywhere}
</style>`;

export interface ReportFormView {
  locale: Locale;
  kind: ModerationTargetKind;
  id: number;
  title: string;
  /** Where "go back" leads: the target's page. */
  backHref: string;
  csrfToken: string;
  values: { reason: string; text: string };
  errors: { reason?: string; text?: string };
  /** What went wrong with the whole form (a stale token, too many reports). */
  formError: string | null;
}

/** The form: why (one of the reasons), and words, sent as a plain form post. */
export function reportFormBody(view: ReportFormView): string {
  const { locale, errors } = view;
  const reasonError = errors.reason
    ? `<p class="field-error" id="report-reason-error">${escapeHtml(errors.reason)}</p>`
    : '';
  const radios = reportReasonSchema.options
    .map(
      (reason) =>
        `<label class="check"><input type="radio" name="reason" value="${reason}" required${view.values.reason === reason ? ' checked' : ''}${errors.reason ? ' aria-invalid="true"' : ''}> ${escapeHtml(rt(locale, reasonKeys[reason]))}</label>`,
    )
    .join('\n');
  const textDescribedBy = ['report-text-hint', ...(errors.text ? ['report-text-error'] : [])];
  const formError = view.formError
    ? `<div class="alert error" role="alert">${escapeHtml(view.formError)}</div>`
    : '';
  return `<div class="narrow">
<h1>${escapeHtml(reportTitle(locale, view.kind))}</h1>
<p class="report-about">${escapeHtml(rt(locale, 'reportPage.about', { title: view.title }))}</p>
<p>${escapeHtml(rt(locale, 'reportPage.intro'))}</p>
${formError}<form class="report-form" method="post" action="/report" novalidate>
<input type="hidden" name="${FORM_CSRF_FIELD}" value="${escapeHtml(view.csrfToken)}">
<input type="hidden" name="locale" value="${locale}">
<input type="hidden" name="kind" value="${view.kind}">
<input type="hidden" name="id" value="${view.id}">
<fieldset${errors.reason ? ' aria-describedby="report-reason-error"' : ''}>
<legend>${escapeHtml(rt(locale, 'reportPage.reason'))}</legend>
${reasonError}
${radios}
</fieldset>
<div class="field">
<label for="report-text">${escapeHtml(rt(locale, 'reportPage.text'))}</label>
<p class="hint" id="report-text-hint">${escapeHtml(rt(locale, 'reportPage.textHint'))}</p>
<textarea id="report-text" name="text" rows="6" maxlength="${REPORT_TEXT_MAX}" aria-describedby="${textDescribedBy.join(' ')}"${errors.text ? ' aria-invalid="true"' : ''}>${escapeHtml(view.values.text)}</textarea>
${errors.text ? `<p class="field-error" id="report-text-error">${escapeHtml(errors.text)}</p>` : ''}
</div>
<div class="report-actions">
<button type="submit" class="primary">${escapeHtml(rt(locale, 'reportPage.send'))}</button>
<a href="${escapeHtml(view.backHref)}">${escapeHtml(rt(locale, 'reportPage.cancel'))}</a>
</div>
</form>
</div>`;
}

/** The thanks once a report is in, and the way back. */
export function reportSentBody(locale: Locale, backHref: string | null): string {
  const back = backHref
    ? `<a class="button secondary" href="${escapeHtml(backHref)}">${escapeHtml(rt(locale, 'reportPage.back'))}</a>`
    : `<a class="button secondary" href="${locale === 'en' ? '/?lang=en' : '/'}">${escapeHtml(rt(locale, 'reportPage.home'))}</a>`;
  return `<div class="narrow">
<div class="alert success" role="status" tabindex="-1" data-notice>
<h1>${escapeHtml(rt(locale, 'reportPage.sentTitle'))}</h1>
<p>${escapeHtml(rt(locale, 'reportPage.sentText'))}</p>
</div>
<p>${back}</p>
</div>`;
}

/** What a visitor sees when the target does not exist or is no longer public. */
export function reportNotFoundBody(locale: Locale): string {
  return `<div class="narrow">
<h1>${escapeHtml(rt(locale, 'reportPage.notFoundTitle'))}</h1>
<p>${escapeHtml(rt(locale, 'reportPage.notFoundText'))}</p>
<p><a class="button primary" href="${locale === 'en' ? '/?lang=en' : '/'}">${escapeHtml(rt(locale, 'reportPage.home'))}</a></p>
</div>`;
}
