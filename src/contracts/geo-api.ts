import { z } from 'zod';
import {
  communeMatchSchema,
  communeSearchQuerySchema,
  communesByCodeQuerySchema,
  departementSchema,
  postalCodeLookupSchema,
  postalCodeParamsSchema,
} from './geo.ts';
import { defineRoute } from './route.ts';

const access = { public: true } as const;
const tags = ['geo'] as const;

/** The French communes and départements (public: the sign-up form and staff filters use them). */
export const geoApi = {
  postalCode: defineRoute({
    method: 'GET',
    path: '/api/geo/postal-codes/:code',
    summary: 'The communes of a French postal code',
    tags,
    access,
    params: postalCodeParamsSchema,
    response: { 200: postalCodeLookupSchema },
  }),
  departements: defineRoute({
    method: 'GET',
    path: '/api/geo/departements',
    summary: 'Every French département, with its code and name',
    tags,
    access,
    response: { 200: z.array(departementSchema) },
  }),
  communes: defineRoute({
    method: 'GET',
    path: '/api/geo/communes',
    summary: 'Search communes by name or INSEE code',
    tags,
    access,
    query: communeSearchQuerySchema,
    response: { 200: z.array(communeMatchSchema) },
  }),
  communesByCode: defineRoute({
    method: 'GET',
    path: '/api/geo/communes/by-code',
    summary: 'The names of communes given by INSEE code',
    tags,
    access,
    query: communesByCodeQuerySchema,
    response: { 200: z.array(communeMatchSchema) },
  }),
};
