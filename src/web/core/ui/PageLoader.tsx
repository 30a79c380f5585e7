import { Center, Loader } from '@mantine/core';
import { useT } from '../i18n/index.tsx';

export function PageLoader() {
  const t = useT();
  return (
    <Center py="xl" role="status">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
