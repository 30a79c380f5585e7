import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { BreachForm } from './BreachForm.tsx';
import { BreachStatus } from './BreachStatus.tsx';
import { useBreach } from './hooks.ts';

export function BreachPage() {
  const t = useT();
  const [locale] = useLocale();
  const id = Number(useParams().id);
  const breach = useBreach(id);
  const title = breach.data
    ? t('privacy.breach.title', { date: formatDateTime(breach.data.detectedAt, locale) })
    : '';
  usePageTitle(title);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/hq/privacy/breaches" size="sm">
        {t('privacy.breach.back')}
      </Anchor>
      <QueryState query={breach}>
        {(b) => (
          <Stack gap="md">
            <Group justify="space-between">
              <Title order={1}>{title}</Title>
              <BreachStatus breach={b} />
            </Group>
            <Text>
              {t('privacy.breach.notifyByLabel')}{' '}
              <strong data-testid="breach-deadline">{formatDateTime(b.notifyBy, locale)}</strong>
            </Text>
            <Section title={t('privacy.breach.save')}>
              <BreachForm key={b.updatedAt} breach={b} />
            </Section>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
