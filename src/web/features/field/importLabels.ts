import type { FieldImport, FieldImportKind } from '../../../contracts/field.ts';
import type { MessageKey, Translate } from '../../core/i18n/index.tsx';

export const importKinds: Array<{ value: FieldImportKind; label: MessageKey; help: MessageKey }> = [
  { value: 'results', label: 'field.kind.results', help: 'field.kind.resultsHelp' },
  { value: 'reu', label: 'field.kind.reu', help: 'field.kind.reuHelp' },
  { value: 'addresses', label: 'field.kind.addresses', help: 'field.kind.addressesHelp' },
  {
    value: 'electoral_list',
    label: 'field.kind.electoralList',
    help: 'field.kind.electoralListHelp',
  },
];

export const kindLabel = (kind: FieldImportKind): MessageKey =>
  importKinds.find((k) => k.value === kind)!.label;

export const statusLabels: Record<FieldImport['status'], MessageKey> = {
  queued: 'field.status.queued',
  running: 'field.status.running',
  succeeded: 'field.status.succeeded',
  failed: 'field.status.failed',
};

export const statusColors: Record<FieldImport['status'], string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
};

/** The counts the readers report, in the order they are shown; others follow by name. */
const countKeys: Record<string, MessageKey> = {
  rows: 'field.count.rows',
  stored: 'field.count.stored',
  skipped: 'field.count.skipped',
  duplicates: 'field.count.duplicates',
  abroad: 'field.count.abroad',
  withoutCommune: 'field.count.withoutCommune',
  candidates: 'field.count.candidates',
  stations: 'field.count.stations',
  communes: 'field.count.communes',
  withoutBanId: 'field.count.withoutBanId',
  withoutPosition: 'field.count.withoutPosition',
  withoutNumber: 'field.count.withoutNumber',
  linkedByReu: 'field.count.linkedByReu',
  linkedByStreet: 'field.count.linkedByStreet',
  linkedByNearest: 'field.count.linkedByNearest',
  unlinked: 'field.count.unlinked',
  electorsTied: 'field.count.electorsTied',
  stationsKnown: 'field.count.stationsKnown',
  stationsUnknown: 'field.count.stationsUnknown',
  tiedToAddress: 'field.count.tiedToAddress',
  replaced: 'field.count.replaced',
};
const order = Object.keys(countKeys);

/** Where a kind's count says more than the shared word ("Enregistrées" are electors there). */
const kindCountKeys: Partial<Record<FieldImportKind, Record<string, MessageKey>>> = {
  electoral_list: { stored: 'field.count.electors' },
};

/** An import's counts, labelled and in a steady order (an unknown count keeps its name). */
export function countLines(counts: Record<string, number>, t: Translate, kind?: FieldImportKind) {
  const keys = { ...countKeys, ...(kind ? kindCountKeys[kind] : undefined) };
  return Object.entries(counts)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([name, value]) => ({ name, label: keys[name] ? t(keys[name]) : name, value }));
}

const rank = (name: string) => {
  const at = order.indexOf(name);
  return at === -1 ? order.length : at;
};

/** A reader's warning: sentences come in French; a coded one (`encoding:…`) is said here. */
export function warningText(warning: string, t: Translate): string {
  const encoding = /^encoding:(.+)$/.exec(warning);
  return encoding ? t('field.imports.encodingWarning', { encoding: encoding[1] }) : warning;
}
