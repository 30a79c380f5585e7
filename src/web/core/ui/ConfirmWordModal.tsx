import { Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { AppModal } from './AppModal.tsx';
import { ModalFooter } from './ModalFooter.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  text: string;
  /** The word to type, in the reader's language. */
  word: string;
  typeLabel: string;
  confirmLabel: string;
  onConfirm: () => void;
  loading: boolean;
  error: ReactNode;
}

/** A final, destructive act confirmed by typing a word (erasing data cannot be undone). */
export function ConfirmWordModal({
  opened,
  onClose,
  title,
  text,
  word,
  typeLabel,
  confirmLabel,
  onConfirm,
  loading,
  error,
}: Props) {
  const [typed, setTyped] = useState('');
  // Phone keyboards capitalise the first letter and may add a space: neither should block.
  const confirmed = typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();
  const close = () => {
    setTyped('');
    onClose();
  };
  return (
    <AppModal opened={opened} onClose={close} title={title} centered>
      <Stack>
        <Text size="sm">{text}</Text>
        <TextInput
          label={typeLabel}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
        <ModalFooter
          error={error}
          onCancel={close}
          confirmLabel={confirmLabel}
          onConfirm={onConfirm}
          loading={loading}
          disabled={!confirmed}
          color="red"
        />
      </Stack>
    </AppModal>
  );
}
