import { Alert, Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorText } from '../errors.ts';
import { useT } from '../i18n/index.tsx';
import { PageLoader } from './PageLoader.tsx';

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** Renders a loader, an error with a retry button, or the children with the data. */
export function QueryState<T>({
  query,
  children,
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) {
    return (
      <Alert color="red" role="alert" title={t('error.loadFailed')}>
        {errorText(query.error, t)}{' '}
        <Button size="xs" variant="subtle" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  return <PageLoader />;
}
