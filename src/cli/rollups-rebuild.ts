import { ConfigError, loadConfig } from '../config.ts';
import { rebuildOrderRollups } from '../services/rollups/index.ts';
import { adapterFor, migrate, openStore } from '../store/database.ts';

/**
 * `npm run rollups:rebuild`: recomputes the daily order rollups from the order events, in one
 * transaction, after a change of the working calendar or of the unit tree (they are otherwise
 * kept with each order event).
 */
try {
  const config = loadConfig(process.env);
  const adapter = adapterFor(config);
  const store = openStore(adapter);
  await migrate(store);
  const started = performance.now();
  const { orders } = await rebuildOrderRollups({ db: store.db, now: () => Date.now() }, (done) => {
    if (done % 100_000 === 0) process.stdout.write(`${done} orders…\n`);
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${adapter.describe()}: rollups rebuilt from ${orders} orders in ${seconds} s\n`);
  await store.close();
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigError ? 'Configuration error: ' : ''}${(error as Error).message}\n`,
  );
  process.exit(1);
}
