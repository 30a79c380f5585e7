import { useMediaQuery } from '@mantine/hooks';

/** Below Mantine's `sm` breakpoint (48em), where wide tables give way to stacked cards. */
export function useIsPhone(): boolean {
  // Read at once: the page is rendered in the browser only, so no flash of the table first.
  return useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
}
