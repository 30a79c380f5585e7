import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { newslettersApi } from '../../../contracts/newsletters-api.ts';
import type {
  Newsletter,
  NewsletterInput,
  NewsletterPreviewInput,
  SubjectVariant,
} from '../../../contracts/newsletters.ts';
import { call } from '../../core/api.ts';
import { useSegments } from '../people/hooks.ts';
import { useT } from '../../core/i18n/index.tsx';
import { isLive, isUnderWay } from './labels.ts';

const newslettersKey = ['newsletters'] as const;
const newsletterKey = (id: number) => [...newslettersKey, 'one', id] as const;

/** The campaign's newsletters, newest first; asked again every 5 s while one is being sent. */
export const useNewsletters = () =>
  useQuery({
    queryKey: newslettersKey,
    queryFn: () => call(newslettersApi.list),
    refetchInterval: (query) =>
      query.state.data?.some((newsletter) => isUnderWay(newsletter.status)) ? 5000 : false,
  });

/** One newsletter; asked again every 3 s while scheduled or sending, so its counts follow. */
export const useNewsletter = (id: number) =>
  useQuery({
    queryKey: newsletterKey(id),
    // A malformed id in the address is asked too: the server's refusal is shown.
    queryFn: () => call(newslettersApi.get, { params: { id } }),
    refetchInterval: (query) =>
      query.state.data && isLive(query.state.data.status) ? 3000 : false,
  });

/** After any change: the newsletter's cache is the answer, the list reloaded. */
function useNewsletterMutation<I>(mutationFn: (input: I) => Promise<Newsletter>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (saved) => {
      client.setQueryData(newsletterKey(saved.id), saved);
      await client.invalidateQueries({ queryKey: newslettersKey, exact: true });
    },
  });
}

export const useCreateNewsletter = () =>
  useNewsletterMutation((body: NewsletterInput) => call(newslettersApi.create, { body }));

export const useUpdateNewsletter = () =>
  useNewsletterMutation(({ id, body }: { id: number; body: NewsletterInput }) =>
    call(newslettersApi.update, { params: { id }, body }),
  );

/** Send at a moment to come (`at`), or now (`at`: null). */
export const useScheduleNewsletter = () =>
  useNewsletterMutation(({ id, at }: { id: number; at: string | null }) =>
    call(newslettersApi.schedule, { params: { id }, body: { at } }),
  );

export const useCancelNewsletter = () =>
  useNewsletterMutation((id: number) => call(newslettersApi.cancel, { params: { id } }));

/** A subject test's winner picked by hand: the rest of the audience gets that subject. */
export const usePickSubjectTestWinner = () =>
  useNewsletterMutation(({ id, variant }: { id: number; variant: SubjectVariant }) =>
    call(newslettersApi.pickWinner, { params: { id }, body: { variant } }),
  );

export const useTestNewsletter = () =>
  useMutation({ mutationFn: (id: number) => call(newslettersApi.test, { params: { id } }) });

export function useDeleteNewsletter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(newslettersApi.delete, { params: { id } }),
    onSuccess: async (_done, id) => {
      client.removeQueries({ queryKey: newsletterKey(id) });
      await client.invalidateQueries({ queryKey: newslettersKey, exact: true });
    },
  });
}

/**
 * The mail as the staff member would receive it, asked once typing pauses for 400 ms (the last
 * one stays on screen meanwhile); nothing is asked while `input` is null.
 */
export function useNewsletterPreview(input: NewsletterPreviewInput | null) {
  // Debounced as text: a new object at each render would restart the wait forever.
  const [debounced] = useDebouncedValue(input && JSON.stringify(input), 400);
  return useQuery({
    queryKey: [...newslettersKey, 'preview', debounced],
    queryFn: () =>
      call(newslettersApi.preview, { body: JSON.parse(debounced!) as NewsletterPreviewInput }),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Who a newsletter goes to, in words: its segment by name, or everyone who agreed to email. */
export function useAudienceText(segmentId: number | null): string {
  const t = useT();
  const segments = useSegments();
  if (segmentId === null) return t('newsletters.audience.everyone');
  const segment = segments.data?.find((candidate) => candidate.id === segmentId);
  if (segment) return t('newsletters.audience.segment', { name: segment.name });
  return segments.data
    ? t('newsletters.audience.unknownSegment', { id: segmentId })
    : t('newsletters.audience.segment', { name: '…' });
}
