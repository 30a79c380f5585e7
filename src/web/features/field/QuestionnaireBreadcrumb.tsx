import { Anchor, Breadcrumbs } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../core/i18n/index.tsx';

/** The way back to the door-to-door overview, and to the list from a questionnaire. */
export function QuestionnaireBreadcrumb({ toList = false }: { toList?: boolean }) {
  const t = useT();
  const links = [{ to: '/hq/field', label: t('field.progress.overview') }];
  if (toList)
    links.push({ to: '/hq/field/questionnaires', label: t('field.questionnaires.title') });
  return (
    <nav aria-label={t('field.progress.breadcrumb')} className="no-print">
      <Breadcrumbs>
        {links.map((link) => (
          <Anchor key={link.to} component={Link} to={link.to} size="sm">
            {link.label}
          </Anchor>
        ))}
      </Breadcrumbs>
    </nav>
  );
}
