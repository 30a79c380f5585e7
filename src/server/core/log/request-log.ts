import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { redactUrl } from './request-serializer.ts';

/**
 * One log line per request, written when it is answered: `GET /api/people 200 12 ms` for a
 * person, with the request, status and time as fields for machines. Fastify's default writes
 * two (incoming, completed), the first without the status.
 */
export class RequestLog extends LogController {
  override incomingRequest() {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ) {
    if (this.isLogDisabled(request)) return;
    const responseTime = Math.round(reply.elapsedTime * 10) / 10;
    const fields = { req: request, res: { statusCode: reply.statusCode }, responseTime };
    const line = `${request.method} ${redactUrl(request.url)} ${reply.statusCode} ${Math.round(responseTime)} ms`;
    if (error) request.log.error({ ...fields, err: error }, `${line} (${error.message})`);
    else request.log.info(fields, line);
  }
}
