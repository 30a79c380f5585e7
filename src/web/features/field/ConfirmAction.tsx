import type { ComponentProps } from 'react';
import { ConfirmAction as CoreConfirmAction } from '../../core/ui/ConfirmAction.tsx';
import { fieldErrorText } from './fieldErrors.ts';

/** Asks before an action; shows the server's refusal, if it comes, in this feature's words. */
export function ConfirmAction(props: Omit<ComponentProps<typeof CoreConfirmAction>, 'errorText'>) {
  return <CoreConfirmAction {...props} errorText={fieldErrorText} />;
}
