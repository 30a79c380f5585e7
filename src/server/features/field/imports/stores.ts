import type { FieldImportKind } from '../../../../contracts/field.ts';
import { storeResults } from '../results/store.ts';
import { storeAddresses } from './addresses-store.ts';
import { storeElectors } from './electors-store.ts';
import type { FieldImportStore } from './report.ts';
import { storeReu } from './reu-store.ts';

/** How each kind of field file is read into its tables. */
export const fieldImportStores: Record<FieldImportKind, FieldImportStore> = {
  results: storeResults,
  reu: storeReu,
  addresses: storeAddresses,
  electoral_list: storeElectors,
};
