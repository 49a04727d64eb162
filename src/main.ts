import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { startGateways } from './gateway/index.ts';
import { DeviceStatusWatcher } from './jobs/device-status.ts';
import { startJobs } from './jobs/scheduler.ts';
import { TIME_LIMIT_INTERVAL_MS, TimeLimitJob } from './jobs/time-limits.ts';
import { startDemoFleet } from './sim/demo-boats.ts';

/** Entry point: read the configuration, build the app, listen, and shut down cleanly on a signal. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const app = await buildApp(config);
  await bootstrap(app.platform.ctx, config, app.log);
  await app.listen({ port: config.port, host: config.host });
  const gateways = await startGateways(app.platform, app.log);
  // The demo's simulated boats report to this server's own JT/T 808 port (whatever it was set to).
  const fleet = config.demo
    ? startDemoFleet({
        host: config.host,
        port: gateways.jt808.port,
        log: app.log.child({ component: 'sim' }),
      })
    : undefined;
  const watcher = new DeviceStatusWatcher(app.platform.ctx, app.platform.bus);
  // With several server processes, a lease in the database lets one of them run the time limits.
  const timeLimits = new TimeLimitJob(app.platform.ctx, app.platform.bus);
  const stopJobs = startJobs(
    [
      { name: 'device-status', everyMs: 10_000, run: () => watcher.tick() },
      { name: TimeLimitJob.NAME, everyMs: TIME_LIMIT_INTERVAL_MS, run: () => timeLimits.tick() },
    ],
    app.log,
  );
  app.log.info(`Zhongshu on http://localhost:${config.port} (${app.platform.store.adapter.describe()})`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    // close() stops accepting, waits for in-flight requests, runs onClose hooks (database last).
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    // Devices first (no new positions), then HTTP, then the pipeline flush and the database (onClose hooks).
    await stopJobs();
    await timeLimits
      .release()
      .catch((error) => app.log.warn({ err: error }, 'time-limit lease not released'));
    fleet?.stop();
    await gateways.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`Zhongshu failed to start: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
