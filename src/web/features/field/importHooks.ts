import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fieldImportsApi } from '../../../contracts/field-api.ts';
import type { FieldImport } from '../../../contracts/field.ts';
import { call } from '../../core/api.ts';

export const fieldKey = ['field'] as const;
const importsKey = [...fieldKey, 'imports'] as const;
/** Not under `[...fieldKey, 'elections']`: those are the imported results' elections. */
const listElectionsKey = [...fieldKey, 'electoral-list-elections'] as const;

/** An import still being read: the list is asked again until none is. */
export const isImportPending = (item: Pick<FieldImport, 'status'>) =>
  item.status === 'queued' || item.status === 'running';

/** The latest field imports, followed every 2 s while one of them is queued or running. */
export function useFieldImports() {
  const client = useQueryClient();
  return useQuery({
    queryKey: importsKey,
    queryFn: async () => {
      const list = await call(fieldImportsApi.list);
      // A finished import may bring an election or addresses: targeting reads them again.
      if (!list.items.some(isImportPending)) {
        void client.invalidateQueries({ queryKey: [...fieldKey, 'elections'] });
        void client.invalidateQueries({ queryKey: [...fieldKey, 'stations'] });
        // An electoral list or addresses change the electors counted and shown at the doors.
        void client.invalidateQueries({ queryKey: listElectionsKey });
        void client.invalidateQueries({ queryKey: [...fieldKey, 'walk-list'] });
      }
      return list;
    },
    refetchInterval: (query) => (query.state.data?.items.some(isImportPending) ? 2000 : false),
  });
}

/** The campaign's elections an electoral list can serve, with their last round; on demand. */
export const useElectoralListElections = (enabled: boolean) =>
  useQuery({
    queryKey: listElectionsKey,
    queryFn: () => call(fieldImportsApi.listElections),
    enabled,
  });

/** Sends a file (FormData: `kind`, `label` or `electionId`, then `file`). */
export function useStartFieldImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FormData) => call(fieldImportsApi.start, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: importsKey }),
  });
}
