import type { Locale } from '../../../contracts/common.ts';
import { peopleFilterSchema } from '../../../contracts/people.ts';
import { permissionSchema, roleSchema } from '../../../contracts/roles.ts';
import type { MessageKey, Translate } from '../../core/i18n/index.tsx';
import { describeFilter } from '../people/describeFilter.ts';
import { consentSourceLabel } from '../people/labels.ts';
import { permissionLabel, roleKeys } from './RightsFields.tsx';

const actionKeys: Record<string, MessageKey> = {
  'account.roles': 'audit.do.account.roles',
  'people.export': 'audit.do.people.export',
  'person.erase': 'audit.do.person.erase',
  'person.self_export': 'audit.do.person.self_export',
  'import.errors_download': 'audit.do.import.errors_download',
  'settings.home.update': 'audit.do.settings.home.update',
  'demo.seed': 'audit.do.demo.seed',
  'campaign.backup': 'audit.do.campaign.backup',
  'campaign.restore': 'audit.do.campaign.restore',
  'backup.scheduled': 'audit.do.backup.scheduled',
  'backup.scheduled_failed': 'audit.do.backup.scheduled_failed',
  'backup.drill': 'audit.do.backup.drill',
  'backup.drill_failed': 'audit.do.backup.drill_failed',
  'person.create': 'audit.do.person.create',
  'person.update': 'audit.do.person.update',
  'person.consent_record': 'audit.do.person.consent_record',
  'person.note_add': 'audit.do.person.note_add',
  'person.note_edit': 'audit.do.person.note_edit',
  'person.note_delete': 'audit.do.person.note_delete',
  'person.contact_add': 'audit.do.person.contact_add',
  'person.access_request': 'audit.do.person.access_request',
  'people.bulk_tag': 'audit.do.people.bulk_tag',
  'segment.create': 'audit.do.segment.create',
  'segment.update': 'audit.do.segment.update',
  'segment.delete': 'audit.do.segment.delete',
  'audience.create': 'audit.do.audience.create',
  'election.create': 'audit.do.election.create',
  'api_token.created': 'audit.do.api_token.created',
  'api_token.revoked': 'audit.do.api_token.revoked',
  'api_token.refused': 'audit.do.api_token.refused',
  'webhook.created': 'audit.do.webhook.created',
  'webhook.updated': 'audit.do.webhook.updated',
  'webhook.deleted': 'audit.do.webhook.deleted',
  'election.update': 'audit.do.election.update',
  'election.delete': 'audit.do.election.delete',
  'import.start': 'audit.do.import.start',
  'import.applied': 'audit.do.import.applied',
  'import.rejected': 'audit.do.import.rejected',
  'import.failed': 'audit.do.import.failed',
  'import.cancelled': 'audit.do.import.cancelled',
  'import.cancel': 'audit.do.import.cancel',
  'committees.rank': 'audit.do.committees.rank',
  'committees.rules.update': 'audit.do.committees.rules.update',
  'committees.certify': 'audit.do.committees.certify',
  'committees.export': 'audit.do.committees.export',
  'committees.uncertify': 'audit.do.committees.uncertify',
  'committees.criteria.update': 'audit.do.committees.criteria.update',
  'committees.area.update': 'audit.do.committees.area.update',
  'committees.board.remove': 'audit.do.committees.board.remove',
  'donations.settings.update': 'audit.do.donations.settings.update',
  'donations.record': 'audit.do.donations.record',
  'field.import.start': 'audit.do.field.import.start',
  'field.targeting.update': 'audit.do.field.targeting.update',
  'insights.effects.update': 'audit.do.insights.effects.update',
  'insights.effects.reset': 'audit.do.insights.effects.reset',
  'field.area.create': 'audit.do.field.area.create',
  'field.area.delete': 'audit.do.field.area.delete',
  'field.area.questionnaire': 'audit.do.field.area.questionnaire',
  'field.turfs.cut': 'audit.do.field.turfs.cut',
  'field.turf.update': 'audit.do.field.turf.update',
  'field.turf.split': 'audit.do.field.turf.split',
  'field.turfs.merge': 'audit.do.field.turfs.merge',
  'field.questionnaire.create': 'audit.do.field.questionnaire.create',
  'field.questionnaire.save': 'audit.do.field.questionnaire.save',
  'field.answers.export': 'audit.do.field.answers.export',
  'field.turf.assign': 'audit.do.field.turf.assign',
  'field.event_turf.attach': 'audit.do.field.event_turf.attach',
  'field.event_turf.detach': 'audit.do.field.event_turf.detach',
  'calling.recording.upload': 'audit.do.calling.recording.upload',
  'calling.recording.delete': 'audit.do.calling.recording.delete',
  'calling.caller_id.add': 'audit.do.calling.caller_id.add',
  'calling.caller_id.pause': 'audit.do.calling.caller_id.pause',
  'calling.caller_id.resume': 'audit.do.calling.caller_id.resume',
  'calling.caller_id.delete': 'audit.do.calling.caller_id.delete',
  'calling.list.import': 'audit.do.calling.list.import',
  'calling.list.delete': 'audit.do.calling.list.delete',
  'calling.list.accept': 'audit.do.calling.list.accept',
  'call_to_action.send': 'audit.do.call_to_action.send',
  'newsletter.create': 'audit.do.newsletter.create',
  'newsletter.update': 'audit.do.newsletter.update',
  'newsletter.delete': 'audit.do.newsletter.delete',
  'newsletter.schedule': 'audit.do.newsletter.schedule',
  'newsletter.cancel': 'audit.do.newsletter.cancel',
  'newsletter.test': 'audit.do.newsletter.test',
  'mail.suppression_lift': 'audit.do.mail.suppression_lift',
  'newsletter.subject_test.decide': 'audit.do.newsletter.subject_test.decide',
  'newsletter.subject_test.pick': 'audit.do.newsletter.subject_test.pick',
  'sms.create': 'audit.do.sms.create',
  'sms.update': 'audit.do.sms.update',
  'sms.delete': 'audit.do.sms.delete',
  'sms.schedule': 'audit.do.sms.schedule',
  'sms.cancel': 'audit.do.sms.cancel',
  'sms.test': 'audit.do.sms.test',
  'sms.stop': 'audit.do.sms.stop',
  'content.create': 'audit.do.content.create',
  'content.update': 'audit.do.content.update',
  'content.delete': 'audit.do.content.delete',
  'content.publish': 'audit.do.content.publish',
  'content.unpublish': 'audit.do.content.unpublish',
  'content.image': 'audit.do.content.image',
  'content.leaderboard_export': 'audit.do.content.leaderboard_export',
  'newsletter.automation.create': 'audit.do.newsletter.automation.create',
  'newsletter.automation.update': 'audit.do.newsletter.automation.update',
  'newsletter.automation.pause': 'audit.do.newsletter.automation.pause',
  'newsletter.automation.resume': 'audit.do.newsletter.automation.resume',
  'newsletter.automation.test': 'audit.do.newsletter.automation.test',
  'calling.broadcast.create': 'audit.do.calling.broadcast.create',
  'calling.broadcast.update': 'audit.do.calling.broadcast.update',
  'calling.broadcast.confirm_opt_out': 'audit.do.calling.broadcast.confirm_opt_out',
  'calling.broadcast.request_launch': 'audit.do.calling.broadcast.request_launch',
  'calling.broadcast.launch': 'audit.do.calling.broadcast.launch',
  'calling.broadcast.pause': 'audit.do.calling.broadcast.pause',
  'calling.broadcast.resume': 'audit.do.calling.broadcast.resume',
  'calling.broadcast.cancel': 'audit.do.calling.broadcast.cancel',
  'calling.broadcast.export': 'audit.do.calling.broadcast.export',
  'calling.bank.export': 'audit.do.calling.bank.export',
  'calling.bank.create': 'audit.do.calling.bank.create',
  'calling.bank.update': 'audit.do.calling.bank.update',
  'calling.bank.delete': 'audit.do.calling.bank.delete',
  'calling.bank.open': 'audit.do.calling.bank.open',
  'calling.bank.pause': 'audit.do.calling.bank.pause',
  'calling.bank.resume': 'audit.do.calling.bank.resume',
  'calling.bank.close': 'audit.do.calling.bank.close',
  'donations.refund': 'audit.do.donations.refund',
  'donations.remittance': 'audit.do.donations.remittance',
  'donations.receipts.series': 'audit.do.donations.receipts.series',
  'donations.receipts.spoil': 'audit.do.donations.receipts.spoil',
  'donations.receipts.assign': 'audit.do.donations.receipts.assign',
  'donations.receipts.sent': 'audit.do.donations.receipts.sent',
  'donations.export': 'audit.do.donations.export',
  'donations.bank_reference': 'audit.do.donations.bank_reference',
  'moderation.dismiss': 'audit.do.moderation.dismiss',
  'moderation.ask_fix': 'audit.do.moderation.ask_fix',
  'moderation.unpublish': 'audit.do.moderation.unpublish',
  'moderation.close': 'audit.do.moderation.close',
  'moderation.restore': 'audit.do.moderation.restore',
  'moderation.ban': 'audit.do.moderation.ban',
  'moderation.lift': 'audit.do.moderation.lift',
  'moderation.rules.update': 'audit.do.moderation.rules.update',
  'comments.rules.update': 'audit.do.comments.rules.update',
  'comments.edit': 'audit.do.comments.edit',
  'comments.delete': 'audit.do.comments.delete',
  'privacy.request.create': 'audit.do.privacy.request.create',
  'privacy.request.extend': 'audit.do.privacy.request.extend',
  'privacy.request.done': 'audit.do.privacy.request.done',
  'privacy.request.refuse': 'audit.do.privacy.request.refuse',
  'privacy.breach.create': 'audit.do.privacy.breach.create',
  'privacy.breach.update': 'audit.do.privacy.breach.update',
  'privacy.retention_purge': 'audit.do.privacy.retention_purge',
  'privacy.retention_settings': 'audit.do.privacy.retention_settings',
  'audit.export': 'audit.do.audit.export',
};

