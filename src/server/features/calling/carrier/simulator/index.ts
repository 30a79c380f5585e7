/**
 * THE CARRIER SIMULATOR: FOR DEVELOPMENT, TRAINING AND LOAD RUNS, NEVER PRODUCTION. It places no
 * call: it models one. (Refusing it in a production configuration is done where the carrier is
 * chosen, not here.)
 *
 * It speaks the subset of Twilio's REST API that the Twilio adapter (../twilio.ts) uses, so the
 * adapter is what talks to it (its base URL pointed here): create, fetch, list and update calls,
 * with basic auth, Twilio's JSON bodies and error codes. It models what a carrier does to a
 * broadcast: answer, machine, busy, no-answer and failure shares, ringing and message times,
 * callees who hang up early or press a digit (it fetches the answer URL, reads the TwiML, and
 * posts the Gather action), a calls-per-second cap and a concurrency cap (429 / 20429), 500s on
 * create before or after the call was created (the "lost answer"), duplicated and out-of-order
 * callbacks, and an unreachable mode (refused connections or 503). Every request it makes to
 * Levier is signed with X-Twilio-Signature as Twilio signs it.
 *
 * Run it in-process with `startCarrierSimulator`, or as its own process (./main.ts) so that it
 * outlives the process that dials. Calls are kept in memory for the whole run.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimulatedCarrier } from './carrier.ts';
import { simulatorHandler, type ControlActions } from './http.ts';
import {
  resolveOptions,
  type RuntimeOptions,
  type SimulatorOptions,
  type SimulatorStartOptions,
} from './options.ts';
import type { SimulatorStats } from './stats.ts';

export type { RuntimeOptions, SimulatorOptions, SimulatorStartOptions, SimulatorStats };

export interface CarrierSimulator {
  /** The API's base URL: the Twilio adapter's `baseUrl`. Serves /simulator/ too while reachable. */
  url: string;
  /** The control endpoints (/simulator/stats, /simulator/configure), reachable in every mode. */
  controlUrl: string;
  stats(options?: { perNumber?: boolean }): SimulatorStats;
  /** Changes runtime options (new calls draw from them); resolves once the change holds. */
  configure(change: Partial<RuntimeOptions>): Promise<void>;
  /** Resolves once every call created so far has ended and its callbacks were answered. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function stopListening(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Kept-alive connections would go on being served: an unreachable carrier serves none.
    server.closeAllConnections();
  });
}

export async function startCarrierSimulator(
  input: SimulatorStartOptions,
): Promise<CarrierSimulator> {
  const options = resolveOptions(input);
  const carrier = new SimulatedCarrier(options);
  let apiListening = false;
  let changes: Promise<void> = Promise.resolve();

  const actions: ControlActions = {
    configure(change) {
      const applied = changes.then(async () => {
        carrier.configure(change);
        await applyReachability();
      });
      changes = applied.catch(() => undefined);
      return applied;
    },
  };
  const apiServer = createServer(simulatorHandler(carrier, actions, 'api-and-control'));
  const controlServer = createServer(simulatorHandler(carrier, actions, 'control'));
  const apiPort = await listen(apiServer, options.port, options.host);
  apiListening = true;
  const controlPort = await listen(controlServer, options.controlPort, options.host);

  async function applyReachability(): Promise<void> {
    const refuse = carrier.current.unreachable === 'refuse';
    if (refuse && apiListening) {
      apiListening = false;
      await stopListening(apiServer);
    } else if (!refuse && !apiListening) {
      await listen(apiServer, apiPort, options.host);
      apiListening = true;
    }
  }
  await applyReachability();

  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${apiPort}`,
    controlUrl: `http://${host}:${controlPort}`,
    stats: (asked) => carrier.stats(asked?.perNumber ?? false),
    configure: (change) => actions.configure(change),
    settled: () => carrier.settled(),
    async close() {
      await carrier.close();
      await Promise.all([
        apiListening ? stopListening(apiServer) : Promise.resolve(),
        stopListening(controlServer),
      ]);
    },
  };
}
