import { Alert, Container } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '../../contracts/roles.ts';
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

/** Shows the page only to accounts holding the permission (the server checks again). */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const t = useT();
  const { can } = useSession();
  return (
    <RequireAuth>
      {can(permission) ? (
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
