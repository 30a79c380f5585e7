import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { dataFileName } from '../../../contracts/fold.ts';
import type {
  ConsentHistoryEntry,
  ConsentRecordInput,
  Contact,
  ContactInput,
  Note,
  PersonInput,
  PrivacyRequest,
} from '../../../contracts/person-records.ts';
import type { PersonDetail } from '../../../contracts/people.ts';
import { api } from '../../core/api.ts';
import { peopleKey } from './hooks.ts';

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const personKey = (id: number) => [...peopleKey, 'detail', id] as const;
const recordsKey = (id: number, what: string) => [...peopleKey, 'records', id, what] as const;

export function useCreatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonInput) => api.post<{ id: number }>('/api/people', input),
    onSuccess: () => client.invalidateQueries({ queryKey: [...peopleKey, 'list'] }),
  });
}

export function useUpdatePerson(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonInput) => api.put<PersonDetail>(`/api/people/${id}`, input),
    onSuccess: (person) => {
      client.setQueryData(personKey(id), person);
      void client.invalidateQueries({ queryKey: [...peopleKey, 'list'] });
    },
  });
}

export function useConsentHistory(id: number) {
  return useQuery({
    queryKey: recordsKey(id, 'consents'),
    queryFn: () => api.get<ConsentHistoryEntry[]>(`/api/people/${id}/consents`),
  });
}

export function useRecordConsent(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ConsentRecordInput) =>
      api.post<ConsentHistoryEntry[]>(`/api/people/${id}/consents`, input),
    onSuccess: async (history) => {
      client.setQueryData(recordsKey(id, 'consents'), history);
      await client.invalidateQueries({ queryKey: personKey(id) });
    },
  });
}

export function useNotes(id: number, page: number) {
  return useQuery({
    queryKey: [...recordsKey(id, 'notes'), page],
    queryFn: () => api.get<Page<Note>>(`/api/people/${id}/notes?page=${page}&pageSize=10`),
    placeholderData: keepPreviousData,
  });
}

/** Add (no noteId), edit (body) or delete (body null) a note; the list is read again. */
export function useNoteChange(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ noteId, body }: { noteId?: number; body: string | null }) =>
      noteId === undefined
        ? api.post<Note>(`/api/people/${id}/notes`, { body })
        : body === null
          ? api.delete<unknown>(`/api/people/${id}/notes/${noteId}`)
          : api.put<Note>(`/api/people/${id}/notes/${noteId}`, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: recordsKey(id, 'notes') }),
  });
}

export function useContacts(id: number, page: number) {
  return useQuery({
    queryKey: [...recordsKey(id, 'contacts'), page],
    queryFn: () => api.get<Page<Contact>>(`/api/people/${id}/contacts?page=${page}&pageSize=10`),
    placeholderData: keepPreviousData,
  });
}

export function useAddContact(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactInput) => api.post<Contact>(`/api/people/${id}/contacts`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: recordsKey(id, 'contacts') }),
  });
}

/** Saves a JSON value as a file, as a download link would. */
function saveJson(data: unknown, fileName: string) {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export function useAccessRequest(id: number) {
  return useMutation({
    mutationFn: (request: PrivacyRequest) =>
      api.post<{ about: { campaign: string | null } }>(`/api/people/${id}/access-request`, request),
    onSuccess: (data) => saveJson(data, dataFileName(data.about.campaign, id)),
  });
}

export function useErasureRequest(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: PrivacyRequest) =>
      api.post<unknown>(`/api/people/${id}/erase`, { ...request, confirm: 'ERASE' }),
    // Lists only, not awaited: reading the erased person again would unmount the page (404)
    // before the caller moves on to the list.
    onSuccess: () => void client.invalidateQueries({ queryKey: [...peopleKey, 'list'] }),
  });
}
