import { Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { callingErrorText } from './callingErrors.ts';

/** Asks before an action; shows the server's refusal, if it comes, in this feature's words. */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  color,
  onClose,
  onConfirm,
  loading,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  onClose: () => void;
  /** Resolves when done (the dialog closes), rejects with the API's error (shown). */
  onConfirm: () => Promise<unknown>;
  loading: boolean;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <AppModal opened={opened} onClose={close} title={title}>
      <Stack gap="md">
        <Text size="sm">{children}</Text>
        <ModalFooter
          error={error}
          onCancel={close}
          confirmLabel={confirmLabel}
          color={color}
          loading={loading}
          onConfirm={() => {
            setError(null);
            onConfirm().then(close, (e: unknown) => setError(callingErrorText(e, t)));
          }}
        />
      </Stack>
    </AppModal>
  );
}
