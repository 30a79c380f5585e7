import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useT } from '../../core/i18n/index.tsx';

/** Downloads a broadcast's or a bank's calls as CSV (the server audits each export). */
export function CallsExportButton({ href }: { href: string }) {
  const t = useT();
  return (
    <Button
      component="a"
      href={href}
      download
      variant="light"
      leftSection={<IconDownload size={16} aria-hidden />}
    >
      {t('calling.exportCalls')}
    </Button>
  );
}
