import { Badge, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import {
  IconCalendarEvent,
  IconMapPinBolt,
  IconPhoneCall,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { MyDonationsSection } from '../donations/MyDonationsSection.tsx';
import { MySharesSection } from '../content/MySharesSection.tsx';
import { ConsentsSection } from './ConsentsSection.tsx';
import { DataSection } from './DataSection.tsx';
import { useProfile } from './hooks.ts';
import { NearbySection } from './NearbySection.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { RecruitSection } from './RecruitSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';

export function MePage() {
  const t = useT();
  usePageTitle(t('me.title'));
  const profile = useProfile();
  const { me } = useSession();
  const staff = Boolean(me && (me.roles.length > 0 || me.hasPassword));

  return (
    <Container size="md" px={0}>
      <Stack gap="lg">
        <Group justify="space-between" align="center">
          <Title order={1}>{t('me.title')}</Title>
          {profile.data && !profile.data.confirmed && (
            <Badge color="orange" variant="light">
              {t('me.unconfirmed')}
            </Badge>
          )}
        </Group>
        <QueryState query={profile}>
          {(data) => (
            <Stack gap="lg">
              {data.firstName && <Text>{t('me.hello', { name: data.firstName })}</Text>}
              <Group>
                <Button
                  component={Link}
                  to="/me/committees"
                  variant="light"
                  leftSection={<IconUsersGroup size={16} aria-hidden />}
                >
                  {t('committees.mine.title')}
                </Button>
                <Button
                  component={Link}
                  to="/me/events"
                  variant="light"
                  leftSection={<IconCalendarEvent size={16} aria-hidden />}
                >
                  {t('events.mine.title')}
                </Button>
                <Button
                  component={Link}
                  to="/me/actions"
                  variant="light"
                  leftSection={<IconMapPinBolt size={16} aria-hidden />}
                >
                  {t('mobilisation.title')}
                </Button>
                <Button
                  component={Link}
                  to="/calls"
                  variant="light"
                  leftSection={<IconPhoneCall size={16} aria-hidden />}
                >
                  {t('caller.list.title')}
                </Button>
              </Group>
              <NearbySection profile={data} />
              <RecruitSection profile={data} />
              <MySharesSection />
              <MyDonationsSection />
              <ProfileSection profile={data} />
              <ConsentsSection profile={data} />
              {staff && <PasswordSection hasPassword={Boolean(me?.hasPassword)} />}
              <SessionsSection />
              <DataSection />
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Container>
  );
}
