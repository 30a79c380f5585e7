import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { FieldLayout } from './FieldLayout.tsx';
import { StationsSection } from './StationsSection.tsx';
import { TargetingForm } from './TargetingForm.tsx';
import { useElections, useTargeting } from './targetingHooks.ts';

/** Targeting: which election and formula rank polling stations, then an area chosen among them. */
export function TargetingPage() {
  const t = useT();
  const targeting = useTargeting();
  const elections = useElections();
  const ready =
    targeting.data && elections.data
      ? { targeting: targeting.data, elections: elections.data.items }
      : undefined;
  return (
    <FieldLayout title={t('field.targeting.title')} intro={t('field.targeting.intro')}>
      <Section title={t('field.targeting.settings')}>
        <QueryState
          query={{
            data: ready,
            error: targeting.error ?? elections.error,
            isPending: targeting.isPending || elections.isPending,
            refetch: () => Promise.all([targeting.refetch(), elections.refetch()]),
          }}
        >
          {({ targeting: saved, elections: items }) =>
            items.length === 0 ? (
              <Text size="sm">
                {t('field.targeting.noElection')}{' '}
                <Anchor component={Link} to="/hq/field">
                  {t('field.targeting.toImports')}
                </Anchor>
              </Text>
            ) : (
              // Saved again elsewhere: the form starts over from what the server holds.
              <TargetingForm key={JSON.stringify(saved)} targeting={saved} elections={items} />
            )
          }
        </QueryState>
      </Section>
      <StationsSection hasElection={Boolean(targeting.data?.electionId)} />
    </FieldLayout>
  );
}
