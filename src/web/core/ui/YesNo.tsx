import { Tooltip } from '@mantine/core';
import { IconCheck, IconMinus } from '@tabler/icons-react';

/** A yes/no mark with a text alternative. */
export function YesNo({ value, label }: { value: boolean; label: string }) {
  const text = `${label}`;
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
