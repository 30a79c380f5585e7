import { Anchor, Button, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { SectionLayout } from '../../core/ui/SectionLayout.tsx';
import { useCallsToAction } from './hooks.ts';

/** The calls sent: their areas, recipients, clicks and sign-ups; a new one. */
export function CallsToActionPage() {
  const t = useT();
  const [locale] = useLocale();
  const calls = useCallsToAction();
  return (
    <SectionLayout
      section="callsToAction.nav"
      title={t('callsToAction.list.title')}
      intro={t('callsToAction.list.intro')}
      actions={
        <Button
          component={Link}
          to="/hq/calls-to-action/new"
          leftSection={<IconPlus size={18} aria-hidden />}
        >
          {t('callsToAction.list.new')}
        </Button>
      }
    >
      <QueryState query={calls}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm">{t('callsToAction.list.empty')}</Text>
          ) : (
            <ResponsiveTable
              label={t('callsToAction.list.title')}
              items={items}
              rowKey={(item) => item.id}
              columns={[
                {
                  header: t('callsToAction.list.subject'),
                  title: true,
                  cell: (item) => (
                    <Anchor component={Link} to={`/hq/calls-to-action/${item.id}`}>
                      {item.subject}
                    </Anchor>
                  ),
                },
                {
                  header: t('callsToAction.list.areas'),
                  cell: (item) => item.areas.map((area) => area.name).join(', '),
                },
                {
                  header: t('callsToAction.list.sentAt'),
                  nowrap: true,
                  cell: (item) => formatDateTime(item.sentAt, locale),
                },
                {
                  header: t('callsToAction.list.recipients'),
                  numeric: true,
                  cell: (item) => formatNumber(item.recipients, locale),
                },
                {
                  header: t('callsToAction.list.clicks'),
                  numeric: true,
                  cell: (item) => formatNumber(item.clicks, locale),
                },
                {
                  header: t('callsToAction.list.signups'),
                  numeric: true,
                  cell: (item) => formatNumber(item.signups, locale),
                },
              ]}
            />
          )
        }
      </QueryState>
    </SectionLayout>
  );
}
