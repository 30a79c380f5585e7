import { Modal, type ModalProps } from '@mantine/core';
import { useT } from '../i18n/index.tsx';

/** A Mantine modal whose close button is named in the current language. */
export function AppModal(props: ModalProps) {
  const t = useT();
  return <Modal closeButtonProps={{ 'aria-label': t('common.close') }} {...props} />;
}
