// What marking day summaries costs the ingest: the same pipeline, in this process, storing the same
// kind of fixes with the marking on (as the server runs) and off, in alternating rounds of one run.
// Prints, per database:
//
//   ingest-with-summaries [DB]: positions/s with the marking; raw limit: positions/s without it
//
//   npm run bench:ingest-summaries [-- --seconds 3 --rounds 2 --devices 200 --window 8]
import { loadavg } from 'node:os';
import { buildApp } from '../src/app.ts';
import { createDevice } from '../src/services/devices/index.ts';
import { type Device, findDevice } from '../src/store/devices.repository.ts';
import type { DialectKind } from '../src/store/dialect/types.ts';
import { seedFixtureOrg, testConfig } from '../test/helpers/app.ts';
import { DIALECTS, openTestStore, postgresProblem } from '../test/helpers/dialects.ts';
import { figure } from './ingest/measure.ts';
import { CONCURRENCY, ingestRounds } from './ingest/summaries-rounds.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 3);
const ROUNDS = arg('rounds', 2);
const DEVICES = arg('devices', 200);
/** Fixes a call, as a terminal's unacknowledged window. */
const WINDOW = arg('window', 8);
async function section(kind: DialectKind): Promise<void> {
  const { store, dispose } = await openTestStore(kind);
  const now = () => Date.parse('2027-01-01T00:00:00Z');
  const app = await buildApp(testConfig(), { store, now, logger: false });
  try {
    const org = await seedFixtureOrg(store, now);
    const devices: Device[] = [];
    for (let i = 0; i < DEVICES; i++) {
      const d = await createDevice(app.platform.ctx, {
        name: `bench-${i}`,
        protocol: 'jt808',
        identifier: String(13_700_000_000 + i),
        unitId: org.sub.id,
      });
      devices.push((await findDevice(store.db, d.id)) as Device);
    }
    const rates = await ingestRounds(store, {
      kind,
      devices,
      clockStart: Date.parse('2026-11-02T00:00:00Z'),
      now,
      seconds: SECONDS,
      rounds: ROUNDS,
      window: WINDOW,
    });
    const withMarks = rates.on;
    const without = rates.off;
    console.log(
      `# ${kind}: ${DEVICES} devices, ${WINDOW} fixes a call, ${CONCURRENCY} calls in flight, ${ROUNDS} × ${SECONDS} s each way; ` +
        // The machine is shared: the load says how far to trust a ratio this close to 1.
        `load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
    console.log(
      figure(`ingest-with-summaries [${kind}]`, withMarks, without, 'positions/s', withMarks / without),
    );
  } finally {
    await app.close();
    await dispose();
  }
}

async function main(): Promise<void> {
  for (const kind of DIALECTS) {
    if (kind === 'postgres') {
      const problem = await postgresProblem();
      if (problem) {
        console.log(`# postgres skipped: ${problem}`);
        continue;
      }
    }
    await section(kind);
  }
}

main().catch((error: Error) => {
  console.error(`bench:ingest-summaries failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
