import { Anchor, Group, Radio, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { Link } from 'react-router';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import type { BroadcastValues } from './broadcast-form.ts';
import { useCallLists } from './list-hooks.ts';
import { SegmentReach } from './SegmentReach.tsx';
import { SegmentSelect } from './SegmentSelect.tsx';

/** Who is called: a saved segment (its people who agreed to automated calls) or a list. */
export function AudienceFields({ form }: { form: UseFormReturnType<BroadcastValues> }) {
  const t = useT();
  const [locale] = useLocale();
  const lists = useCallLists();
  const kind = form.values.audienceKind;
  const readyLists = (lists.data?.items ?? []).filter((list) => list.status === 'succeeded');
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('calling.form.audience')}
        required
        value={kind}
        onChange={(value) => form.setFieldValue('audienceKind', value as 'segment' | 'list')}
      >
        <Group gap="md" mt={4}>
          <Radio value="segment" label={t('calling.form.audience.segment')} />
          <Radio value="list" label={t('calling.form.audience.list')} />
        </Group>
      </Radio.Group>
      {kind === 'segment' ? (
        <Stack gap={4}>
          <SegmentSelect
            label={t('calling.form.segment')}
            description={t('calling.form.segmentHelp')}
            {...form.getInputProps('segmentId')}
          />
          <SegmentReach segmentId={form.values.segmentId} kind="automatedCalls" />
        </Stack>
      ) : (
        <Stack gap={4}>
          <Select
            label={t('calling.form.list')}
            description={t('calling.form.listHelp')}
            placeholder={t('calling.form.pickList')}
            required
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            data={readyLists.map((list) => ({
              value: String(list.id),
              label: t('calling.form.listOption', {
                name: list.name,
                count: formatNumber(list.numberCount ?? 0, locale),
              }),
            }))}
            {...form.getInputProps('listId')}
          />
          {lists.data && readyLists.length === 0 && (
            <Text size="sm">
              {t('calling.form.noList')}{' '}
              <Anchor component={Link} to="/hq/calling/lists">
                {t('calling.form.importList')}
              </Anchor>
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
