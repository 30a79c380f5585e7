import type { Locale } from '../../../contracts/common.ts';
import { peopleFilterSchema } from '../../../contracts/people.ts';
import { permissionSchema, roleSchema } from '../../../contracts/roles.ts';
import type { MessageKey, Translate } from '../../core/i18n/index.tsx';
import { describeFilter } from '../people/describeFilter.ts';
import { permissionLabel, roleKeys } from './RightsFields.tsx';

const actionKeys: Record<string, MessageKey> = {
  'account.roles': 'audit.do.account.roles',
  'people.export': 'audit.do.people.export',
  'person.erase': 'audit.do.person.erase',
  'person.self_export': 'audit.do.person.self_export',
  'import.errors_download': 'audit.do.import.errors_download',
  'settings.home.update': 'audit.do.settings.home.update',
  'demo.seed': 'audit.do.demo.seed',
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

function exportLines(details: Details, t: Translate, locale: Locale): string[] {
  const lines: string[] = [];
  const filter = peopleFilterSchema.safeParse(details.filter ?? {});
  if (filter.success) {
    const described = describeFilter(filter.data, t, { locale });
    lines.push(t('audit.filter', { filter: described || t('audit.noFilter') }));
  }
  if (typeof details.rows === 'number') lines.push(t('audit.rows', { count: details.rows }));
  return lines;
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
