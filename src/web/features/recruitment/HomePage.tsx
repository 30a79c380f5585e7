import { Alert, Container, Grid, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { homeIn } from '../../../contracts/recruitment.ts';
import { errorText } from '../../core/errors.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { useSite } from '../../core/site.ts';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Paragraphs } from '../../core/ui/Paragraphs.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { SignupForm } from './SignupForm.tsx';

/** Messages another page leaves for the home page (after deleting the account, logging out…). */
const NOTICES = {
  deleted: 'me.deleted',
  loggedOutEverywhere: 'me.loggedOutEverywhere',
} as const;

function noticeOf(state: unknown): keyof typeof NOTICES | null {
  if (
    typeof state === 'object' &&
    state !== null &&
    'notice' in state &&
    typeof state.notice === 'string' &&
    state.notice in NOTICES
  ) {
    return state.notice as keyof typeof NOTICES;
  }
  return null;
}

export function HomePage() {
  const t = useT();
  const site = useSite();
  const [locale] = useLocale();
  const home = site.data && homeIn(site.data.home, locale);
  const location = useLocation();
  const notice = noticeOf(location.state);
  const noticeRef = useRef<HTMLDivElement>(null);
  usePageTitle(home?.title ?? '');

  // The button that led here is gone: focus goes to the message that explains what happened.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice, location.key]);

  return (
    <Container size="lg" py="md" px={0}>
      {notice && (
        <Alert ref={noticeRef} tabIndex={-1} color="green" role="status" mb="md">
          {t(NOTICES[notice])}
        </Alert>
      )}
      <ErrorAlert message={site.error ? errorText(site.error, t) : null} mb="md" />
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          {home ? (
            <Stack>
              <Title order={1}>{home.title}</Title>
              <Paragraphs text={home.message} />
            </Stack>
          ) : (
            <Stack aria-hidden>
              <Skeleton height={36} width="70%" />
              <Skeleton height={14} />
              <Skeleton height={14} />
              <Skeleton height={14} width="60%" />
            </Stack>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" shadow="xs">
            <SignupForm site={site.data} source="signup" />
          </Paper>
        </Grid.Col>
      </Grid>
    </Container>
  );
}
