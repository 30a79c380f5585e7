import { Anchor, Container, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useT } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { PageLoader } from '../../core/ui/PageLoader.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { safeNext } from './hooks.ts';
import { CodeLogin } from './CodeLogin.tsx';
import { PasswordLogin } from './PasswordLogin.tsx';

export function LoginPage() {
  const t = useT();
  usePageTitle(t('login.title'));
  const [search] = useSearchParams();
  const { me, loading } = useSession();
  const next = safeNext(search.get('next'), me?.permissions ?? []);
  const [mode, setMode] = useState<'code' | 'password'>('code');

  if (loading) return <PageLoader />;
  if (me) return <Navigate to={next} replace />;

  return (
    <Container size="xs" py="xl" px={0}>
      <Paper withBorder p="md" shadow="xs">
        <Stack>
          <Title order={1} size="h2">
            {t('login.title')}
          </Title>
          {mode === 'code' ? <CodeLogin /> : <PasswordLogin />}
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => setMode(mode === 'code' ? 'password' : 'code')}
          >
            {mode === 'code' ? t('login.usePassword') : t('login.useCode')}
          </Anchor>
        </Stack>
      </Paper>
    </Container>
  );
}
