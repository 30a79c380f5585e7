import { Alert } from '@mantine/core';
import { useParams } from 'react-router';
import { useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { useNewsletter } from './hooks.ts';
import { isEditable } from './labels.ts';
import { NewsletterForm } from './NewsletterForm.tsx';
import { NewslettersLayout } from './NewslettersLayout.tsx';

/** The editor and its preview side by side: wider than the other pages. */
const EDITOR_WIDTH = 1400;

/** A new newsletter, saved as a draft. */
export function NewNewsletterPage() {
  const t = useT();
  return (
    <NewslettersLayout
      title={t('newsletters.new.title')}
      intro={t('newsletters.new.intro')}
      maw={EDITOR_WIDTH}
    >
      <NewsletterForm newsletter={null} />
    </NewslettersLayout>
  );
}

/** A newsletter's text and audience, while it is a draft or scheduled. */
export function EditNewsletterPage() {
  const t = useT();
  const id = Number(useParams().id);
  const newsletter = useNewsletter(id);
  return (
    <NewslettersLayout
      title={
        newsletter.data
          ? t('newsletters.edit.title', { name: newsletter.data.name })
          : t('newsletters.nav')
      }
      intro={t('newsletters.edit.intro')}
      maw={EDITOR_WIDTH}
    >
      <QueryState query={newsletter}>
        {(data) =>
          isEditable(data.status) ? (
            <NewsletterForm key={data.id} newsletter={data} />
          ) : (
            <Alert color="orange">{t('newsletters.error.newsletter_not_editable')}</Alert>
          )
        }
      </QueryState>
    </NewslettersLayout>
  );
}
