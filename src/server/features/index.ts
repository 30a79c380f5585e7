import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../core/context.ts';
import type { ScopeKind } from '../core/http/access.ts';
import { accountsRoutes } from './accounts/routes.ts';
import { kioskRoutes } from './accounts/kiosk-routes.ts';
import { adminRoutes } from './admin/routes.ts';
import { audienceRoutes } from './audiences/routes.ts';
import { complianceRoutes } from './compliance/routes.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { privacyRetentionRoutes } from './privacy/retention-routes.ts';
import { meRoutes } from './people/me-routes.ts';
import { peopleCsvRoutes } from './people/import/routes.ts';
import { peopleRoutes } from './people/routes.ts';
import { personRoutes } from './people/person-routes.ts';
import { customFieldsRoutes } from './people/custom-fields/routes.ts';
import { duplicatesRoutes } from './people/duplicates/routes.ts';
import { recruitmentRoutes } from './recruitment/routes.ts';
import { settingsRoutes } from './settings/routes.ts';
import { operationsRoutes } from './operations/routes.ts';
import { committeesRoutes } from './committees/routes.ts';
import { committeeBoardRoutes } from './committees/board-routes.ts';
import { committeeScope } from './committees/scope.ts';
import { moderationRoutes } from './moderation/routes.ts';
import { eventsRoutes } from './events/routes.ts';
import { eventManagementRoutes } from './events/manage-routes.ts';
import { eventCheckinRoutes } from './events/checkin-routes.ts';
import { eventScope } from './events/scope.ts';
import { donationsRoutes } from './donations/routes.ts';
import { donationsFinanceRoutes } from './donations/finance-routes.ts';
import { donationPlanRoutes } from './donations/plan-routes.ts';
import { fieldRoutes } from './field/routes.ts';
import { callingRoutes } from './calling/routes.ts';
import { newsletterRoutes } from './newsletters/routes.ts';
import { mailFeedbackRoutes } from './mail-feedback/routes.ts';
import { smsRoutes } from './sms/routes.ts';
import { contentRoutes } from './content/routes.ts';
import { commentsRoutes } from './comments/routes.ts';
import { automationRoutes } from './newsletters/automations/routes.ts';
import { callsToActionRoutes } from './mobilisation/calls-to-action/routes.ts';
import { registerFieldPlaces } from './field/geocoding/register.ts';
import { integrationsRoutes } from './integrations/routes.ts';
import { insightsFunnelsRoutes } from './insights/funnels-routes.ts';
import { insightsRoutes } from './insights/routes.ts';
import { mobilisationRoutes } from './mobilisation/routes.ts';

/** Every feature's HTTP routes, registered in this order. */
export type FeatureRoutes = (ctx: AppContext) => FastifyPluginAsync;
const fieldFeature: FeatureRoutes = (ctx) => {
  // The field feature's imported addresses also place what the geocoder is asked.
  registerFieldPlaces(ctx);
  return fieldRoutes(ctx);
};
export const features: FeatureRoutes[] = [
  settingsRoutes,
  recruitmentRoutes,
  accountsRoutes,
  kioskRoutes,
  meRoutes,
  peopleRoutes,
  personRoutes,
  duplicatesRoutes,
  customFieldsRoutes,
  peopleCsvRoutes,
  audienceRoutes,
  adminRoutes,
  complianceRoutes,
  operationsRoutes,
  committeesRoutes,
  committeeBoardRoutes,
  moderationRoutes,
  eventsRoutes,
  eventManagementRoutes,
  eventCheckinRoutes,
  donationsRoutes,
  donationsFinanceRoutes,
  donationPlanRoutes,
  fieldFeature,
  callingRoutes,
  newsletterRoutes,
  smsRoutes,
  automationRoutes,
  contentRoutes,
  commentsRoutes,
  mailFeedbackRoutes,
  insightsFunnelsRoutes,
  insightsRoutes,
  privacyRoutes,
  privacyRetentionRoutes,
  mobilisationRoutes,
  callsToActionRoutes,
  integrationsRoutes,
];

/**
 * The kinds of scope routes may name in their access (`{ scope: 'committee', rank }`), each
 * registered by the feature that owns it.
 */
export const scopeKinds: Array<(ctx: AppContext) => ScopeKind> = [committeeScope, eventScope];
