/**
 * The carrier simulator as its own process: FOR DEVELOPMENT, TRAINING AND LOAD RUNS, NEVER
 * PRODUCTION. It outlives the process that dials, keeps its calls, and answers reconciliation.
 *
 *   node --import tsx src/server/features/calling/carrier/simulator/main.ts \
 *     --account-sid=AC… --auth-token=… --time-scale=0.001
 *
 * Options: see ./options.ts and ./command-line.ts. Prints one JSON line on stdout,
 * {"url":…,"controlUrl":…}, then runs until SIGTERM or SIGINT.
 */
import { optionsFromCommandLine } from './command-line.ts';
import { startCarrierSimulator, type SimulatorStartOptions } from './index.ts';

try {
  // resolveOptions (in startCarrierSimulator) validates the whole of it.
  const options = optionsFromCommandLine(process.argv.slice(2), process.env);
  const simulator = await startCarrierSimulator(options as SimulatorStartOptions);
  process.stdout.write(
    `${JSON.stringify({ url: simulator.url, controlUrl: simulator.controlUrl })}\n`,
  );
  const stop = () => {
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
