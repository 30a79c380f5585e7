import type { ComponentProps } from 'react';
import { ConfirmAction as CoreConfirmAction } from '../../core/ui/ConfirmAction.tsx';
import { callingErrorText } from './callingErrors.ts';

/** Asks before an action; shows the server's refusal, if it comes, in this feature's words. */
export function ConfirmDialog(props: Omit<ComponentProps<typeof CoreConfirmAction>, 'errorText'>) {
  return <CoreConfirmAction {...props} errorText={callingErrorText} />;
}
