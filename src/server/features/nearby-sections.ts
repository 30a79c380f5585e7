import { committeesNearby } from './committees/pages/nearby.ts';
import { eventsNearby } from './events/pages/nearby.ts';
import type { NearbySection } from './recruitment/pages/nearby.ts';

/**
 * What the sign-up's confirmation page shows near the person, each from the feature that
 * owns it, in this order. A function, read when used: those features import recruitment's
 * pages while recruitment reads this list.
 */
export const nearbySections = (): readonly NearbySection[] => [committeesNearby, eventsNearby];
