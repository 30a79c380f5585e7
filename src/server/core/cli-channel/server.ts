import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { AppError, errorHandler, sendProblem } from '../http/errors.ts';
import { campaignExists } from '../campaigns/service.ts';
import { exportCampaign } from '../backup/write.ts';
import { commandSchema, type RunCommand } from './commands.ts';
import { removeControlFile, writeControlFile } from './control-file.ts';

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1';
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export interface ControlChannel {
  app: FastifyInstance;
  port: number;
  close(): Promise<void>;
}

/**
 * Lets CLI commands reach the server that holds the embedded folder (no second process may
 * open it): a separate HTTP listener on 127.0.0.1 only, outside the public app (so not in its
 * OpenAPI document nor behind its proxy), each request carrying a random token that only the
 * folder's owner can read (DATA_DIR/levier.control, 0600). Requests from any other address are
 * refused too, in case the listener is ever bound wider.
 */
export function buildControlApp(
  ctx: AppContext,
  token: string,
  runCommand: RunCommand,
): FastifyInstance {
  const expected = digest(`Bearer ${token}`);
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onRequest', async (request, reply) => {
    if (!isLoopback(request.socket.remoteAddress)) {
      return sendProblem(reply, 403, 'forbidden', 'The control channel answers on loopback only.');
    }
    const given = digest(request.headers.authorization ?? '');
    if (!timingSafeEqual(given, expected)) {
      return sendProblem(reply, 401, 'unauthenticated', 'Missing or wrong control token.');
    }
  });
  const problem = z.object({ code: z.string(), detail: z.string() }).passthrough();
  app.post(
    '/commands',
    {
      schema: {
        summary: 'Run a CLI command in the server that holds the embedded database',
        body: commandSchema,
        response: { 200: z.object({ lines: z.array(z.string()) }), 400: problem, 404: problem },
      },
    },
    async (request) => ({ lines: await runCommand(ctx, request.body, { viaServer: true }) }),
  );
  app.post(
    '/backup',
    {
      schema: {
        summary: "Stream a campaign backup (gzip of JSON lines) from the server's database",
        body: z.object({ campaignId: z.number().int().min(1), file: z.string().max(4096) }),
      },
    },
    async (request, reply) => {
      const { campaignId, file } = request.body;
      if (!(await campaignExists(ctx.database, campaignId)))
        throw new AppError(404, 'not_found', `No campaign ${campaignId} in this database.`);
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'application/gzip' });
      try {
        await exportCampaign(ctx.database, campaignId, reply.raw, file);
      } catch (error) {
        ctx.log.error({ err: error }, 'backup through the control channel failed');
        reply.raw.destroy(error as Error);
      }
    },
  );
  return app;
}

export async function startControlChannel(
  ctx: AppContext,
  dataDir: string,
  runCommand: RunCommand,
): Promise<ControlChannel> {
  const token = randomBytes(32).toString('base64url');
  const app = buildControlApp(ctx, token, runCommand);
  // Commands such as seed-demo take their time: no request timeout here.
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  writeControlFile(dataDir, { pid: process.pid, port, token });
  return {
    app,
    port,
    async close() {
      removeControlFile(dataDir);
      await app.close();
    },
  };
}
