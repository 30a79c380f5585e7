import { Alert, Button, Container, Stack, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../core/api.ts';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { useSessionActions } from '../../core/session.tsx';
import { PageLoader } from '../../core/ui/PageLoader.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { landingFor, useLoginLink } from './hooks.ts';

export function LoginLinkPage() {
  const t = useT();
  usePageTitle(t('login.title'));
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const navigate = useNavigate();
  const link = useLoginLink();
  const { loggedIn } = useSessionActions();
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    link.mutate(token, {
      onSuccess: (info) => {
        const landing = landingFor(info.me?.permissions ?? []);
        void loggedIn(info).then(() => navigate(landing, { replace: true }));
      },
    });
  }, [token, link, loggedIn, navigate]);

  const invalid = !token || (link.error instanceof ApiError && link.error.status === 400);
  return (
    <Container size="xs" py="xl">
      <Stack>
        <Title order={1} size="h2">
          {t('login.title')}
        </Title>
        {invalid ? (
          <Alert color="orange" role="alert" title={t('login.linkInvalidTitle')}>
            {t('login.linkInvalidText')}
          </Alert>
        ) : link.isError ? (
          <Alert color="red" role="alert">
            {errorText(link.error, t)}
          </Alert>
        ) : (
          <PageLoader />
        )}
        {(invalid || link.isError) && (
          <Button component={Link} to="/login" w="fit-content">
            {t('login.backToLogin')}
          </Button>
        )}
      </Stack>
    </Container>
  );
}
