import { Badge, Button, Drawer, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { fieldTurfsApi } from '../../../contracts/field-api.ts';
import type { VisitOutcome, WalkAddress, WalkList } from '../../../contracts/field-turfs.ts';
import { urlOf } from '../../core/api.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { useWalkList } from './turfHooks.ts';
import { TurfSessions } from './TurfSessions.tsx';

const outcomeKeys: Record<VisitOutcome, MessageKey> = {
  not_home: 'field.walk.outcome.not_home',
  conversation: 'field.walk.outcome.conversation',
  refused: 'field.walk.outcome.refused',
  come_back: 'field.walk.outcome.come_back',
  moved: 'field.walk.outcome.moved',
  do_not_visit: 'field.walk.outcome.do_not_visit',
  leaflet: 'field.walk.outcome.leaflet',
};

const numberOf = (address: WalkAddress) =>
  address.number > 0 ? `${address.number}${address.suffix ? ` ${address.suffix}` : ''}` : '';

function Addresses({ list }: { list: WalkList }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm">
          {t('field.walk.summary', {
            count: formatNumber(list.addresses.length, locale),
            visited: formatNumber(list.turf.visited, locale),
          })}
        </Text>
        <Button
          component="a"
          href={urlOf(fieldTurfsApi.walkListPdf, { params: { id: list.turf.id } })}
          download
          variant="default"
          leftSection={<IconFileTypePdf size={16} aria-hidden />}
        >
          {t('field.walk.pdf')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={520}>
        <Table striped verticalSpacing={4} fz="sm" aria-label={t('field.walk.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th ta="right">{t('field.walk.position')}</Table.Th>
              <Table.Th>{t('field.walk.address')}</Table.Th>
              <Table.Th>{t('field.walk.commune')}</Table.Th>
              <Table.Th>{t('field.walk.last')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.addresses.map((address) => (
              <Table.Tr key={address.id}>
                <Table.Td ta="right">{address.position}</Table.Td>
                <Table.Td>
                  {[numberOf(address), address.street].filter(Boolean).join(' ')}
                  {address.doNotVisit && (
                    <Badge color="red" variant="light" ml="xs" size="sm">
                      {t('field.walk.doNotVisit')}
                    </Badge>
                  )}
                  {address.electors.length > 0 && (
                    <Text size="xs" c="dimmed">
                      <VisuallyHidden>{`${t('field.walk.electors')} `}</VisuallyHidden>
                      {address.electors.join(' · ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {[address.postalCode, address.communeName].filter(Boolean).join(' ')}
                </Table.Td>
                <Table.Td>
                  {address.lastOutcome
                    ? t(outcomeKeys[address.lastOutcome])
                    : t('field.walk.notVisited')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** A turf's addresses in the order they are walked, and its printable walk list. */
export function WalkListDrawer({
  turfId,
  onClose,
}: {
  turfId: number | null;
  onClose: () => void;
}) {
  const t = useT();
  const list = useWalkList(turfId);
  return (
    <Drawer
      opened={turfId !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        list.data
          ? t('field.walk.title', { name: list.data.turf.name })
          : t('field.walk.titleLoading')
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {turfId !== null && (
        <Stack gap="lg">
          <TurfSessions turfId={turfId} />
          <QueryState query={list}>{(data) => <Addresses list={data} />}</QueryState>
        </Stack>
      )}
    </Drawer>
  );
}
