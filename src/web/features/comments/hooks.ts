import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { commentsApi } from '../../../contracts/comments-api.ts';
import type { CommentRules } from '../../../contracts/comments.ts';
import { call } from '../../core/api.ts';

const rulesKey = ['comments', 'rules'] as const;

export function useCommentRules() {
  return useQuery({ queryKey: rulesKey, queryFn: () => call(commentsApi.rules) });
}

export function useSetCommentRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CommentRules) => call(commentsApi.setRules, { body }),
    onSuccess: (rules) => client.setQueryData(rulesKey, rules),
  });
}

/** A person's comments, for their page at HQ, a page at a time. */
export function usePersonComments(personId: number, page: number) {
  return useQuery({
    queryKey: ['comments', 'person', personId, page],
    queryFn: () => call(commentsApi.ofPerson, { params: { id: personId }, query: { page } }),
    placeholderData: keepPreviousData,
  });
}
