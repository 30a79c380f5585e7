import { Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePersonEngagements } from './tracking-hooks.ts';

/**
 * On a person's record: the newsletters they opened or clicked in, only while they agree to
 * the measure of opens and clicks (otherwise a sentence says nothing is shown).
 */
export function PersonNewsletters({ personId }: { personId: number }) {
  const t = useT();
  const [locale] = useLocale();
  const { can } = useSession();
  const engagements = usePersonEngagements(personId);
  const data = engagements.data;
  if (!data) return null;
  return (
    <Section
      title={t('newsletters.tracking.person')}
      description={t('newsletters.tracking.personHelp')}
    >
      {!data.consents ? (
        <Text size="sm">{t('newsletters.tracking.personNoConsent')}</Text>
      ) : (
        <>
          <Text size="sm">
            {t('newsletters.tracking.personSummary', {
              tracked: data.tracked,
              opened: data.items.length,
            })}
          </Text>
          <List
            size="sm"
            spacing={4}
            listStyleType="none"
            aria-label={t('newsletters.tracking.personLabel')}
          >
            {data.items.map((item) => (
              <List.Item key={item.newsletterId}>
                <Text size="sm" fw={500}>
                  {can('messaging.send') ? (
                    <Anchor component={Link} to={`/hq/newsletters/${item.newsletterId}`}>
                      {item.name}
                    </Anchor>
                  ) : (
                    item.name
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {[
                    item.openedAt &&
                      t('newsletters.tracking.personLine', {
                        date: formatDateTime(item.openedAt, locale),
                        opens: item.opens,
                      }),
                    item.clickedAt &&
                      t('newsletters.tracking.personClicks', {
                        date: formatDateTime(item.clickedAt, locale),
                        clicks: item.clicks,
                      }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Section>
  );
}
