import { Stack, Text } from '@mantine/core';
import { useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { useFieldImports } from './importHooks.ts';
import { ImportReport } from './ImportReport.tsx';

/** The latest imports, newest first; those still being read are followed until they end. */
export function ImportList() {
  const t = useT();
  const imports = useFieldImports();
  return (
    <QueryState query={imports}>
      {({ items }) =>
        items.length === 0 ? (
          <Text size="sm">{t('field.imports.empty')}</Text>
        ) : (
          <Stack gap="sm">
            {items.map((item) => (
              <ImportReport key={item.id} item={item} />
            ))}
          </Stack>
        )
      }
    </QueryState>
  );
}
