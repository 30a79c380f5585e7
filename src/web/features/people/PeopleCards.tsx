import { Anchor, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, formatPhone, fullName } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { YesNo } from '../../core/ui/YesNo.tsx';
import { ConsentMarks } from './ConsentMarks.tsx';
import { EmailText } from './EmailText.tsx';
import { placeLabel, sourceLabel } from './labels.ts';
import type { PeopleListProps } from './PeopleTable.tsx';
import { pageSelection } from './pageSelection.ts';
import { TagBadges } from './TagBadges.tsx';

/** The people list on a phone: one card per person, nothing hidden off to the side. */
export function PeopleCards({
  items,
  selectable,
  selected,
  onToggle,
  onToggleAll,
}: PeopleListProps) {
  const t = useT();
  const [locale] = useLocale();
  const { allSelected, someSelected } = pageSelection(items, selected);

  return (
    <Stack gap="xs">
      {selectable && (
        <Checkbox
          label={t('people.selectPage')}
          checked={allSelected}
          indeterminate={someSelected && !allSelected}
          onChange={(e) => onToggleAll(e.currentTarget.checked)}
        />
      )}
      <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('people.tableLabel')}>
        {items.map((person) => {
          const name = fullName(person.firstName, person.lastName) || t('people.noName');
          const place = placeLabel(person);
          return (
            <Paper
              component="li"
              key={person.id}
              withBorder
              p="sm"
              style={{ listStyle: 'none' }}
              bg={selected.has(person.id) ? 'var(--mantine-primary-color-light)' : undefined}
            >
              <Stack gap={4}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  {selectable && (
                    <Checkbox
                      mt={2}
                      aria-label={t('people.selectOne', { name })}
                      checked={selected.has(person.id)}
                      onChange={(e) => onToggle(person.id, e.currentTarget.checked)}
                    />
                  )}
                  <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                    <Anchor component={Link} to={`/hq/people/${person.id}`} fw={500}>
                      {name}
                    </Anchor>
                    <EmailText email={person.email} />
                    {person.phone && <Text size="sm">{formatPhone(person.phone)}</Text>}
                    {place && <Text size="sm">{place}</Text>}
                  </Stack>
                </Group>
                {person.tags.length > 0 && <TagBadges tags={person.tags} />}
                <Group gap="sm" wrap="wrap">
                  <Group gap={4} wrap="nowrap">
                    <Text size="xs" c="dimmed" aria-hidden>
                      {t('people.confirmed')}
                    </Text>
                    <YesNo value={person.confirmed} name={t('people.confirmed')} />
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    <Text size="xs" c="dimmed" aria-hidden>
                      {t('people.consents')}
                    </Text>
                    <ConsentMarks consents={person.consents} />
                  </Group>
                </Group>
                <Text size="xs" c="dimmed">
                  {sourceLabel(person.source, t)} ·{' '}
                  {t('common.labelValue', {
                    label: t('people.createdAt'),
                    value: formatDate(person.createdAt, locale),
                  })}
                </Text>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}
