import { Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { errorText as apiErrorText } from '../errors.ts';
import { useT } from '../i18n/index.tsx';
import { AppModal } from './AppModal.tsx';
import { ModalFooter } from './ModalFooter.tsx';

/** Asks before an action; shows the server's refusal, if it comes, in the caller's words. */
export function ConfirmAction({
  opened,
  title,
  children,
  confirmLabel,
  color,
  onClose,
  onConfirm,
  loading,
  errorText = apiErrorText,
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
  /** The refusal in the feature's words (the API's message by default). */
  errorText?: (error: unknown, t: ReturnType<typeof useT>) => string;
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
            onConfirm().then(close, (e: unknown) => setError(errorText(e, t)));
          }}
        />
      </Stack>
    </AppModal>
  );
}
