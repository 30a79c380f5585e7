import { useDocumentTitle } from '@mantine/hooks';
import { useSite } from '../site.ts';

/** Sets the document title as "Page · Campaign". */
export function usePageTitle(title: string) {
  const site = useSite();
  const campaign = site.data?.home.campaignName ?? 'Levier';
  useDocumentTitle(title ? `${title} · ${campaign}` : campaign);
}
