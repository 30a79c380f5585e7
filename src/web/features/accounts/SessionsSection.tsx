import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../core/i18n/index.tsx';
import { useSessionActions } from '../../core/session.tsx';
import { Section } from '../../core/ui/Section.tsx';

export function SessionsSection() {
  const t = useT();
  const { logout } = useSessionActions();
  const [pending, setPending] = useState<'one' | 'all' | null>(null);

  const run = (everywhere: boolean) => {
    setPending(everywhere ? 'all' : 'one');
    const state = everywhere ? { notice: 'loggedOutEverywhere' } : undefined;
    void logout(everywhere, '/', state).finally(() => setPending(null));
  };

  return (
    <Section title={t('me.sessionsTitle')}>
      <Group>
        <Button variant="default" loading={pending === 'one'} onClick={() => run(false)}>
          {t('nav.logout')}
        </Button>
        <Button variant="default" loading={pending === 'all'} onClick={() => run(true)}>
          {t('me.logoutEverywhere')}
        </Button>
      </Group>
    </Section>
  );
}
