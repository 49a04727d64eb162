import { describe, it } from 'node:test';
import { connectAsync } from 'mqtt';

/** The broker the MQTT tests publish through; `.ci/run` starts the local Mosquitto. */
export const MQTT_TEST_URL = process.env.ZS_TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

let reachable: Promise<string | null> | undefined;

/** null when the broker answers, otherwise why not. */
export function mqttProblem(): Promise<string | null> {
  reachable ??= (async () => {
    try {
      const client = await connectAsync(MQTT_TEST_URL, { connectTimeout: 3000, reconnectPeriod: 0 });
      await client.endAsync();
      return null;
    } catch (error) {
      return `MQTT broker at ${MQTT_TEST_URL} is not reachable: ${(error as Error).message}`;
    }
  })();
  return reachable;
}

/**
 * A suite that needs the broker. Broker missing: with CI=true the suite fails; elsewhere it is
 * skipped with the reason printed (a skip, never a pass), as for PostgreSQL.
 */
export function describeWithBroker(name: string, suite: () => void): void {
  describe(name, async () => {
    const problem = await mqttProblem();
    if (problem) {
      if (process.env.CI === 'true') throw new Error(`CI=true needs the MQTT broker: ${problem}`);
      console.log(`# skipping ${name}: ${problem}`);
      it(name, { skip: problem }, () => {});
      return;
    }
    suite();
  });
}

/** Polls `probe` until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
