import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
} from 'fastify';
import type { z } from 'zod';
import {
  successStatus,
  type BodyOf,
  type ParamsOf,
  type QueryOf,
  type ResponseInput,
  type RouteContract,
} from '../../../contracts/route.ts';
import { multipartBody, routeProblems } from './openapi.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The contract the route was registered from (every API route has one). */
    contract?: RouteContract;
  }
}

export type ContractRequest<C extends RouteContract> = FastifyRequest<{
  Params: ParamsOf<C>;
  Querystring: QueryOf<C>;
  Body: BodyOf<C>;
}>;

/**
 * A contract's handler: it returns the success body (sent with the contract's status), or
 * the reply when it answered itself (a stream, a file).
 */
export type ContractHandler<C extends RouteContract> = (
  request: ContractRequest<C>,
  reply: FastifyReply,
) => Promise<ResponseInput<C> | FastifyReply> | ResponseInput<C> | FastifyReply;

export interface ServeOptions {
  /** Route settings beside access (a rate limit, `csrf: false` for embedded forms). */
  config?: Omit<FastifyContextConfig, 'access' | 'contract'>;
  bodyLimit?: number;
  /**
   * The success body's full schema when only the server can build it (the personal data
   * file: every feature's registered sections), documented in place of the contract's
   * general one, which is what callers may rely on.
   */
  response?: z.ZodType;
}

// The plugins' type providers differ (zod or none); registration only needs `route`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFastify = FastifyInstance<any, any, any, any, any>;

function schemaOf(contract: RouteContract, response?: z.ZodType): FastifySchema {
  return {
    summary: contract.summary,
    tags: [...contract.tags],
    ...(contract.params && { params: contract.params }),
    ...(contract.query && { querystring: contract.query }),
    ...(contract.body && !contract.upload && { body: contract.body }),
    ...(contract.upload && {
      consumes: ['multipart/form-data'],
      ...multipartBody(contract.upload),
    }),
    ...(contract.produces && { produces: [...contract.produces] }),
    ...(contract.problems && routeProblems(contract.problems)),
    response: response ? { [successStatus(contract)]: response } : contract.response,
  } as FastifySchema;
}

/** Registers a contract's route: its validation, access, documentation and handler. */
export function serve<C extends RouteContract>(
  app: AnyFastify,
  contract: C,
  handler: ContractHandler<C>,
  options: ServeOptions = {},
): void {
  const status = successStatus(contract);
  app.route({
    method: contract.method,
    url: contract.path,
    ...(options.bodyLimit !== undefined && { bodyLimit: options.bodyLimit }),
    config: { ...options.config, access: contract.access, contract },
    schema: schemaOf(contract, options.response),
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const result = await handler(request as ContractRequest<C>, reply);
      if (result === reply) return reply;
      reply.status(status);
      return status === 204 ? reply.send() : result;
    },
  });
}
