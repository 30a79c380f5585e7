import { Alert, Container, Grid, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { useLocation } from 'react-router';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { useSite } from '../../core/site.ts';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Paragraphs } from '../../core/ui/Paragraphs.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { SignupForm } from './SignupForm.tsx';

function noticeOf(state: unknown): string | null {
  if (
    typeof state === 'object' &&
    state !== null &&
    'notice' in state &&
    typeof state.notice === 'string'
  ) {
    return state.notice;
  }
  return null;
}

export function HomePage() {
  const t = useT();
  const site = useSite();
  const location = useLocation();
  const notice = noticeOf(location.state);
  usePageTitle(site.data?.home.title ?? '');

  return (
    <Container size="lg" py="md" px={0}>
      {notice === 'deleted' && (
        <Alert color="green" role="status" mb="md">
          {t('me.deleted')}
        </Alert>
      )}
      <ErrorAlert message={site.error ? errorText(site.error, t) : null} mb="md" />
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          {site.data ? (
            <Stack>
              <Title order={1}>{site.data.home.title}</Title>
              <Paragraphs text={site.data.home.message} />
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