/** An action as a sentence; one the app has no words for yet keeps its code. */
export function actionLabel(action: string, t: Translate): string {
  const key = actionKeys[action];
  return key ? t(key) : action;
}

type Details = Record<string, unknown>;

const isDetails = (value: unknown): value is Details =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function roleLines(details: Details, t: Translate): string[] {
  const roles = roleSchema.array().safeParse(details.roles);
  const grants = permissionSchema.array().safeParse(details.grants);
  const lines: string[] = [];
  if (roles.success) {
    const names = roles.data.map((role) => t(roleKeys[role]));
    lines.push(t('audit.roles', { roles: names.join(', ') || t('audit.noRoles') }));
  }
  if (grants.success && grants.data.length > 0)
    lines.push(
      t('audit.grants', { grants: grants.data.map((p) => permissionLabel(p, t)).join(', ') }),
    );
  return lines;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function filterLine(filter: unknown, t: Translate, locale: Locale): string | null {
  const parsed = peopleFilterSchema.safeParse(filter ?? {});
  if (!parsed.success) return null;
  return t('audit.filter', {
    filter: describeFilter(parsed.data, t, { locale }) || t('audit.noFilter'),
  });
}

function exportLines(details: Details, t: Translate, locale: Locale): string[] {
  const lines: string[] = [];
  const filter = filterLine(details.filter, t, locale);
  if (filter) lines.push(filter);
  if (typeof details.rows === 'number') lines.push(t('audit.rows', { count: details.rows }));
  return lines;
}

/** Staff edits, bulk tags, segments, requests and imports: what changed, never whose data. */
function peopleChangeLines(
  action: string,
  details: Details,
  t: Translate,
  locale: Locale,
): string[] | null {
  const lines: string[] = [];
  const push = (line: string | null) => line && lines.push(line);
  switch (action) {
    case 'person.create':
    case 'person.update': {
      const fields = strings(details.changed ?? details.fields);
      if (fields.length) push(t('audit.changedFields', { fields: fields.join(', ') }));
      return lines;
    }
    case 'person.consent_record':
      push(
        t('audit.consent', {
          channel: String(details.channel),
          decision: t(details.granted ? 'person.consentGiven' : 'person.consentWithdrawn'),
          source: consentSourceLabel(String(details.source), t),
        }),
      );
      return lines;
    case 'person.erase':
    case 'person.access_request':
      if (details.by === 'staff')
        push(
          t('audit.request', {
            channel:
              details.channel === 'email' ? t('person.requestByEmail') : t('person.requestByPost'),
            reference: String(details.reference ?? ''),
          }),
        );
      return lines;
    case 'people.bulk_tag': {
      const added = strings(details.added);
      const removed = strings(details.removed);
      if (added.length) push(t('audit.tagsAdded', { tags: added.join(', ') }));
      if (removed.length) push(t('audit.tagsRemoved', { tags: removed.join(', ') }));
      if (typeof details.chosen === 'number')
        push(t('audit.chosenPeople', { count: details.chosen }));
      else push(filterLine(details.filter, t, locale));
      if (typeof details.count === 'number') push(t('audit.people', { count: details.count }));
      return lines;
    }
    case 'segment.create':
    case 'segment.update':
    case 'segment.delete':
      if (typeof details.name === 'string') push(t('audit.segmentName', { name: details.name }));
      if (details.filter) push(filterLine(details.filter, t, locale));
      return lines;
    case 'audience.create':
      if (details.filter) push(filterLine(details.filter, t, locale));
      if (typeof details.count === 'number') push(t('audit.people', { count: details.count }));
      return lines;
    case 'person.note_add':
    case 'person.note_edit':
    case 'person.note_delete':
      return lines;
    default:
      if (!action.startsWith('import.')) return null;
      if (typeof details.totalRows === 'number')
        push(
          t('audit.importCounts', {
            total: details.totalRows,
            created: Number(details.created ?? 0),
            merged: Number(details.merged ?? 0),
            invalid: Number(details.invalid ?? 0),
          }),
        );
      return lines;
  }
}

function plainLines(details: Details): string[] {
  return Object.entries(details).map(([key, value]) => {
    const shown =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : Array.isArray(value)
          ? value.map(String).join(', ')
          : JSON.stringify(value);
    return `${key} : ${shown}`;
  });
}

/** The details of an entry as readable lines; those of unknown actions as "key : value". */
export function detailLines(
  action: string,
  details: unknown,
  t: Translate,
  locale: Locale,
): string[] {
  if (!isDetails(details)) return [];
  const peopleChange = peopleChangeLines(action, details, t, locale);
  if (peopleChange) return peopleChange;
  switch (action) {
    case 'account.roles':
      return roleLines(details, t);
    case 'people.export':
      return exportLines(details, t, locale);
    case 'import.errors_download':
      return typeof details.errors === 'number'
        ? [t('audit.errors', { count: details.errors })]
        : [];
    default:
      return plainLines(details);
  }
}

/** A target such as "person:12" split in its kind and id. */
export function parseTarget(target: string | null): { kind: string; id: string } | null {
  const match = target?.match(/^([a-z_]+):(\d+)$/);
  return match ? { kind: match[1], id: match[2] } : null;
}
