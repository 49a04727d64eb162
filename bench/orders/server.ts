// The platform's HTTP server alone in its own process, as `npm start` runs it (started with the
// same `--max-semi-space-size=64`), on a database the benchmark seeded beforehand: no device
// listeners, jobs or demo boats (their timers would add work the load did not ask for), no
// statement recorder. argv[2]: { dataDir } for SQLite or { databaseUrl } for PostgreSQL.
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';

const job = JSON.parse(process.argv[2] ?? '{}') as { dataDir?: string; databaseUrl?: string };
const config = loadConfig({
  ...(job.dataDir && { ZS_DATA_DIR: job.dataDir }),
  ...(job.databaseUrl && { DATABASE_URL: job.databaseUrl }),
  LOG_LEVEL: 'warn',
  ZS_RATE_LIMIT_PER_MINUTE: '10000000',
});
// The server's own logger at warn: pino is built as in production, request lines are not written.
const app = await buildApp(config);
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: address })}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
