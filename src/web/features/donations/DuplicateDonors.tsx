import { Group, Paper, Stack, Text } from '@mantine/core';
import { useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useDuplicateDonors } from './hooks.ts';
import { MergeDonorsButton } from './MergeDonorsButton.tsx';
import { useEuros } from './useEuros.ts';

/** Likely duplicate donors, each group with a merge into each of its people. */
export function DuplicateDonors() {
  const t = useT();
  const euros = useEuros();
  const duplicates = useDuplicateDonors();
  return (
    <Section title={t('finance.duplicates')} description={t('finance.duplicates.intro')}>
      <QueryState query={duplicates}>
        {(groups) =>
          groups.length === 0 ? (
            <Text size="sm">{t('finance.duplicates.empty')}</Text>
          ) : (
            <Stack gap="sm">
              {groups.map((group) => (
                <Paper key={group.people.map((p) => p.personId).join('-')} withBorder p="sm">
                  <Text size="xs" c="dimmed">
                    {t(`finance.duplicates.reason.${group.reason}`)}
                  </Text>
                  {group.people.map((person) => {
                    const other = group.people.find((p) => p.personId !== person.personId);
                    return (
                      <Group key={person.personId} justify="space-between" gap="xs" mt={4}>
                        <Text size="sm">
                          {person.donorName} · {person.email} · {euros(person.countedCents)}
                        </Text>
                        {other && <MergeDonorsButton kept={person} merged={other} />}
                      </Group>
                    );
                  })}
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Section>
  );
}
