import type { FastifyRequest } from 'fastify';
import type { Permission } from '../../../contracts/roles.ts';

/** Who asks, on a route open to visitors: their person id and national permissions. */
export interface Viewer {
  personId: number;
  permissions: readonly Permission[];
}

/** The caller of a public route with an optional session; null for a visitor. */
export const viewerOf = (request: FastifyRequest): Viewer | null =>
  request.auth ? { personId: request.auth.personId, permissions: request.auth.permissions } : null;
