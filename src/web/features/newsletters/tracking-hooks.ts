import { useQuery } from '@tanstack/react-query';
import { newsletterTrackingApi } from '../../../contracts/newsletter-tracking-api.ts';
import { call } from '../../core/api.ts';

/** A newsletter's web links and their clicks; asked again every 3 s while it goes. */
export const useNewsletterLinks = (id: number, enabled: boolean, live: boolean) =>
  useQuery({
    queryKey: ['newsletters', 'one', id, 'links'],
    queryFn: () => call(newsletterTrackingApi.links, { params: { id } }),
    enabled,
    refetchInterval: live ? 3000 : false,
  });

/** The newsletters a person opened, only while they agree to that tracking. */
export const usePersonEngagements = (personId: number) =>
  useQuery({
    queryKey: ['people', personId, 'newsletter-engagements'],
    queryFn: () => call(newsletterTrackingApi.person, { params: { id: personId } }),
  });
