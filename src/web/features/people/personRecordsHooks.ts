import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { dataFileName } from '../../../contracts/fold.ts';
import { personApi } from '../../../contracts/person-api.ts';
import type { PrivacyRequest } from '../../../contracts/person-records.ts';
import type { CallInput } from '../../../contracts/route.ts';
import { call } from '../../core/api.ts';
import { peopleKey } from './hooks.ts';

type BodyFor<C extends keyof typeof personApi> = CallInput<(typeof personApi)[C]>['body'];

const personKey = (id: number) => [...peopleKey, 'detail', id] as const;
const recordsKey = (id: number, what: string) => [...peopleKey, 'records', id, what] as const;

export function useCreatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyFor<'create'>) => call(personApi.create, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...peopleKey, 'list'] }),
  });
}

export function useUpdatePerson(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyFor<'update'>) => call(personApi.update, { params: { id }, body }),
    onSuccess: (person) => {
      client.setQueryData(personKey(id), person);
      void client.invalidateQueries({ queryKey: [...peopleKey, 'list'] });
    },
  });
}

export function useConsentHistory(id: number) {
  return useQuery({
    queryKey: recordsKey(id, 'consents'),
    queryFn: () => call(personApi.consents, { params: { id } }),
  });
}

export function useRecordConsent(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyFor<'recordConsent'>) =>
      call(personApi.recordConsent, { params: { id }, body }),
    onSuccess: async (history) => {
      client.setQueryData(recordsKey(id, 'consents'), history);
      await client.invalidateQueries({ queryKey: personKey(id) });
    },
  });
}

export function useNotes(id: number, page: number) {
  return useQuery({
    queryKey: [...recordsKey(id, 'notes'), page],
    queryFn: () => call(personApi.notes, { params: { id }, query: { page, pageSize: 10 } }),
    placeholderData: keepPreviousData,
  });
}

/** Add (no noteId), edit (body) or delete (body null) a note; the list is read again. */
export function useNoteChange(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ noteId, body }: { noteId?: number; body: string | null }) =>
      noteId === undefined
        ? call(personApi.addNote, { params: { id }, body: { body: body ?? '' } })
        : body === null
          ? call(personApi.deleteNote, { params: { id, noteId } })
          : call(personApi.updateNote, { params: { id, noteId }, body: { body } }),
    onSuccess: () => client.invalidateQueries({ queryKey: recordsKey(id, 'notes') }),
  });
}

export function useContacts(id: number, page: number) {
  return useQuery({
    queryKey: [...recordsKey(id, 'contacts'), page],
    queryFn: () => call(personApi.contacts, { params: { id }, query: { page, pageSize: 10 } }),
    placeholderData: keepPreviousData,
  });
}

export function useAddContact(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyFor<'addContact'>) =>
      call(personApi.addContact, { params: { id }, body }),
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
      call(personApi.accessRequest, { params: { id }, body: request }),
    onSuccess: (data) => saveJson(data, dataFileName(data.about.campaign, id)),
  });
}

export function useErasureRequest(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: PrivacyRequest) =>
      call(personApi.erase, { params: { id }, body: { ...request, confirm: 'ERASE' } }),
    // Lists only, not awaited: reading the erased person again would unmount the page (404)
    // before the caller moves on to the list.
    onSuccess: () => void client.invalidateQueries({ queryKey: [...peopleKey, 'list'] }),
  });
}
