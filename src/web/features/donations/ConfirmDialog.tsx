import type { ComponentProps } from 'react';
import { ConfirmAction } from '../../core/ui/ConfirmAction.tsx';

/** Asks before an action that cannot be undone; shows the server's refusal if it comes. */
export function ConfirmDialog(props: Omit<ComponentProps<typeof ConfirmAction>, 'color'>) {
  return <ConfirmAction {...props} color="red" />;
}
