/**
 * The callback applier alone in its own process, as `startLoops` runs it (batches until the
 * inbox is empty, then 100 ms apart), for the callbacks benchmark: the load generator's
 * process stays free of its work. Environment: DATABASE_URL, PUBLIC_URL, SESSION_SECRET.
 * On SIGTERM it finishes its batch and prints {"applied": n} on stdout.
 */
import { loadConfig } from '../../src/server/core/config.ts';
import { closeContext, createContext } from '../../src/server/core/runtime.ts';
import { applyCallbacks } from '../../src/server/features/calling/broadcasts/callbacks.ts';
import { callUrls } from '../../src/server/features/calling/broadcasts/call-urls.ts';
import { simulatorToken } from '../../src/server/features/calling/carrier/configured.ts';
import { createTwilioCarrier } from '../../src/server/features/calling/carrier/twilio.ts';

const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn' });
const ctx = await createContext(config);
// Machine callbacks act through the carrier; the benchmark sends status callbacks only.
const carrier = createTwilioCarrier({
  accountSid: 'ACsimulator',
  authToken: simulatorToken(config.sessionSecret),
  baseUrl: 'http://127.0.0.1:9',
});
const urls = callUrls(config.publicUrl, ctx.campaignId, config.sessionSecret);
let stopping = false;
process.once('SIGTERM', () => {
  stopping = true;
});
let applied = 0;
process.stdout.write('ready\n');
while (!stopping) {
  const batch = await applyCallbacks(ctx, carrier, urls);
  applied += batch;
  if (batch === 0) await new Promise((resolve) => setTimeout(resolve, 100));
}
await closeContext(ctx);
process.stdout.write(`${JSON.stringify({ applied })}\n`);
