import type { Newsletter, NewsletterStatus } from '../../../contracts/newsletters.ts';
import type { MessageKey } from '../../core/i18n/index.tsx';

export const newsletterStatusKeys: Record<NewsletterStatus, MessageKey> = {
  draft: 'newsletters.status.draft',
  scheduled: 'newsletters.status.scheduled',
  testing: 'newsletters.status.testing',
  sending: 'newsletters.status.sending',
  sent: 'newsletters.status.sent',
  canceled: 'newsletters.status.canceled',
};

export const newsletterStatusColors: Record<NewsletterStatus, string> = {
  draft: 'gray',
  scheduled: 'grape',
  testing: 'cyan',
  sending: 'blue',
  sent: 'green',
  canceled: 'red',
};

/** Its text and audience can still change (the server says the same: `newsletter_not_editable`). */
export const isEditable = (status: NewsletterStatus) =>
  status === 'draft' || status === 'scheduled';

/** Its mails are going out: a subject test's sample (`testing`), or everyone's. */
export const isUnderWay = (status: NewsletterStatus) =>
  status === 'testing' || status === 'sending';

/** Its counts may still move: sending (or testing subjects), or about to start. */
export const isLive = (status: NewsletterStatus) => isUnderWay(status) || status === 'scheduled';

/** It can be stopped: scheduled (back to a draft) or under way (the rest never goes). */
export const isCancelable = (status: NewsletterStatus) =>
  status === 'scheduled' || isUnderWay(status);

/**
 * The date a list shows: when a scheduled newsletter goes, when a sent (or stopped) one went;
 * none for a draft.
 */
export const sendDate = (newsletter: Pick<Newsletter, 'status' | 'scheduledAt' | 'startedAt'>) =>
  newsletter.status === 'draft' ? null : (newsletter.scheduledAt ?? newsletter.startedAt);
