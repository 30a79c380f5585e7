import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { committeeBoardApi as api } from '../../../contracts/committee-board-api.ts';
import type { PostInput } from '../../../contracts/committee-board.ts';
import { call } from '../../core/api.ts';

const boardKey = (committeeId: number) => ['committees', committeeId, 'board'] as const;
const commentsKey = (committeeId: number, postId: number) =>
  [...boardKey(committeeId), 'comments', postId] as const;

/** The board, a page at a time (pinned first, then newest). */
export function useBoard(committeeId: number) {
  return useInfiniteQuery({
    queryKey: boardKey(committeeId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.posts, { params: { committeeId }, query: pageParam ? { after: pageParam } : {} }),
    getNextPageParam: (page) => page.next ?? undefined,
  });
}

export function useCreatePost(committeeId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PostInput) => call(api.createPost, { params: { committeeId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: boardKey(committeeId) }),
  });
}

export function useUploadDocument(committeeId: number) {
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return call(api.upload, { params: { committeeId }, body });
    },
  });
}

export function useDeletePost(committeeId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (postId: number) => call(api.deletePost, { params: { committeeId, postId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: boardKey(committeeId) }),
  });
}

export function usePinPost(committeeId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, pinned }: { postId: number; pinned: boolean }) =>
      call(api.pin, { params: { committeeId, postId }, body: { pinned } }),
    onSuccess: () => client.invalidateQueries({ queryKey: boardKey(committeeId) }),
  });
}

export function useComments(committeeId: number, postId: number, enabled: boolean) {
  return useQuery({
    queryKey: commentsKey(committeeId, postId),
    queryFn: () => call(api.comments, { params: { committeeId, postId } }),
    enabled,
  });
}

/** Comment, change or delete one: the comments and the post's count follow. */
export function useCommentActions(committeeId: number, postId: number) {
  const client = useQueryClient();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: commentsKey(committeeId, postId) });
    await client.invalidateQueries({ queryKey: boardKey(committeeId), exact: true });
  };
  const params = { committeeId, postId };
  return {
    add: useMutation({
      mutationFn: (body: string) => call(api.comment, { params, body: { body } }),
      onSuccess: refresh,
    }),
    edit: useMutation({
      mutationFn: ({ commentId, body }: { commentId: number; body: string }) =>
        call(api.editComment, { params: { ...params, commentId }, body: { body } }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (commentId: number) =>
        call(api.deleteComment, { params: { ...params, commentId } }),
      onSuccess: refresh,
    }),
  };
}
