import { Grid, Group, Paper, Stack, Tabs, Text, Title, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { errorText } from '../../core/errors.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { LinkifiedText } from '../../core/ui/LinkifiedText.tsx';
import { PageLoader } from '../../core/ui/PageLoader.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { pageFromSearch, ServerPagination } from '../../core/ui/ServerPagination.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { useMail, useMailList } from './hooks.ts';
import { ADMIN_PAGE_SIZE } from '../../../contracts/admin.ts';

/** `onShown`: once the mail's content is on screen (its height known). */
function MailView({ id, onShown }: { id: string; onShown: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const mail = useMail(id);
  const shown = mail.data?.id;
  useEffect(() => {
    if (shown !== undefined) onShown();
  }, [shown, onShown]);
  return (
    <QueryState query={mail}>
      {(m) => (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {m.subject}
          </Title>
          <Text size="sm">
            {t('common.labelValue', { label: t('mail.from'), value: m.from })}
            <br />
            {t('common.labelValue', { label: t('mail.to'), value: m.to })}
            <br />
            {formatDateTime(m.at, locale)}
          </Text>
          <Tabs defaultValue={m.text ? 'text' : 'html'}>
            <Tabs.List>
              <Tabs.Tab value="text" disabled={!m.text}>
                {t('mail.text')}
              </Tabs.Tab>
              <Tabs.Tab value="html" disabled={!m.html}>
                {t('mail.html')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="text" pt="sm">
              {m.text && <LinkifiedText text={m.text} />}
            </Tabs.Panel>
            <Tabs.Panel value="html" pt="sm">
              {m.html && (
                <iframe
                  title={t('mail.htmlFrame', { subject: m.subject })}
                  srcDoc={m.html}
                  sandbox=""
                  style={{
                    width: '100%',
                    height: 480,
                    border: '1px solid var(--mantine-color-default-border)',
                  }}
                />
              )}
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </QueryState>
  );
}

/** Development mail catcher: the emails Levier would have sent. */
export function MailCatcherPage() {
  const t = useT();
  const [locale] = useLocale();
  usePageTitle(t('mail.title'));
  const [search, setSearch] = useSearchParams();
  const page = pageFromSearch(search);
  const selected = search.get('id');
  const list = useMailList(page);
  // Beside the list (md and up) the pane stays in view as the list scrolls; below it, picking
  // a mail low in the list brings the pane into view.
  const beside = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const pane = useRef<HTMLDivElement>(null);
  const picked = useRef(false);

  // Once the picked mail is shown: beside the list the pane is sticky, so in view; below it,
  // the screen scrolls to it (its content loaded, so as far as the page lets it).
  const reveal = useCallback(() => {
    const element = pane.current;
    if (!picked.current || !element) return;
    picked.current = false;
    element.focus({ preventScroll: true });
    if (!beside) element.scrollIntoView({ block: 'start' });
  }, [beside]);

  const set = (changes: Record<string, string | null>) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      return next;
    });

  return (
    <Stack gap="md">
      <Title order={1}>{t('mail.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('mail.intro')}
      </Text>
      <ErrorAlert message={list.error ? errorText(list.error, t) : null} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          {list.data ? (
            <Stack gap="xs">
              {list.data.items.length === 0 && <Text>{t('mail.empty')}</Text>}
              <nav aria-label={t('mail.listLabel')}>
                <Stack gap={6}>
                  {list.data.items.map((mail) => {
                    const active = String(mail.id) === selected;
                    return (
                      <UnstyledButton
                        key={mail.id}
                        onClick={() => {
                          picked.current = true;
                          set({ id: String(mail.id) });
                        }}
                        aria-current={active ? 'true' : undefined}
                      >
                        <Paper
                          withBorder
                          p="xs"
                          bg={active ? 'var(--mantine-primary-color-light)' : undefined}
                        >
                          <Text fw={500} size="sm" lineClamp={1}>
                            {mail.subject}
                          </Text>
                          <Group justify="space-between" gap="xs">
                            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                              {mail.to}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {formatDateTime(mail.at, locale)}
                            </Text>
                          </Group>
                        </Paper>
                      </UnstyledButton>
                    );
                  })}
                </Stack>
              </nav>
              <ServerPagination
                page={page}
                total={list.data.total}
                pageSize={ADMIN_PAGE_SIZE}
                onChange={(p) => set({ page: String(p) })}
              />
            </Stack>
          ) : (
            list.isPending && <PageLoader />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {selected ? (
            <Paper
              ref={pane}
              withBorder
              p="md"
              tabIndex={-1}
              aria-label={t('mail.pane')}
              component="section"
              data-testid="mail-pane"
              style={
                beside
                  ? {
                      position: 'sticky',
                      top: 'calc(var(--app-shell-header-offset, 0rem) + var(--mantine-spacing-md))',
                      maxHeight:
                        'calc(100dvh - var(--app-shell-header-offset, 0rem) - 2 * var(--mantine-spacing-md))',
                      overflowY: 'auto',
                      scrollMarginTop: 'var(--app-shell-header-offset, 0rem)',
                    }
                  : { scrollMarginTop: 'calc(var(--app-shell-header-offset, 0rem) + 8px)' }
              }
            >
              <MailView id={selected} onShown={reveal} />
            </Paper>
          ) : (
            <Text c="dimmed">{t('mail.choose')}</Text>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
