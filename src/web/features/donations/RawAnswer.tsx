import { Code, Text } from '@mantine/core';
import { useT } from '../../core/i18n/index.tsx';

/** An answer in a shape this page does not know: shown as it came, rather than lost. */
export function RawAnswer({ value }: { value: unknown }) {
  const t = useT();
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('finance.rawAnswer')}
      </Text>
      <Code block>{JSON.stringify(value, null, 2)}</Code>
    </>
  );
}
