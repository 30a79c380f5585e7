import { Radio, Stack, TagsInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PeopleFilter } from '../../../contracts/people.ts';
import { errorText } from '../../core/errors.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { useBulkTags, useTags } from './hooks.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
  selectedIds: number[];
  filter: PeopleFilter;
  total: number;
  totalIsEstimate: boolean;
}

/** Adds and removes tags on the selected people, or on everyone matching the filter. */
export function BulkTagModal({
  opened,
  onClose,
  onDone,
  selectedIds,
  filter,
  total,
  totalIsEstimate,
}: Props) {
  const t = useT();
  const [locale] = useLocale();
  const tags = useTags();
  const bulk = useBulkTags();
  const [scope, setScope] = useState<'selected' | 'filter'>(
    selectedIds.length > 0 ? 'selected' : 'filter',
  );
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const suggestions = (tags.data ?? []).map((tag) => tag.name);
  const effectiveScope = selectedIds.length === 0 ? 'filter' : scope;
  const totalText = (totalIsEstimate ? '~' : '') + formatNumber(total, locale);

  const close = () => {
    setAdd([]);
    setRemove([]);
    bulk.reset();
    onClose();
  };

  const apply = () => {
    bulk.mutate(
      effectiveScope === 'selected'
        ? { personIds: selectedIds, add, remove }
        : { filter, add, remove },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'green',
            message: t('bulk.done', { count: formatNumber(result.matched, locale) }),
          });
          close();
          onDone();
        },
      },
    );
  };

  return (
    <AppModal opened={opened} onClose={close} title={t('bulk.title')} centered>
      <Stack>
        <Radio.Group
          label={t('bulk.scope')}
          value={effectiveScope}
          onChange={(v) => setScope(v === 'filter' ? 'filter' : 'selected')}
        >
          <Stack gap="xs" mt="xs">
            <Radio
              value="selected"
              disabled={selectedIds.length === 0}
              label={t('bulk.scopeSelected', { count: formatNumber(selectedIds.length, locale) })}
            />
            <Radio value="filter" label={t('bulk.scopeFilter', { count: totalText })} />
          </Stack>
        </Radio.Group>
        <TagsInput
          label={t('bulk.add')}
          description={t('bulk.tagsHelp')}
          data={suggestions}
          value={add}
          onChange={setAdd}
          clearable
          maxTags={20}
        />
        <TagsInput
          label={t('bulk.remove')}
          data={suggestions}
          value={remove}
          onChange={setRemove}
          clearable
          maxTags={20}
        />
        <ModalFooter
          error={bulk.isError ? errorText(bulk.error, t) : null}
          onCancel={close}
          confirmLabel={t('bulk.apply')}
          onConfirm={apply}
          loading={bulk.isPending}
          disabled={add.length === 0 && remove.length === 0}
        />
      </Stack>
    </AppModal>
  );
}
