import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { mobilisationApi } from '../../../contracts/mobilisation-api.ts';
import type { ActionRef, VolunteerProfileInput } from '../../../contracts/mobilisation.ts';
import { call } from '../../core/api.ts';

const profileKey = ['mobilisation', 'profile'] as const;
const feedKey = ['mobilisation', 'feed'] as const;

/** The supporter's volunteer profile. */
export function useVolunteerProfile() {
  return useQuery({ queryKey: profileKey, queryFn: () => call(mobilisationApi.profile) });
}

/** Saves the profile; the feed it filters is read again. */
export function useSaveVolunteerProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: VolunteerProfileInput) => call(mobilisationApi.updateProfile, { body }),
    onSuccess: (profile) => {
      client.setQueryData(profileKey, profile);
      void client.invalidateQueries({ queryKey: feedKey });
    },
  });
}

/** "Act near me": the open actions around the supporter. */
export function useActionFeed() {
  return useQuery({ queryKey: feedKey, queryFn: () => call(mobilisationApi.feed, { query: {} }) });
}

/** Signs the supporter up for an action (one tap); the feed is read again. */
export function useTakeAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionRef) => call(mobilisationApi.take, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: feedKey }),
  });
}

/** A person's volunteer profile, for staff on the person page. */
export function usePersonVolunteerProfile(personId: number) {
  return useQuery({
    queryKey: ['mobilisation', 'person', personId],
    queryFn: () => call(mobilisationApi.ofPerson, { params: { id: personId } }),
  });
}
