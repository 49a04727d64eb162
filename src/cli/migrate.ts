import { ConfigError, loadConfig } from '../config.ts';
import { adapterFor, migrate, openStore } from '../store/database.ts';

/** `npm run migrate`: applies pending migrations to the configured database and exits. */
try {
  const config = loadConfig(process.env);
  const adapter = adapterFor(config);
  const store = openStore(adapter);
  const applied = await migrate(store);
  process.stdout.write(
    `${adapter.describe()}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`,
  );
  await store.close();
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigError ? 'Configuration error: ' : ''}${(error as Error).message}\n`,
  );
  process.exit(1);
}
