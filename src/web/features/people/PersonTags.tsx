import { Badge, Button, Group, Stack, TagsInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { useBulkTags, useTags } from './hooks.ts';

/** A person's tags, edited through the bulk endpoint with one id. */
export function PersonTags({
  personId,
  tags,
  editable,
}: {
  personId: number;
  tags: string[];
  editable: boolean;
}) {
  const t = useT();
  const allTags = useTags();
  const bulk = useBulkTags();
  const [value, setValue] = useState<string[]>(tags);
  const saved = tags.join('\u0000');
  // When the saved tags change (after a save or a refetch), show them.
  useEffect(() => setValue(saved ? saved.split('\u0000') : []), [saved]);
  const add = value.filter((tag) => !tags.includes(tag));
  const remove = tags.filter((tag) => !value.includes(tag));

  if (!editable) {
    return (
      <Group gap={4}>
        {tags.length === 0 && t('person.noTags')}
        {tags.map((tag) => (
          <Badge key={tag} variant="light" tt="none">
            {tag}
          </Badge>
        ))}
      </Group>
    );
  }

  return (
    <Stack gap="xs">
      <TagsInput
        label={t('people.tags')}
        data={(allTags.data ?? []).map((tag) => tag.name)}
        value={value}
        onChange={setValue}
        clearable
        maxTags={40}
      />
      <ErrorAlert message={bulk.isError ? errorText(bulk.error, t) : null} />
      <Group>
        <Button
          size="xs"
          disabled={add.length === 0 && remove.length === 0}
          loading={bulk.isPending}
          onClick={() =>
            bulk.mutate(
              { personIds: [personId], add, remove },
              {
                onSuccess: () =>
                  notifications.show({ color: 'green', message: t('person.tagsSaved') }),
              },
            )
          }
        >
          {t('person.saveTags')}
        </Button>
      </Group>
    </Stack>
  );
}
