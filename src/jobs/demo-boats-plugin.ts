import type { FastifyInstance } from 'fastify';
import { resolvePlans } from '../services/shifts/index.ts';
import { startDemoFleet } from '../sim/demo-boats.ts';
import { type Shift, shiftOfWeekly } from '../sim/model/shift.ts';
import { listAssets } from '../store/assets.repository.ts';

/**
 * The demo's simulated boats, reporting to this server's own JT/T 808 listener (whatever port it
 * was given), so a fresh demo shows boats moving. Each boat drives the shift plan stored for it
 * (seeded with the demo; changed by an operator, the new one from the next start), so a restart
 * continues the day's plan rather than beginning a new shift. Register after `gatewaysPlugin`:
 * the boats stop when the app closes, before the listeners they report to.
 */
export async function demoBoatsPlugin(app: FastifyInstance): Promise<void> {
  const { ctx } = app.platform;
  const boats = await listAssets(ctx.db, { scopePath: null, kind: 'boat' });
  const plans = await resolvePlans(ctx, boats);
  const now = ctx.now();
  const shifts = new Map<string, Shift>();
  for (const boat of boats) {
    const weekly = plans.get(boat.id)?.plan?.weekly;
    const shift = weekly ? shiftOfWeekly(weekly, now) : undefined;
    if (shift) shifts.set(boat.code, shift);
  }
  const fleet = startDemoFleet({
    host: app.platform.config.host,
    port: app.gateways.jt808.port,
    log: app.log.child({ component: 'sim' }),
    shifts,
  });
  app.addHook('onClose', async () => fleet.stop());
}
