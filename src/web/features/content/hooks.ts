import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { contentApi } from '../../../contracts/content-api.ts';
import type { ContentInput, ContentItem } from '../../../contracts/content.ts';
import { call } from '../../core/api.ts';

const contentKey = ['content'] as const;
const itemKey = (id: number) => [...contentKey, 'one', id] as const;

export type ContentFilter = { q: string; status: 'draft' | 'scheduled' | 'live' | '' };

export const useContentList = (filter: ContentFilter) =>
  useQuery({
    queryKey: [...contentKey, 'list', filter],
    queryFn: () =>
      call(contentApi.list, {
        query: { q: filter.q || undefined, status: filter.status || undefined },
      }),
    placeholderData: keepPreviousData,
  });

export const useContentItem = (id: number) =>
  useQuery({
    queryKey: itemKey(id),
    queryFn: () => call(contentApi.get, { params: { id } }),
  });

/** After any change: the item's cache is the answer, the lists reloaded. */
function useItemMutation<I>(mutationFn: (input: I) => Promise<ContentItem>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (saved) => {
      client.setQueryData(itemKey(saved.id), saved);
      await client.invalidateQueries({ queryKey: [...contentKey, 'list'] });
    },
  });
}

export const useCreateItem = () =>
  useItemMutation((body: ContentInput) => call(contentApi.create, { body }));

export const useUpdateItem = () =>
  useItemMutation(({ id, body }: { id: number; body: ContentInput }) =>
    call(contentApi.update, { params: { id }, body }),
  );

/** Publish now (`at`: null) or from a moment. */
export const usePublishItem = () =>
  useItemMutation(({ id, at }: { id: number; at: string | null }) =>
    call(contentApi.publish, { params: { id }, body: { at } }),
  );

export const useUnpublishItem = () =>
  useItemMutation((id: number) => call(contentApi.unpublish, { params: { id } }));

export function useDeleteItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(contentApi.delete, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: contentKey }),
  });
}

export function useItemImage(id: number) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: itemKey(id) });
  const set = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return call(contentApi.setImage, { params: { id }, body });
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => call(contentApi.removeImage, { params: { id } }),
    onSuccess: refresh,
  });
  return { set, remove };
}

/** The body drawn as the public page draws it, asked again once typing pauses. */
export function useBodyPreview(body: string) {
  const [settled] = useDebouncedValue(body, 400);
  return useQuery({
    queryKey: [...contentKey, 'preview', settled],
    queryFn: () => call(contentApi.preview, { body: { body: settled } }),
    enabled: settled.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export const useLeaderboard = () =>
  useQuery({
    queryKey: [...contentKey, 'leaderboard'],
    queryFn: () => call(contentApi.leaderboard, { query: { limit: 100 } }),
  });

export const useMyShares = () =>
  useQuery({ queryKey: ['me', 'shares'], queryFn: () => call(contentApi.myShares) });
