import type { Newsletter, NewsletterStatus } from '../../../contracts/newsletters.ts';
import type { MessageKey } from '../../core/i18n/index.tsx';

export const newsletterStatusKeys: Record<NewsletterStatus, MessageKey> = {
  draft: 'newsletters.status.draft',
  scheduled: 'newsletters.status.scheduled',
  sending: 'newsletters.status.sending',
  sent: 'newsletters.status.sent',
  canceled: 'newsletters.status.canceled',
};

export const newsletterStatusColors: Record<NewsletterStatus, string> = {
  draft: 'gray',
  scheduled: 'grape',
  sending: 'blue',
  sent: 'green',
  canceled: 'red',
};

/** Its text and audience can still change (the server says the same: `newsletter_not_editable`). */
export const isEditable = (status: NewsletterStatus) =>
  status === 'draft' || status === 'scheduled';

/** Its counts may still move: sending, or about to start. */
export const isLive = (status: NewsletterStatus) => status === 'sending' || status === 'scheduled';

/** It can be stopped: scheduled (back to a draft) or sending (the rest never goes). */
export const isCancelable = (status: NewsletterStatus) =>
  status === 'scheduled' || status === 'sending';

/**
 * The date a list shows: when a scheduled newsletter goes, when a sent (or stopped) one went;
 * none for a draft.
 */
export const sendDate = (newsletter: Pick<Newsletter, 'status' | 'scheduledAt' | 'startedAt'>) =>
  newsletter.status === 'draft' ? null : (newsletter.scheduledAt ?? newsletter.startedAt);
