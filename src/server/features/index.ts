import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { accountsRoutes } from './accounts/routes.ts';
import { kioskRoutes } from './accounts/kiosk-routes.ts';
import { adminRoutes } from './admin/routes.ts';
import { meRoutes } from './people/me-routes.ts';
import { peopleCsvRoutes } from './people/import/routes.ts';
import { peopleRoutes } from './people/routes.ts';
import { personRoutes } from './people/person-routes.ts';
import { customFieldsRoutes } from './people/custom-fields/routes.ts';
import { duplicatesRoutes } from './people/duplicates/routes.ts';
import { recruitmentRoutes } from './recruitment/routes.ts';
import { settingsRoutes } from './settings/routes.ts';
import { operationsRoutes } from './operations/routes.ts';

/** Every feature's HTTP routes, registered in this order. */
export const features: Array<(ctx: AppContext) => FastifyPluginAsyncZod> = [
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
  adminRoutes,
  operationsRoutes,
];
