import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { gatewaysPlugin } from './gateway/plugin.ts';
import type { App } from './http/app-types.ts';
import { demoBoatsPlugin } from './jobs/demo-boats-plugin.ts';
import { jobsPlugin } from './jobs/plugin.ts';

/** The configuration, or exit 2 naming the bad variable. */
function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** On SIGINT or SIGTERM: one `app.close()`, then exit 0 (1 if it takes over ten seconds). */
function closeOnSignal(app: App): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Entry point: read the configuration, build the app, listen, and shut down cleanly on a signal. */
async function main(): Promise<void> {
  const config = configOrExit();
  const app = await buildApp(config);
  await bootstrap(app.platform.ctx, config, app.log);
  // app.close() stops HTTP first, then runs onClose hooks in reverse order of registration: the
  // demo's boats, the device listeners (no new positions), the jobs, and last the app's own
  // (the pipeline's flush, the live channel, the database).
  await app.register(jobsPlugin);
  await app.register(gatewaysPlugin);
  if (config.demo) await app.register(demoBoatsPlugin);
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Zhongshu on http://localhost:${config.port} (${app.platform.store.adapter.describe()})`);
  closeOnSignal(app);
}

main().catch((error) => {
  // A setting found wrong once connected (the database's own durability settings): exit 2 too.
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Zhongshu failed to start: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
