import type { FastifyInstance } from 'fastify';
import { startDemoFleet } from '../sim/demo-boats.ts';

/**
 * The demo's simulated boats, reporting to this server's own JT/T 808 listener (whatever port it
 * was given), so a fresh demo shows boats moving. Register after `gatewaysPlugin`: the boats stop
 * when the app closes, before the listeners they report to.
 */
export async function demoBoatsPlugin(app: FastifyInstance): Promise<void> {
  const boats = startDemoFleet({
    host: app.platform.config.host,
    port: app.gateways.jt808.port,
    log: app.log.child({ component: 'sim' }),
  });
  app.addHook('onClose', async () => boats.stop());
}
