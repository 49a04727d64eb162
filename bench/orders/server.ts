// The platform's HTTP server alone in its own process, as `npm start` runs it (started with the
// same `--max-semi-space-size=64`), on a database the benchmark seeded beforehand: no device
// listeners, jobs or demo boats (their timers would add work the load did not ask for), no
// statement recorder. argv[2]: { dataDir } for SQLite or { databaseUrl } for PostgreSQL, and
// { profile: DIR } to sample the CPU from SIGUSR2 (after the warm-up) to SIGTERM into DIR.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { adapterFor, openStore } from '../../src/store/database.ts';

const job = JSON.parse(process.argv[2] ?? '{}') as {
  dataDir?: string;
  databaseUrl?: string;
  profile?: string;
  /** Every answer waits for the newest batch, GETs too (the behaviour before read scopes), for comparison. */
  noReadScopes?: boolean;
};
const config = loadConfig({
  ...(job.dataDir && { ZS_DATA_DIR: job.dataDir }),
  ...(job.databaseUrl && { DATABASE_URL: job.databaseUrl }),
  LOG_LEVEL: 'warn',
  ZS_RATE_LIMIT_PER_MINUTE: '10000000',
});
// The server's own logger at warn: pino is built as in production, request lines are not written.
const store = openStore(adapterFor(config));
if (job.noReadScopes) store.beginReads = () => undefined;
const app = await buildApp(config, { store });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
let session: Session | undefined;
if (job.profile) {
  process.on('SIGUSR2', () => {
    session = new Session();
    session.connect();
    void session
      .post('Profiler.enable')
      .then(() => session?.post('Profiler.setSamplingInterval', { interval: 200 }))
      .then(() => session?.post('Profiler.start'));
  });
}
process.stdout.write(`${JSON.stringify({ url: address })}\n`);
process.on('SIGTERM', async () => {
  if (session && job.profile) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(path.join(job.profile, `orders-server-${process.pid}.cpuprofile`), JSON.stringify(profile));
  }
  await app.close();
  await store.close();
  process.exit(0);
});
