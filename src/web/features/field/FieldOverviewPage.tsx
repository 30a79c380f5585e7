import { Anchor, Paper, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconChartBar, IconClipboardList, IconMapPin, IconTarget } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../core/i18n/index.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { FieldLayout } from './FieldLayout.tsx';
import { ImportForm } from './ImportForm.tsx';
import { ImportList } from './ImportList.tsx';

function Step({
  to,
  icon,
  title,
  text,
}: {
  to: string;
  icon: ReactNode;
  title: string;
  text: string;
}) {
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <ThemeIcon variant="light" size="lg" aria-hidden>
          {icon}
        </ThemeIcon>
        <Anchor component={Link} to={to} fw={600}>
          {title}
        </Anchor>
        <Text size="sm">{text}</Text>
      </Stack>
    </Paper>
  );
}

/** Door-to-door planning: what to do in which order, and the official files it starts from. */
export function FieldOverviewPage() {
  const t = useT();
  return (
    <FieldLayout title={t('field.overview.title')} intro={t('field.overview.intro')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <Step
          to="/hq/field/targeting"
          icon={<IconTarget size={20} />}
          title={t('field.overview.targeting')}
          text={t('field.overview.targetingText')}
        />
        <Step
          to="/hq/field/areas"
          icon={<IconMapPin size={20} />}
          title={t('field.overview.areas')}
          text={t('field.overview.areasText')}
        />
        <Step
          to="/hq/field/questionnaires"
          icon={<IconClipboardList size={20} />}
          title={t('field.overview.questionnaires')}
          text={t('field.overview.questionnairesText')}
        />
        <Step
          to="/hq/field/progress"
          icon={<IconChartBar size={20} />}
          title={t('field.overview.progress')}
          text={t('field.overview.progressText')}
        />
      </SimpleGrid>
      <Section title={t('field.imports.title')} description={t('field.imports.intro')}>
        <ImportForm />
      </Section>
      <Section title={t('field.imports.listTitle')}>
        <ImportList />
      </Section>
    </FieldLayout>
  );
}
