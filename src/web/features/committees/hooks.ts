import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Rank } from '../../../contracts/access.ts';
import type {
  CertificationCriteria,
  CommitteeRules,
  HqCommitteesQuery,
} from '../../../contracts/committees.ts';
import { committeesApi } from '../../../contracts/committees-api.ts';
import type { CallInput } from '../../../contracts/route.ts';
import { call } from '../../core/api.ts';

const mineKey = ['committees', 'mine'] as const;
const rulesKey = ['committees', 'rules'] as const;
const criteriaKey = ['committees', 'criteria'] as const;
const hqKey = ['committees', 'hq'] as const;
const committeeKey = (id: number) => ['committees', id] as const;

export function useMyCommittees() {
  return useQuery({ queryKey: mineKey, queryFn: () => call(committeesApi.mine) });
}

export function useCreateCommittee() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CallInput<typeof committeesApi.create>['body']) =>
      call(committeesApi.create, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: mineKey }),
  });
}

/** The committee as its page shows it, with the caller's own membership. */
export function useCommittee(id: number) {
  return useQuery({
    queryKey: committeeKey(id),
    queryFn: () => call(committeesApi.detail, { params: { committeeId: id } }),
  });
}

export function useCommitteeForEdit(id: number) {
  return useQuery({
    queryKey: [...committeeKey(id), 'edit'],
    queryFn: () => call(committeesApi.forEdit, { params: { committeeId: id } }),
  });
}

export function useUpdateCommittee(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CallInput<typeof committeesApi.update>['body']) =>
      call(committeesApi.update, { params: { committeeId: id }, body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: committeeKey(id) });
      await client.invalidateQueries({ queryKey: mineKey });
    },
  });
}

export function useCommitteeMembers(id: number, page: number) {
  return useQuery({
    queryKey: [...committeeKey(id), 'members', page],
    queryFn: () => call(committeesApi.members, { params: { committeeId: id }, query: { page } }),
    placeholderData: keepPreviousData,
  });
}

export function useSetRank(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, rank }: { personId: number; rank: Rank }) =>
      call(committeesApi.setRank, { params: { committeeId: id, personId }, body: { rank } }),
    // The caller's own rank may be the one changed: the page's view of it follows.
    onSettled: () => client.invalidateQueries({ queryKey: committeeKey(id) }),
  });
}

/** The photo is sent as it is; the server re-encodes it and the committee is read again. */
export function useCommitteePhoto(id: number) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: committeeKey(id) });
  const params = { committeeId: id };
  const upload = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return call(committeesApi.setPhoto, { params, body });
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => call(committeesApi.removePhoto, { params }),
    onSuccess: refresh,
  });
  return { upload, remove };
}

export function useLeaveCommittee(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(committeesApi.leave, { params: { committeeId: id } }),
    onSuccess: async () => {
      // Not refetched while the page is still open: the caller leaves it.
      await client.invalidateQueries({ queryKey: committeeKey(id), refetchType: 'none' });
      await client.invalidateQueries({ queryKey: mineKey });
    },
  });
}

export function useCommitteeRules() {
  return useQuery({ queryKey: rulesKey, queryFn: () => call(committeesApi.rules) });
}

export function useSetCommitteeRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CommitteeRules) => call(committeesApi.setRules, { body }),
    onSuccess: (rules) => client.setQueryData(rulesKey, rules),
  });
}

export function useCommitteeMessages(id: number) {
  return useQuery({
    queryKey: [...committeeKey(id), 'messages'],
    queryFn: () => call(committeesApi.messages, { params: { committeeId: id } }),
  });
}

export function useSendCommitteeMessage(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CallInput<typeof committeesApi.sendMessage>['body']) =>
      call(committeesApi.sendMessage, { params: { committeeId: id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...committeeKey(id), 'messages'] }),
  });
}

export function useSetSubscription(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (subscribed: boolean) =>
      call(committeesApi.subscription, { params: { committeeId: id }, body: { subscribed } }),
    onSettled: () => client.invalidateQueries({ queryKey: committeeKey(id), exact: true }),
  });
}

export function useCertification(id: number, enabled = true) {
  return useQuery({
    queryKey: [...committeeKey(id), 'certification'],
    queryFn: () => call(committeesApi.certification, { params: { committeeId: id } }),
    enabled,
  });
}

export function useCertify(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (certified: boolean) =>
      call(committeesApi.certify, { params: { committeeId: id }, body: { certified } }),
    onSuccess: async (certification) => {
      client.setQueryData([...committeeKey(id), 'certification'], certification);
      await client.invalidateQueries({ queryKey: hqKey });
    },
  });
}

export function useCertificationCriteria() {
  return useQuery({ queryKey: criteriaKey, queryFn: () => call(committeesApi.criteria) });
}

export function useSetCertificationCriteria() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CertificationCriteria) => call(committeesApi.setCriteria, { body }),
    onSuccess: async (criteria) => {
      client.setQueryData(criteriaKey, criteria);
      // Every checklist is measured against the criteria.
      await client.invalidateQueries({
        predicate: (query) => query.queryKey.includes('certification'),
      });
    },
  });
}

export function useHqCommittees(query: HqCommitteesQuery) {
  return useQuery({
    queryKey: [...hqKey, query],
    queryFn: () => call(committeesApi.hqList, { query }),
    placeholderData: keepPreviousData,
  });
}

const areaKey = (id: number) => [...committeeKey(id), 'area'] as const;

/** The committee's area, its limits and towns around it (organisers, managers, staff). */
export function useCommitteeArea(id: number) {
  return useQuery({
    queryKey: areaKey(id),
    queryFn: () => call(committeesApi.area, { params: { committeeId: id } }),
  });
}

export function useSetCommitteeArea(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CallInput<typeof committeesApi.setArea>['body']) =>
      call(committeesApi.setArea, { params: { committeeId: id }, body }),
    onSuccess: (area) => client.setQueryData(areaKey(id), area),
  });
}
