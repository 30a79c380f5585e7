import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Breach } from '../../../contracts/privacy.ts';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { BreachForm } from './BreachForm.tsx';
import { BreachStatus } from './BreachStatus.tsx';
import { useBreaches } from './hooks.ts';

export function BreachesPage() {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  usePageTitle(t('privacy.breaches.title'));
  const breaches = useBreaches();
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('privacy.breaches.title')}</Title>
        <Button onClick={() => setAdding(true)}>{t('privacy.breaches.new')}</Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('privacy.breaches.intro')}
      </Text>
      <QueryState query={breaches}>
        {(items) =>
          items.length === 0 ? (
            <Text>{t('privacy.breaches.empty')}</Text>
          ) : (
            <ResponsiveTable<Breach>
              items={items}
              label={t('privacy.breaches.title')}
              rowKey={(b) => b.id}
              minWidth={720}
              columns={[
                {
                  header: t('privacy.breach.detectedAt'),
                  title: true,
                  nowrap: true,
                  cell: (b) => (
                    <Anchor component={Link} to={`/hq/privacy/breaches/${b.id}`}>
                      {formatDateTime(b.detectedAt, locale)}
                    </Anchor>
                  ),
                },
                {
                  header: t('privacy.breach.description'),
                  cell: (b) => (
                    <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                      {b.description}
                    </Text>
                  ),
                },
                {
                  header: t('privacy.breach.peopleCount'),
                  numeric: true,
                  cell: (b) => (b.peopleCount === null ? '' : formatNumber(b.peopleCount, locale)),
                },
                {
                  header: t('privacy.breach.notifyBy'),
                  nowrap: true,
                  cell: (b) => (
                    <Stack gap={2}>
                      <Text size="sm">{formatDateTime(b.notifyBy, locale)}</Text>
                      <BreachStatus breach={b} />
                    </Stack>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      <AppModal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('privacy.breaches.new')}
        size="lg"
        centered
      >
        <BreachForm onSaved={(b) => void navigate(`/hq/privacy/breaches/${b.id}`)} />
      </AppModal>
    </Stack>
  );
}
