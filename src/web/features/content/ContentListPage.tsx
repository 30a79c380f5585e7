import { Anchor, Badge, Button, Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { ContentLayout } from './ContentLayout.tsx';
import { useContentList, type ContentFilter } from './hooks.ts';
import { stateColors, stateOf } from './labels.ts';

/** The campaign's items: their type, state and publication; a new one. */
export function ContentListPage() {
  const t = useT();
  const [locale] = useLocale();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ContentFilter['status']>('');
  const [search] = useDebouncedValue(q, 300);
  const list = useContentList({ q: search, status });
  return (
    <ContentLayout
      title={t('content.list.title')}
      intro={t('content.list.intro')}
      actions={
        <Group>
          <Button
            component={Link}
            to="/hq/content/new"
            leftSection={<IconPlus size={18} aria-hidden />}
          >
            {t('content.list.new')}
          </Button>
        </Group>
      }
    >
      <Group align="flex-end">
        <TextInput
          label={t('content.list.search')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
        />
        <SegmentedControl
          aria-label={t('content.list.filter')}
          value={status}
          onChange={(value) => setStatus(value as ContentFilter['status'])}
          data={[
            { value: '', label: t('content.list.all') },
            { value: 'draft', label: t('content.status.draft') },
            { value: 'scheduled', label: t('content.status.scheduled') },
            { value: 'live', label: t('content.status.live') },
          ]}
        />
      </Group>
      <QueryState query={list}>
        {({ items }) =>
          items.length === 0 ? (
            <Text size="sm">{t('content.list.empty')}</Text>
          ) : (
            <ResponsiveTable
              label={t('content.list.title')}
              items={items}
              rowKey={(item) => item.id}
              columns={[
                {
                  header: t('content.form.title'),
                  title: true,
                  cell: (item) => (
                    <Anchor component={Link} to={`/hq/content/${item.id}`}>
                      {item.title}
                    </Anchor>
                  ),
                },
                { header: t('content.list.kind'), cell: (item) => t(`content.kind.${item.kind}`) },
                {
                  header: t('content.list.status'),
                  cell: (item) => (
                    <Badge color={stateColors[stateOf(item)]} variant="light">
                      {t(`content.status.${stateOf(item)}`)}
                    </Badge>
                  ),
                },
                {
                  header: t('content.list.date'),
                  nowrap: true,
                  cell: (item) => formatDateTime(item.publishAt, locale) || '—',
                },
              ]}
            />
          )
        }
      </QueryState>
    </ContentLayout>
  );
}
