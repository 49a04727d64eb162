import type { FastifyInstance } from 'fastify';
import { type Gateways, startGateways } from './index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The device listeners, once `gatewaysPlugin` is registered. */
    gateways: Gateways;
  }
}

/**
 * Starts every device listener on the configured ports and closes them when the app closes.
 * Registered without encapsulation (as fastify-plugin would), so that `app.gateways` is the app's.
 */
export const gatewaysPlugin = Object.assign(
  async (app: FastifyInstance) => {
    const gateways = await startGateways(app.platform, app.log);
    app.decorate('gateways', gateways);
    app.addHook('onClose', () => gateways.close());
  },
  { [Symbol.for('skip-override')]: true },
);
