import { Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { ApiError } from '../../core/api.ts';
import { useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { useMergedInto } from './duplicatesHooks.ts';

/**
 * A person page whose id was not found: if that person was merged into another, go there;
 * otherwise show the error as usual.
 */
export function MergedPersonRedirect({
  id,
  query,
}: {
  id: number;
  query: UseQueryResult<unknown>;
}) {
  const t = useT();
  const notFound = query.error instanceof ApiError && query.error.status === 404;
  const merged = useMergedInto(id, notFound);
  if (notFound && merged.isPending) return <Text size="sm">{t('duplicates.mergedRedirect')}</Text>;
  if (notFound && merged.data) return <Navigate to={`/hq/people/${merged.data}`} replace />;
  return <QueryState query={query}>{() => null}</QueryState>;
}
