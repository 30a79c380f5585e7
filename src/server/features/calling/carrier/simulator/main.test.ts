import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CALLER_ID,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  startCallbackReceiver,
  testNumber,
} from '../testing.ts';
import { createTwilioCarrier } from '../twilio.ts';
import type { SimulatorStats } from './stats.ts';

const MAIN = new URL('./main.ts', import.meta.url).pathname;
const TWILIO = new URL('../twilio.ts', import.meta.url).pathname;
const started: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, LEVIER_CARRIER_SIMULATOR_OPTIONS: '' },
  });
  started.push(child);
  return child;
}

/** Each stdout line of a child, as it comes. */
function lines(child: ChildProcessWithoutNullStreams): AsyncIterator<string> {
  return createInterface({ input: child.stdout })[Symbol.asyncIterator]();
}

async function nextLine(reader: AsyncIterator<string>): Promise<string> {
  const { value, done } = await reader.next();
  if (done) throw new Error('The process ended without a line');
  return value;
}

/** A dialler in its own process: places calls one by one and prints each call's id. */
const DIALLER = `
  import { createTwilioCarrier } from ${JSON.stringify(TWILIO)};
  const [baseUrl, receiverUrl, ...numbers] = process.argv.slice(1);
  const carrier = createTwilioCarrier({
    accountSid: ${JSON.stringify(TEST_ACCOUNT_SID)},
    authToken: ${JSON.stringify(TEST_AUTH_TOKEN)},
    baseUrl,
    requestTimeoutMs: 30000,
  });
  for (const [index, to] of numbers.entries()) {
    const attempt = index + 1;
    const { carrierCallId } = await carrier.placeCall({
      attemptId: attempt, to, from: ${JSON.stringify(CALLER_ID)},
      answerUrl: receiverUrl + '/answer?attempt=' + attempt,
      statusCallbackUrl: receiverUrl + '/status?attempt=' + attempt,
      machineDetectionUrl: receiverUrl + '/amd?attempt=' + attempt,
      ringSeconds: 30, detectMachines: true,
    });
    console.log(carrierCallId);
  }
  setInterval(() => {}, 1000);
`;

describe('the simulator as its own process', () => {
  it('prints its URL, and keeps its calls and its callbacks going when the dialler is killed', async () => {
    const simulator = run([
      MAIN,
      `--account-sid=${TEST_ACCOUNT_SID}`,
      `--auth-token=${TEST_AUTH_TOKEN}`,
      '--time-scale=0.01',
      // A second queued: the dialler dies before its calls are dialled.
      '--queued-seconds=100',
      '--options={"outcomes":{"answered":1,"busy":0,"noAnswer":0,"failed":0},"machineShare":0}',
    ]);
    const printed = JSON.parse(await nextLine(lines(simulator))) as {
      url: string;
      controlUrl: string;
    };
    expect(printed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(printed.controlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const carrier = createTwilioCarrier({
      accountSid: TEST_ACCOUNT_SID,
      authToken: TEST_AUTH_TOKEN,
      baseUrl: printed.url,
      requestTimeoutMs: 30_000,
    });
    const receiver = await startCallbackReceiver(carrier, () => ({
      playUrl: 'https://levier.example/recordings/1.mp3',
    }));
    try {
      const numbers = Array.from({ length: 20 }, (_, index) => testNumber(index));
      const dialler = run([
        '--input-type=module',
        '-e',
        DIALLER,
        printed.url,
        receiver.baseUrl,
        ...numbers,
      ]);
      const output = lines(dialler);
      const placed: string[] = [];
      for (let i = 0; i < 5; i++) placed.push(await nextLine(output));
      dialler.kill('SIGKILL');
      await once(dialler, 'exit');
      const since = new Date(Date.now() - 60_000);

      // The creates after the fifth may have been answered unread, or been in flight: their
      // answers died with the dialler, and reconciliation tells which calls exist.
      let unread = 0;
      for (const to of numbers.slice(5)) {
        const found = await carrier.findCalls({ to, from: CALLER_ID, since });
        expect(found.length).toBeLessThanOrEqual(1);
        unread += found.length;
      }
      const stats = (await (
        await fetch(`${printed.controlUrl}/simulator/stats`)
      ).json()) as SimulatorStats;
      expect(stats.callsCreated).toBe(5 + unread);
      expect(stats.numbersCalledMoreThanOnce).toEqual({});

      for (const [index, carrierCallId] of placed.entries()) {
        const [found] = await carrier.findCalls({ to: numbers[index], from: CALLER_ID, since });
        expect(found?.carrierCallId).toBe(carrierCallId);
        await expect
          .poll(async () => (await carrier.fetchCall(carrierCallId))?.status, { timeout: 30_000 })
          .toBe('completed');
        // Dialled after the dialler died: the callbacks still came, signed.
        await expect
          .poll(() => receiver.of('status', index + 1).map((hook) => hook.params.CallStatus), {
            timeout: 30_000,
          })
          .toContain('completed');
      }
      expect(receiver.received.every((hook) => hook.signatureValid)).toBe(true);

      simulator.kill('SIGTERM');
      const [code] = (await once(simulator, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it('exits with a readable error on bad options', async () => {
    const simulator = run([MAIN, '--account-sid=nope', `--auth-token=${TEST_AUTH_TOKEN}`]);
    let stderr = '';
    simulator.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(simulator, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain('an account sid starts with AC');
  });
});
