import { ActionIcon, Anchor, Button, Text } from '@mantine/core';
import { IconTarget, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TargetArea } from '../../../contracts/field-turfs.ts';
import { formatDate, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { areaKindText } from './areaLabels.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { FieldLayout } from './FieldLayout.tsx';
import { useAreas, useDeleteArea } from './turfHooks.ts';

/** The target areas, each with its addresses and turfs; a way to delete one. */
export function AreasPage() {
  const t = useT();
  const [locale] = useLocale();
  const areas = useAreas();
  const remove = useDeleteArea();
  const [deleting, setDeleting] = useState<TargetArea | null>(null);
  return (
    <FieldLayout
      title={t('field.areas.title')}
      intro={t('field.areas.intro')}
      actions={
        <Button
          component={Link}
          to="/hq/field/targeting"
          variant="default"
          w="fit-content"
          leftSection={<IconTarget size={16} aria-hidden />}
        >
          {t('field.areas.new')}
        </Button>
      }
    >
      <QueryState query={areas}>
        {({ items }) =>
          items.length === 0 ? (
            <Text size="sm">{t('field.areas.empty')}</Text>
          ) : (
            <ResponsiveTable
              items={items}
              label={t('field.areas.title')}
              rowKey={(area) => area.id}
              columns={[
                {
                  header: t('field.areas.name'),
                  title: true,
                  cell: (area) => (
                    <Anchor component={Link} to={`/hq/field/areas/${area.id}`} fw={500}>
                      {area.name}
                    </Anchor>
                  ),
                },
                { header: t('field.areas.kind'), cell: (area) => areaKindText(area, t) },
                {
                  header: t('field.areas.addresses'),
                  numeric: true,
                  cell: (area) => formatNumber(area.addressCount, locale),
                },
                {
                  header: t('field.areas.turfs'),
                  numeric: true,
                  cell: (area) => formatNumber(area.turfCount, locale),
                },
                {
                  header: t('field.areas.created'),
                  nowrap: true,
                  cell: (area) => formatDate(area.createdAt, locale),
                },
                {
                  header: t('common.actions'),
                  cell: (area) => (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('field.areas.delete', { name: area.name })}
                      onClick={() => setDeleting(area)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      <ConfirmAction
        opened={deleting !== null}
        title={t('field.areas.deleteTitle')}
        confirmLabel={t('common.delete')}
        color="red"
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => remove.mutateAsync(deleting!.id)}
      >
        {t('field.areas.deleteText', { name: deleting?.name ?? '' })}
      </ConfirmAction>
    </FieldLayout>
  );
}
