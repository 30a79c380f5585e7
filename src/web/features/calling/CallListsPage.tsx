import { Code, Stack, Text } from '@mantine/core';
import { useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { CallingLayout } from './CallingLayout.tsx';
import { CallListForm } from './CallListForm.tsx';
import { CallListReport } from './CallListReport.tsx';
import { useCallLists } from './list-hooks.ts';

const EXAMPLE =
  'téléphone;date_consentement;source;créneau\n06 12 34 56 78;15/01/2026;Formulaire du site;lun-ven 10:00-19:00';

/** Lists of numbers with consent evidence: imported here, read in the background, reported. */
export function CallListsPage() {
  const t = useT();
  const lists = useCallLists();
  return (
    <CallingLayout title={t('calling.lists.title')} intro={t('calling.lists.intro')}>
      <Section title={t('calling.lists.importTitle')}>
        <Text size="sm">{t('calling.lists.columns')}</Text>
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {EXAMPLE}
        </Code>
        <CallListForm />
      </Section>
      <Section title={t('calling.lists.listTitle')}>
        <QueryState query={lists}>
          {({ items }) =>
            items.length === 0 ? (
              <Text size="sm">{t('calling.lists.empty')}</Text>
            ) : (
              <Stack gap="sm">
                {items.map((list) => (
                  <CallListReport key={list.id} list={list} />
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Section>
    </CallingLayout>
  );
}
