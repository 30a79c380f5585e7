import { Alert, Button, Container, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../core/api.ts';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { PageLoader } from '../../core/ui/PageLoader.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { useConfirm } from './hooks.ts';
import { RecruitLinkField } from './RecruitLinkField.tsx';

export function ConfirmPage() {
  const t = useT();
  usePageTitle(t('confirm.title'));
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const confirm = useConfirm();
  const sent = useRef(false);

  useEffect(() => {
    // Once only (StrictMode mounts twice in development): a token is single-use.
    if (sent.current || !token) return;
    sent.current = true;
    confirm.mutate(token);
  }, [token, confirm]);

  const invalid =
    !token ||
    (confirm.error instanceof ApiError &&
      (confirm.error.code === 'invalid_token' || confirm.error.status === 400));

  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{t('confirm.title')}</Title>
        {confirm.isSuccess && (
          <>
            <Alert color="green" role="status">
              {confirm.data.firstName
                ? t('confirm.thanksName', { name: confirm.data.firstName })
                : t('confirm.thanks')}
            </Alert>
            {/* The best moment to recruit: the person has just said yes. */}
            {confirm.data.recruitUrl && (
              <Stack gap="xs" component="section" aria-labelledby="confirm-invite">
                <Title order={2} size="h3" id="confirm-invite">
                  {t('confirm.inviteTitle')}
                </Title>
                <Text>{t('confirm.inviteText')}</Text>
                <RecruitLinkField url={confirm.data.recruitUrl} />
              </Stack>
            )}
            <Text>{confirm.data.recruitUrl ? t('confirm.nextWithLink') : t('confirm.next')}</Text>
            <Button component={Link} to="/login" w="fit-content">
              {t('confirm.login')}
            </Button>
          </>
        )}
        {invalid && (
          <>
            <Alert color="orange" role="alert" title={t('confirm.invalidTitle')}>
              {t('confirm.invalidText')}
            </Alert>
            <Button component={Link} to="/" variant="light" w="fit-content">
              {t('confirm.signupAgain')}
            </Button>
          </>
        )}
        {confirm.isError && !invalid && (
          <Alert color="red" role="alert">
            {errorText(confirm.error, t)}
          </Alert>
        )}
        {token && (confirm.isPending || confirm.isIdle) && <PageLoader />}
      </Stack>
    </Container>
  );
}
