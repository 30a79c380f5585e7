import { Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { SEGMENT_NAME_MAX, segmentInputSchema, type Segment } from '../../../contracts/people.ts';
import { errorText } from '../../core/errors.ts';
import { validateWith } from '../../core/form-validation.ts';
import { useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { filterFromSearch, filterToSearch } from './filters.ts';
import { useUpdateSegment } from './hooks.ts';
import { PeopleFilters } from './PeopleFilters.tsx';

/** Renames a segment and edits its filter with the same panel as the people list. */
export function EditSegmentModal({ segment, onClose }: { segment: Segment; onClose: () => void }) {
  const t = useT();
  const update = useUpdateSegment();
  const [name, setName] = useState(segment.name);
  const [search, setSearch] = useState(() => filterToSearch(segment.filter));
  const filter = useMemo(() => filterFromSearch(search), [search]);
  const nameError = validateWith(segmentInputSchema.pick({ name: true }), t)({ name }).name ?? null;

  const change = (changes: Record<string, string | null>) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
      }
      return next;
    });

  const save = () => {
    if (nameError) return;
    update.mutate(
      { id: segment.id, name: name.trim(), filter },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('segment.updated') });
          onClose();
        },
      },
    );
  };

  return (
    <AppModal opened onClose={onClose} title={t('segment.editTitle')} size="xl">
      <Stack>
        <TextInput
          label={t('segment.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={nameError}
          maxLength={SEGMENT_NAME_MAX}
        />
        <TextInput
          label={t('people.search')}
          value={filter.q ?? ''}
          onChange={(e) => change({ q: e.currentTarget.value || null })}
        />
        <PeopleFilters
          filter={filter}
          onChange={change}
          onClear={() => setSearch(new URLSearchParams())}
        />
        <ModalFooter
          error={update.isError ? errorText(update.error, t) : null}
          onCancel={onClose}
          confirmLabel={t('common.save')}
          onConfirm={save}
          loading={update.isPending}
          disabled={Boolean(nameError)}
        />
      </Stack>
    </AppModal>
  );
}
