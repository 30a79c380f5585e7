import type { MessageKey, Translate } from '../../core/i18n/index.tsx';
import { consentSourceLabel, sourceLabel } from './labels.ts';
import { consentChannelLabel } from './personRecordLabels.ts';

type Data = Record<string, unknown>;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : null;
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The profile fields a person edits, by the names the server records. */
const profileFieldKeys: Record<string, MessageKey> = {
  firstName: 'field.firstName',
  lastName: 'field.lastName',
  phone: 'field.phone',
  postalCode: 'field.postalCode',
  communeCode: 'geo.commune',
  communeName: 'geo.commune',
  locale: 'field.locale',
  email: 'field.email',
  addressStreet: 'person.addressStreet',
  addressComplement: 'person.addressComplement',
};

/** What a volunteer recorded of a call from a phone bank. */
const callOutcomeKeys: Record<string, MessageKey> = {
  no_answer: 'timeline.callOutcome.no_answer',
  wrong_number: 'timeline.callOutcome.wrong_number',
  call_back: 'timeline.callOutcome.call_back',
  conversation: 'timeline.callOutcome.conversation',
  refused: 'timeline.callOutcome.refused',
  do_not_call: 'timeline.callOutcome.do_not_call',
};

/** Staff edits keep each changed field's value before and after: one line each. */
function beforeAfterLines(data: Data, t: Translate): string[] {
  const before = (data.before ?? {}) as Data;
  const after = (data.after ?? {}) as Data;
  return list(data.changed).map((field) =>
    t('timeline.beforeAfter', {
      field: profileFieldKeys[field] ? t(profileFieldKeys[field]) : field,
      before: text(before[field]) ?? '—',
      after: text(after[field]) ?? '—',
    }),
  );
}

const attributionLabels: Array<[string, string | MessageKey]> = [
  ['utmSource', 'utm_source'],
  ['utmMedium', 'utm_medium'],
  ['utmCampaign', 'utm_campaign'],
  ['referrerUrl', 'person.referrer'],
];

function originLines(data: Data, t: Translate): string[] {
  const lines: string[] = [];
  const source = text(data.source);
  if (source) lines.push(t('timeline.source', { source: sourceLabel(source, t) }));
  const event = text(data.event);
  if (event) lines.push(t('timeline.event', { name: event }));
  for (const [key, label] of attributionLabels) {
    const value = text(data[key]);
    if (!value) continue;
    const name = label.includes('.') ? t(label as MessageKey) : label;
    lines.push(t('common.labelValue', { label: name, value }));
  }
  return lines;
}

/** Consent wording texts by version and channel, to show what a person agreed to. */
export type WordingTexts = ReadonlyMap<string, Readonly<Record<string, string>>>;

/** Readable lines for a timeline entry's data, in the viewer's language. */
export function timelineLines(
  kind: string,
  data: Data,
  t: Translate,
  wordings?: WordingTexts,
): string[] {
  switch (kind) {
    case 'signup':
    case 'created':
    case 'confirmed':
      return originLines(data, t);
    case 'consent': {
      const channel = consentChannelLabel(String(data.channel), t);
      const lines = [
        t(data.granted ? 'timeline.consentGiven' : 'timeline.consentWithdrawn', { channel }),
      ];
      const source = text(data.source);
      if (source) lines.push(t('timeline.consentVia', { source: consentSourceLabel(source, t) }));
      const day = text(data.receivedOn);
      if (day) lines.push(t('timeline.receivedOn', { day }));
      const wording = text(data.wordingVersion);
      const agreed =
        wording && data.granted ? wordings?.get(wording)?.[String(data.channel)] : null;
      if (agreed) lines.push(t('timeline.consentWording', { version: wording!, text: agreed }));
      else if (day && data.granted && wording)
        lines.push(t('timeline.wording', { version: wording }));
      const note = text(data.note);
      if (note) lines.push(t('timeline.evidence', { note }));
      return lines;
    }
    case 'tags': {
      const lines: string[] = [];
      const added = list(data.added);
      const removed = list(data.removed);
      if (added.length) lines.push(t('timeline.tagsAdded', { tags: added.join(', ') }));
      if (removed.length) lines.push(t('timeline.tagsRemoved', { tags: removed.join(', ') }));
      return lines;
    }
    case 'profile_update': {
      if (data.by === 'staff') return [t('timeline.byStaff'), ...beforeAfterLines(data, t)];
      const lines: string[] = [];
      const fields = list(data.changed).map((f) =>
        profileFieldKeys[f] ? t(profileFieldKeys[f]) : f,
      );
      if (fields.length) lines.push(t('timeline.changed', { fields: fields.join(', ') }));
      if (data.by === 'self') lines.push(t('timeline.bySelf'));
      return lines;
    }
    case 'import': {
      const lines: string[] = [];
      const file = text(data.fileName);
      if (file) lines.push(t('timeline.importFile', { file }));
      if (data.created === true) lines.push(t('timeline.importCreated'));
      if (data.merged === true) lines.push(t('timeline.importMerged'));
      return lines;
    }
    case 'merge':
      return [t('timeline.mergedFrom', { id: text(data.mergedId) ?? '?' })];
    case 'custom_fields':
      return [t('timeline.changed', { fields: list(data.keys).join(', ') })];
    case 'phone_call': {
      const outcome = callOutcomeKeys[text(data.outcome) ?? ''];
      return [
        t('timeline.phoneCallLine', {
          bank: text(data.bank) ?? '?',
          outcome: outcome ? t(outcome) : (text(data.outcome) ?? '?'),
        }),
      ];
    }
    default:
      return genericLines(data);
  }
}

/** Kinds the app does not know yet: their data as "key: value", still readable text. */
function genericLines(data: Data): string[] {
  return Object.entries(data).map(([key, value]) => {
    const shown = Array.isArray(value)
      ? list(value).join(', ')
      : (text(value) ?? JSON.stringify(value));
    return `${key}: ${shown}`;
  });
}
