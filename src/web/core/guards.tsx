import { Alert, Container } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { PageAccess } from './pages.ts';
import { useT } from './i18n/index.tsx';
import { PageLoader } from './ui/PageLoader.tsx';
import { useSession } from './session.tsx';

/** Sends visitors who are not logged in to the login page, then back here. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageLoader />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** Shows the page only to whoever its access admits (the server checks again). */
export function RequireAccess({ access, children }: { access: PageAccess; children: ReactNode }) {
  const t = useT();
  const { allows } = useSession();
  return (
    <RequireAuth>
      {allows(access) ? (
        children
      ) : (
        <Container size="sm" py="xl">
          <Alert color="red" title={t('error.forbiddenTitle')} role="alert">
            {t('error.forbidden')}
          </Alert>
        </Container>
      )}
    </RequireAuth>
  );
}
