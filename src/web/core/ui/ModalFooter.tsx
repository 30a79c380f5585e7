import { Button, Group, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

interface ModalFooterProps {
  /** A failure to show above the buttons; nothing is shown when empty. */
  error?: ReactNode;
  onCancel: () => void;
  confirmLabel: ReactNode;
  /** Without it the confirm button submits the surrounding form. */
  onConfirm?: () => void;
  loading?: boolean;
  disabled?: boolean;
  color?: MantineColor;
}

/** The end of a dialog: an optional error, then Cancel and the confirming action. */
export function ModalFooter({
  error,
  onCancel,
  confirmLabel,
  onConfirm,
  loading,
  disabled,
  color,
}: ModalFooterProps) {
  const t = useT();
  return (
    <>
      <ErrorAlert message={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button
          type={onConfirm ? 'button' : 'submit'}
          color={color}
          onClick={onConfirm}
          loading={loading}
          disabled={disabled}
        >
          {confirmLabel}
        </Button>
      </Group>
    </>
  );
}
