import { Select, type SelectProps } from '@mantine/core';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { useSegments } from '../people/hooks.ts';

/** A saved segment to call, each named with its number of people when it is known. */
export function SegmentSelect(props: Omit<SelectProps, 'data'>) {
  const t = useT();
  const [locale] = useLocale();
  const segments = useSegments();
  return (
    <Select
      placeholder={t('calling.form.pickSegment')}
      required
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      data={(segments.data ?? []).map((segment) => ({
        value: String(segment.id),
        label:
          segment.count === null
            ? segment.name
            : t('calling.form.segmentOption', {
                name: segment.name,
                count: formatNumber(segment.count, locale),
              }),
      }))}
      {...props}
    />
  );
}
