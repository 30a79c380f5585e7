import { Tooltip } from '@mantine/core';
import { IconCheck, IconMinus } from '@tabler/icons-react';
import { useT } from '../i18n/index.tsx';

/** A yes/no mark with a text alternative naming what it answers, e.g. "Confirmed: Yes". */
export function YesNo({ value, name }: { value: boolean; name: string }) {
  const t = useT();
  const text = t('common.labelValue', {
    label: name,
    value: value ? t('common.yes') : t('common.no'),
  });
  return (
    <Tooltip label={text} withArrow>
      <span role="img" aria-label={text} style={{ display: 'inline-flex' }}>
        {value ? (
          <IconCheck size={16} color="var(--mantine-color-green-8)" aria-hidden />
        ) : (
          <IconMinus size={16} color="var(--mantine-color-gray-6)" aria-hidden />
        )}
      </span>
    </Tooltip>
  );
}
