import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import { ensureDemoAlertRules } from './demo/alert-rules.ts';
import { ensureDemoFleet } from './demo/fleet.ts';
import { ensureDemoFleetRecords } from './demo/fleet-records.ts';
import { seedDemoMetrics } from './demo/metrics.ts';
import { seedDemoOrders } from './demo/orders/seed.ts';
import { seedDemoReports } from './demo/reports.ts';
import { seedDemoTasks } from './demo/tasks.ts';
import { seedDemoWorld } from './demo/world.ts';
import { generatePassword } from './domain/auth/password.ts';
import { seedWorkOrderDefaults } from './services/categories/index.ts';
import type { ServiceContext } from './services/context.ts';
import { ensureOrderRollups } from './services/rollups/index.ts';
import { createUnit } from './services/units/index.ts';
import { createUser } from './services/users/index.ts';
import { BlobStore } from './store/blob-store.ts';
import { listUnits } from './store/units.repository.ts';
import { findUserByUsername } from './store/users.repository.ts';

/**
 * Start-up seeding: the organisation of an empty database, then the work-order defaults, then
 * (for a demo world this start created) the demo's work orders, and the demo's metrics, key tasks
 * and last week's issued reports.
 */
export async function bootstrap(ctx: ServiceContext, config: Config, log: FastifyBaseLogger): Promise<void> {
  const demoSeeded = await firstStart(ctx, config, log);
  // After the organisation, so that categories find their departments; once per database (not
  // only an empty one), so a database created before work orders existed gets them too.
  const seeded = await seedWorkOrderDefaults(ctx);
  if (seeded) log.info(`work orders: ${seeded.categories} default categories and the 2026 calendar seeded`);
  // After the dictionary and calendar they are written with; only into the new demo world.
  if (demoSeeded) {
    const blobs = new BlobStore(path.join(config.dataDir, 'attachments'));
    const orders = await seedDemoOrders(ctx, { blobs });
    if (orders) log.info(`demo work orders seeded: ${orders.orders} orders over the last 30 days`);
  }
  // Into a demo world without alert rules, after the dictionary its out-of-segment rule files orders under.
  if (config.demo) {
    const rules = await ensureDemoAlertRules(ctx);
    if (rules) log.info(`demo alert rules seeded: ${rules} default rules for the contractor's boats`);
  }
  // A database whose orders predate the daily rollups gets them built once.
  const rolled = await ensureOrderRollups(ctx);
  if (rolled) log.info(`work-order rollups built from ${rolled.orders} orders`);
  // Into a demo world without metrics, new or from before metrics existed.
  if (config.demo) {
    const metrics = await seedDemoMetrics(ctx);
    if (metrics)
      log.info(`demo metrics seeded: ${metrics.metrics} metrics with ${metrics.actuals} monthly actuals`);
    // Into a demo world without key tasks; then last week's reports, which list the tasks.
    const tasks = await seedDemoTasks(ctx);
    if (tasks) {
      log.info(
        `demo key tasks seeded: ${tasks.tasks} tasks with ${tasks.notes} progress notes and ${tasks.supervisions} supervision letter(s)`,
      );
    }
    const reports = await seedDemoReports(ctx);
    if (reports) log.info(`demo weekly reports issued: ${reports.reports} reports of ${reports.week}`);
  }
}

/**
 * First-start set-up on an empty database: the demo world when ZS_DEMO=1, and the `admin`
 * account (with ZS_ADMIN_PASSWORD, or a generated password printed once). A database that
 * already has units is left alone, so a restart never seeds twice (a demo database from before the
 * boats existed only gets its fleet added). Returns whether it seeded the demo world.
 */
async function firstStart(ctx: ServiceContext, config: Config, log: FastifyBaseLogger): Promise<boolean> {
  const empty = (await listUnits(ctx.db, { scopePath: null })).length === 0;
  if (!empty) {
    if (config.demo && (await ensureDemoFleet(ctx))) log.info('demo fleet added to the existing demo world');
    if (config.demo && (await ensureDemoFleetRecords(ctx))) {
      log.info('demo fleet records added: docks, crews on boats, shifts and a month of unloads');
    }
    return false;
  }
  if (config.demo) {
    await seedDemoWorld(ctx, { adminPassword: config.adminPassword });
    log.info('demo world seeded: see README for the demo logins');
    return true;
  }
  const root = await createUnit(ctx, { kind: 'subdistrict', code: '320508001', name: '街道' });
  if (!(await findUserByUsername(ctx.db, 'admin'))) {
    const password = config.adminPassword ?? generatePassword();
    await createUser(ctx, {
      username: 'admin',
      password,
      displayName: '系统管理员',
      role: 'admin',
      unitId: root.id,
    });
    if (!config.adminPassword) {
      // Printed once, on the console only: it is not stored anywhere in clear.
      process.stdout.write(
        `\n  Zhongshu: created user "admin" with password: ${password}\n  Change it after logging in.\n\n`,
      );
    }
  }
  return false;
}
