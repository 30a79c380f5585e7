import { Button, Group, Progress as Bar, Text } from '@mantine/core';
import { useState } from 'react';
import type { Progress } from '../../../contracts/field-progress.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';

const SHOWN = 20;

/** Each turf: its doors knocked out of its doors, and its conversations. */
export function ProgressTurfs({ progress }: { progress: Progress }) {
  const t = useT();
  const [locale] = useLocale();
  const [all, setAll] = useState(false);
  const n = (value: number) => formatNumber(value, locale);
  const rows = progress.byTurf;
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('field.progress.noTurfs')}
      </Text>
    );
  return (
    <>
      <ResponsiveTable
        label={t('field.progress.byTurf')}
        items={all ? rows : rows.slice(0, SHOWN)}
        rowKey={(row) => row.turfId}
        minWidth={520}
        columns={[
          { header: t('field.progress.turf'), title: true, cell: (row) => row.name },
          {
            header: t('field.progress.knocked'),
            cell: (row) => {
              const percent = row.doors > 0 ? Math.round((row.knocked / row.doors) * 100) : 0;
              const text = t('field.progress.knockedOf', {
                knocked: n(row.knocked),
                doors: n(row.doors),
                percent,
              });
              return (
                <Group gap="xs" wrap="nowrap">
                  <Bar value={percent} w={120} aria-label={text} />
                  <Text size="sm">{text}</Text>
                </Group>
              );
            },
          },
          {
            header: t('field.progress.conversations'),
            numeric: true,
            cell: (row) => n(row.conversations),
          },
        ]}
      />
      {rows.length > SHOWN && (
        <Button variant="subtle" size="xs" w="fit-content" onClick={() => setAll(!all)}>
          {all ? t('field.progress.showLess') : t('field.progress.showAll', { count: rows.length })}
        </Button>
      )}
    </>
  );
}
