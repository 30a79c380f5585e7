import type { ComponentProps } from 'react';
import { ConfirmAction } from '../../core/ui/ConfirmAction.tsx';
import { newsletterErrorText } from './newsletterErrors.ts';

/** Asks before an action on a newsletter; shows the server's refusal, if it comes, in its words. */
export function NewsletterConfirm(props: Omit<ComponentProps<typeof ConfirmAction>, 'errorText'>) {
  return <ConfirmAction {...props} errorText={newsletterErrorText} />;
}
