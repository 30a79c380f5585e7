import { Box } from '@mantine/core';
import { useSite } from '../../core/site.ts';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { SignupForm } from './SignupForm.tsx';

/** The sign-up form alone, for an iframe on another website. */
export function EmbedSignupPage() {
  const site = useSite();
  usePageTitle(site.data?.home.signupCallToAction ?? '');
  return (
    <Box component="main" p="sm" maw={560} mx="auto">
      <SignupForm site={site.data} source="embed" />
    </Box>
  );
}
