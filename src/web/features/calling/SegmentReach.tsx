import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { callingSegmentsApi } from '../../../contracts/calling-api.ts';
import type { SegmentReach as Reach } from '../../../contracts/calling.ts';
import { call } from '../../core/api.ts';
import { useT } from '../../core/i18n/index.tsx';
import { callingKey } from './hooks.ts';

/**
 * Under a segment chosen in an editor: its people, and how many of their numbers the launch
 * (or the opening) would call if it happened now.
 */
export function SegmentReach({
  segmentId,
  kind,
}: {
  segmentId: string | null;
  kind: keyof Omit<Reach, 'people'>;
}) {
  const t = useT();
  const reach = useQuery({
    queryKey: [...callingKey, 'segment-reach', segmentId],
    queryFn: () => call(callingSegmentsApi.reach, { params: { id: Number(segmentId) } }),
    enabled: segmentId !== null,
  });
  if (!segmentId || !reach.data) return null;
  const reachable = reach.data[kind];
  return (
    <Text size="sm" c={reachable === 0 ? 'red.8' : undefined} role="status">
      {t(`calling.reach.${kind}`, { people: reach.data.people, count: reachable })}
    </Text>
  );
}
