import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { parseTarget } from './auditLabels.ts';

/** What an audit entry acted on: a person links to their page for those who may read it. */
export function AuditTarget({ target }: { target: string | null }) {
  const t = useT();
  const { can } = useSession();
  const parsed = parseTarget(target);
  if (parsed?.kind === 'person' && can('people.read'))
    return (
      <Anchor component={Link} to={`/hq/people/${parsed.id}`}>
        {t('audit.person', { id: parsed.id })}
      </Anchor>
    );
  if (parsed?.kind === 'person') return <>{t('audit.person', { id: parsed.id })}</>;
  if (parsed?.kind === 'import') return <>{t('audit.import', { id: parsed.id })}</>;
  return <>{target ?? ''}</>;
}
