import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { donationsFinanceApi as api } from '../../../contracts/donations-finance-api.ts';
import type { FormsToSend as List } from '../../../contracts/donations-finance.ts';
import { urlOf } from '../../core/api.ts';
import { errorText } from '../../core/errors.ts';
import { formatDayWithYear } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { AssignAllFormsButton } from './AssignAllFormsButton.tsx';
import { useFormsToSend, useMarkFormsSent } from './hooks.ts';
import { useEuros } from './useEuros.ts';

/** Prints what goes on the forms of a range, then marks their receipts sent. */
function RangeActions({ list }: { list: List }) {
  const t = useT();
  const markSent = useMarkFormsSent();
  // Until the officer types a range, the range is the list's (which changes as forms are sent).
  const [typedFrom, setFrom] = useState<string | null>(null);
  const [typedTo, setTo] = useState<string | null>(null);
  const from = typedFrom ?? list.forms[0]?.number ?? '';
  const to = typedTo ?? list.forms.at(-1)?.number ?? '';
  const range = { from: from.trim(), to: to.trim() };
  const complete = /^\d+$/.test(range.from) && /^\d+$/.test(range.to);
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <TextInput
          label={t('finance.toSend.from')}
          value={from}
          maxLength={20}
          inputMode="numeric"
          onChange={(event) => setFrom(event.currentTarget.value)}
        />
        <TextInput
          label={t('finance.toSend.to')}
          value={to}
          maxLength={20}
          inputMode="numeric"
          onChange={(event) => setTo(event.currentTarget.value)}
        />
      </Group>
      <Group>
        <Button
          component="a"
          href={complete ? urlOf(api.formSheets, { query: range }) : undefined}
          download
          variant="light"
          leftSection={<IconPrinter size={16} aria-hidden />}
          disabled={!complete}
        >
          {t('finance.toSend.print')}
        </Button>
        <Button
          loading={markSent.isPending}
          disabled={!complete}
          onClick={() =>
            // The promise, not mutate's callbacks: marking the last receipts empties the list,
            // which takes this form away before the answer comes.
            markSent.mutateAsync(range).then(
              ({ marked }) => {
                setFrom(null);
                setTo(null);
                notifications.show({
                  color: 'green',
                  message: t('finance.toSend.marked', { count: String(marked) }),
                });
              },
              (error: unknown) =>
                notifications.show({ color: 'red', message: errorText(error, t) }),
            )
          }
        >
          {t('finance.toSend.markSent')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The receipts to fill in and send: issued forms whose receipt has not gone out yet. */
export function FormsToSend() {
  const t = useT();
  const [locale] = useLocale();
  const euros = useEuros();
  const toSend = useFormsToSend();
  return (
    <Stack gap="sm">
      <Group>
        <AssignAllFormsButton />
      </Group>
      <QueryState query={toSend}>
        {(list) =>
          list.total === 0 ? (
            <Text size="sm">{t('finance.toSend.empty')}</Text>
          ) : (
            <Stack gap="sm">
              <Text size="sm">{t('finance.toSend.count', { count: String(list.total) })}</Text>
              <ResponsiveTable
                items={list.forms}
                label={t('finance.toSend')}
                rowKey={(form) => form.number}
                minWidth={520}
                columns={[
                  { header: t('finance.toReturn.number'), title: true, cell: (f) => f.number },
                  { header: t('finance.donor'), cell: (f) => f.donorName },
                  {
                    header: t('finance.amount'),
                    numeric: true,
                    nowrap: true,
                    cell: (f) => euros(f.amountCents),
                  },
                  {
                    header: t('finance.givenOn'),
                    nowrap: true,
                    cell: (f) => formatDayWithYear(f.givenOn, locale),
                  },
                ]}
              />
              <RangeActions list={list} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
