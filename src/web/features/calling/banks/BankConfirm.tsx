import type { ComponentProps } from 'react';
import { ConfirmAction } from '../../../core/ui/ConfirmAction.tsx';
import { bankErrorText } from './bankErrors.ts';

/** Asks before an action on a bank; shows the server's refusal, if it comes, in its words. */
export function BankConfirm(props: Omit<ComponentProps<typeof ConfirmAction>, 'errorText'>) {
  return <ConfirmAction {...props} errorText={bankErrorText} />;
}
