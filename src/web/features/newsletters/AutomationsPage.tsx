import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { useAutomations } from './automation-hooks.ts';
import { automationStatusKeys, automationTriggerKeys } from './automation-labels.ts';
import { NewslettersLayout } from './NewslettersLayout.tsx';

/** The campaign's automations: trigger, state, people enrolled; a new one. */
export function AutomationsPage() {
  const t = useT();
  const [locale] = useLocale();
  const automations = useAutomations();
  return (
    <NewslettersLayout
      title={t('newsletters.automations.title')}
      intro={t('newsletters.automations.intro')}
      actions={
        <Group>
          <Button
            component={Link}
            to="/hq/newsletters/automations/new"
            leftSection={<IconPlus size={18} aria-hidden />}
          >
            {t('newsletters.automations.new')}
          </Button>
        </Group>
      }
    >
      <QueryState query={automations}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm">{t('newsletters.automations.empty')}</Text>
          ) : (
            <ResponsiveTable
              label={t('newsletters.automations.title')}
              items={items}
              rowKey={(automation) => automation.id}
              columns={[
                {
                  header: t('newsletters.automations.name'),
                  title: true,
                  cell: (automation) => (
                    <Anchor component={Link} to={`/hq/newsletters/automations/${automation.id}`}>
                      {automation.name}
                    </Anchor>
                  ),
                },
                {
                  header: t('newsletters.automations.trigger'),
                  cell: (automation) => t(automationTriggerKeys[automation.trigger]),
                },
                {
                  header: t('newsletters.automations.status'),
                  cell: (automation) => (
                    <Badge
                      variant="light"
                      color={automation.status === 'active' ? 'green' : 'gray'}
                      miw="max-content"
                    >
                      {t(automationStatusKeys[automation.status])}
                    </Badge>
                  ),
                },
                {
                  header: t('newsletters.automations.steps'),
                  numeric: true,
                  cell: (automation) => formatNumber(automation.steps.length, locale),
                },
                {
                  header: t('newsletters.automations.enrolled'),
                  numeric: true,
                  cell: (automation) => formatNumber(automation.enrolled, locale),
                },
              ]}
            />
          )
        }
      </QueryState>
    </NewslettersLayout>
  );
}
