import { Checkbox, Radio, Stack, TagsInput, type TagsInputProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { bulkTagSchema, type PeopleFilter } from '../../../contracts/people.ts';
import { errorText } from '../../core/errors.ts';
import { validateWith } from '../../core/form-validation.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { useBulkTags, useTags } from './hooks.ts';
import { totalText, type ListTotal } from './totalText.ts';

/** Changing everyone a filter matches past this many people takes an explicit confirmation. */
const CONFIRM_ABOVE = 1_000;

interface Props {
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
  selectedIds: number[];
  filter: PeopleFilter;
  /** The list's total, which may be approximate or a lower bound. */
  matching: ListTotal;
}

/**
 * A tags field whose suggestions close once a tag is added (Enter or a click), so that they
 * no longer cover the fields and buttons below; typing opens them again.
 */
function TagField({
  value,
  onChange,
  ...props
}: Omit<TagsInputProps, 'value' | 'onChange'> & {
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <TagsInput
      {...props}
      value={value}
      onChange={(next) => {
        onChange(next);
        if (next.length > value.length) setOpened(false);
      }}
      dropdownOpened={opened}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      onSearchChange={(search) => {
        if (search) setOpened(true);
      }}
    />
  );
}

/** Adds and removes tags on the selected people, or on everyone matching the filter. */
export function BulkTagModal({ opened, onClose, onDone, selectedIds, filter, matching }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const tags = useTags();
  const bulk = useBulkTags();
  const [scope, setScope] = useState<'selected' | 'filter'>(
    selectedIds.length > 0 ? 'selected' : 'filter',
  );
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const suggestions = (tags.data ?? []).map((tag) => tag.name);
  const effectiveScope = selectedIds.length === 0 ? 'filter' : scope;
  const matchingText = totalText(matching, t, locale);
  // An estimate is no number of people to change: past the threshold, or when not exact,
  // the organiser confirms having read how many it may be.
  const needsConfirmation =
    effectiveScope === 'filter' && (matching.totalIsEstimate || matching.total > CONFIRM_ABOVE);

  const request =
    effectiveScope === 'selected'
      ? { personIds: selectedIds, add, remove }
      : { filter, add, remove };
  // A tag too long is said under its field (the filter was read by the same schema).
  const problems = Object.entries(validateWith(bulkTagSchema, t)(request));
  const errorOf = (field: 'add' | 'remove') =>
    problems.find(([key]) => key === field || key.startsWith(`${field}.`))?.[1] ?? null;

  const close = () => {
    setAdd([]);
    setRemove([]);
    setConfirmed(false);
    bulk.reset();
    onClose();
  };

  const apply = () => {
    bulk.mutate(request, {
      onSuccess: (result) => {
        notifications.show({
          color: 'green',
          message: t('bulk.done', { count: formatNumber(result.matched, locale) }),
        });
        close();
        onDone();
      },
    });
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
            <Radio value="filter" label={t('bulk.scopeFilter', { count: matchingText })} />
          </Stack>
        </Radio.Group>
        <TagField
          label={t('bulk.add')}
          description={t('bulk.tagsHelp')}
          data={suggestions}
          value={add}
          onChange={setAdd}
          error={errorOf('add')}
          clearable
          maxTags={20}
        />
        <TagField
          label={t('bulk.remove')}
          data={suggestions}
          value={remove}
          onChange={setRemove}
          error={errorOf('remove')}
          clearable
          maxTags={20}
        />
        {needsConfirmation && (
          <Checkbox
            label={t('bulk.confirmLarge', { count: matchingText })}
            checked={confirmed}
            onChange={(e) => setConfirmed(e.currentTarget.checked)}
          />
        )}
        <ModalFooter
          error={bulk.isError ? errorText(bulk.error, t) : null}
          onCancel={close}
          confirmLabel={t('bulk.apply')}
          onConfirm={apply}
          loading={bulk.isPending}
          disabled={
            (add.length === 0 && remove.length === 0) ||
            (needsConfirmation && !confirmed) ||
            Boolean(errorOf('add') ?? errorOf('remove'))
          }
        />
      </Stack>
    </AppModal>
  );
}
