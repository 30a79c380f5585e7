import { Button, Group } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Segment } from '../../../contracts/people.ts';
import { useT } from '../../core/i18n/index.tsx';

interface Props {
  segment: Segment;
  writable: boolean;
  onEdit: (segment: Segment) => void;
  onDelete: (segment: Segment) => void;
  justify?: 'flex-start' | 'flex-end';
}

export function SegmentActions({ segment, writable, onEdit, onDelete, justify }: Props) {
  const t = useT();
  return (
    <Group gap="xs" wrap="nowrap" justify={justify}>
      <Button component={Link} to={`/hq/people?segmentId=${segment.id}`} size="xs" variant="light">
        {t('segments.open')}
      </Button>
      {writable && (
        <>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconEdit size={14} aria-hidden />}
            onClick={() => onEdit(segment)}
            aria-label={t('segments.editNamed', { name: segment.name })}
          >
            {t('common.edit')}
          </Button>
          <Button
            size="xs"
            color="red"
            variant="subtle"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={() => onDelete(segment)}
            aria-label={t('segments.deleteNamed', { name: segment.name })}
          >
            {t('common.delete')}
          </Button>
        </>
      )}
    </Group>
  );
}
