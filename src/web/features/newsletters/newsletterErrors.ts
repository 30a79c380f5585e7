import type { MessageKey, Translate } from '../../core/i18n/index.tsx';
import { keyedErrorText } from '../calling/callingErrors.ts';

/** The newsletters API's own problem codes, in this feature's words. */
const problemKeys: Record<string, MessageKey> = {
  newsletter_not_editable: 'newsletters.error.newsletter_not_editable',
  newsletter_not_draft: 'newsletters.error.newsletter_not_draft',
  newsletter_not_cancelable: 'newsletters.error.newsletter_not_cancelable',
  in_the_past: 'newsletters.error.in_the_past',
  no_email: 'newsletters.error.no_email',
  not_found: 'newsletters.error.not_found',
  subject_test_not_running: 'newsletters.error.subject_test_not_running',
};

/** A failure of the newsletters API in the visitor's language (the app's words when general). */
export const newsletterErrorText = (error: unknown, t: Translate): string =>
  keyedErrorText(problemKeys, error, t);
