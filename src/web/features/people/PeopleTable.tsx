import { Anchor, Checkbox, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PersonSummary } from '../../../contracts/people.ts';
import { formatDate, formatPhone, fullName } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { YesNo } from '../../core/ui/YesNo.tsx';
import { ConsentMarks } from './ConsentMarks.tsx';
import { EmailText } from './EmailText.tsx';
import { placeLabel, sourceLabel } from './labels.ts';
import { PeopleCards } from './PeopleCards.tsx';
import { useIsPhone } from './useIsPhone.ts';
import { pageSelection } from './pageSelection.ts';
import { TagBadges } from './TagBadges.tsx';

export interface PeopleListProps {
  items: PersonSummary[];
  /** Rows are selected only to be tagged: without that right, no checkboxes. */
  selectable: boolean;
  selected: ReadonlySet<number>;
  onToggle: (id: number, checked: boolean) => void;
  onToggleAll: (checked: boolean) => void;
}

export function PeopleTable(props: PeopleListProps) {
  const isPhone = useIsPhone();
  return isPhone ? <PeopleCards {...props} /> : <PeopleWideTable {...props} />;
}

/** Name and address share a column so that the table fits beside the menu at 1280 px. */
function PeopleWideTable({ items, selectable, selected, onToggle, onToggleAll }: PeopleListProps) {
  const t = useT();
  const [locale] = useLocale();
  const { allSelected, someSelected } = pageSelection(items, selected);

  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('people.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            {selectable && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('people.selectPage')}
                  checked={allSelected}
                  indeterminate={someSelected && !allSelected}
                  onChange={(e) => onToggleAll(e.currentTarget.checked)}
                />
              </Table.Th>
            )}
            <Table.Th>{t('people.nameAndEmail')}</Table.Th>
            <Table.Th>{t('field.phone')}</Table.Th>
            <Table.Th>{t('geo.commune')}</Table.Th>
            <Table.Th>{t('people.source')}</Table.Th>
            <Table.Th>{t('people.confirmed')}</Table.Th>
            <Table.Th>{t('people.consents')}</Table.Th>
            <Table.Th>{t('people.tags')}</Table.Th>
            <Table.Th>{t('people.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((person) => {
            const name = fullName(person.firstName, person.lastName) || t('people.noName');
            return (
              <Table.Tr
                key={person.id}
                bg={selected.has(person.id) ? 'var(--mantine-primary-color-light)' : undefined}
              >
                {selectable && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('people.selectOne', { name })}
                      checked={selected.has(person.id)}
                      onChange={(e) => onToggle(person.id, e.currentTarget.checked)}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Anchor component={Link} to={`/hq/people/${person.id}`} fw={500}>
                    {name}
                  </Anchor>
                  <EmailText email={person.email} maxWidth={240} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatPhone(person.phone)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{placeLabel(person)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{sourceLabel(person.source, t)}</Text>
                </Table.Td>
                <Table.Td>
                  <YesNo value={person.confirmed} name={t('people.confirmed')} />
                </Table.Td>
                <Table.Td>
                  <ConsentMarks consents={person.consents} />
                </Table.Td>
                <Table.Td>
                  <TagBadges tags={person.tags} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(person.createdAt, locale)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
