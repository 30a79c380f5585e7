import { Box } from '@mantine/core';
import { useRef } from 'react';
import { homeIn } from '../../../contracts/recruitment.ts';
import { useLocale } from '../../core/i18n/index.tsx';
import { useSite } from '../../core/site.ts';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { SignupForm } from './SignupForm.tsx';
import { useReportHeight } from './useReportHeight.ts';

/** The sign-up form alone, for an iframe on another website. */
export function EmbedSignupPage() {
  const site = useSite();
  const [locale] = useLocale();
  const main = useRef<HTMLElement>(null);
  usePageTitle(site.data ? homeIn(site.data.home, locale).signupCallToAction : '');
  useReportHeight(main);
  return (
    <Box ref={main} component="main" p="sm" maw={560} mx="auto">
      <SignupForm site={site.data} source="embed" />
    </Box>
  );
}
