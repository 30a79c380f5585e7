import { createHmac } from 'node:crypto';
import type { Config } from '../../../core/config.ts';
import type { AppContext } from '../../../core/context.ts';
import type { VoiceCarrier } from './port.ts';
import { startCarrierSimulator } from './simulator/index.ts';
import { createTwilioCarrier } from './twilio.ts';

const SIMULATOR_SID = 'ACsimulator';

/** The simulator's secret: derived from the session secret, so callbacks verify across restarts. */
export const simulatorToken = (sessionSecret: string) =>
  createHmac('sha256', sessionSecret).update('carrier-simulator').digest('hex');

/**
 * The carrier as the HTTP routes need it: checking callbacks' signatures and writing TwiML,
 * both done the same whether Twilio or the simulator called (it signs as Twilio does).
 */
export function callbackCarrier(config: Config): VoiceCarrier {
  return config.carrier === 'twilio'
    ? createTwilioCarrier({
        accountSid: config.TWILIO_ACCOUNT_SID!,
        authToken: config.TWILIO_AUTH_TOKEN!,
      })
    : createTwilioCarrier({
        accountSid: SIMULATOR_SID,
        authToken: simulatorToken(config.sessionSecret),
      });
}

/**
 * The carrier this process dials through: Twilio (or a TwiML carrier at TWILIO_BASE_URL), or,
 * in development, a carrier simulator started in this process (stopped with the context).
 */
export async function dialCarrier(ctx: AppContext): Promise<VoiceCarrier> {
  const { config } = ctx;
  if (config.carrier === 'twilio') {
    return createTwilioCarrier({
      accountSid: config.TWILIO_ACCOUNT_SID!,
      authToken: config.TWILIO_AUTH_TOKEN!,
      baseUrl: config.TWILIO_BASE_URL,
    });
  }
  const authToken = simulatorToken(config.sessionSecret);
  if (config.TWILIO_BASE_URL) {
    // A simulator running in its own process (load runs, the crash test).
    return createTwilioCarrier({
      accountSid: SIMULATOR_SID,
      authToken,
      baseUrl: config.TWILIO_BASE_URL,
    });
  }
  const options = config.CARRIER_SIMULATOR_OPTIONS
    ? (JSON.parse(config.CARRIER_SIMULATOR_OPTIONS) as Record<string, unknown>)
    : {};
  const simulator = await startCarrierSimulator({
    ...options,
    accountSid: SIMULATOR_SID,
    authToken,
  });
  ctx.background.add('calling.simulator', () => simulator.close());
  ctx.log.info({ url: simulator.url }, 'voice calls go to the carrier simulator');
  return createTwilioCarrier({ accountSid: SIMULATOR_SID, authToken, baseUrl: simulator.url });
}
