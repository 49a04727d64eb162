// A terminal's JT/T 808 session as the standard runs it (JT/T 808-2013 §8.5–§8.8): connect,
// register once (0x0100) to obtain an authentication code, authenticate (0x0102) on every
// connection, then report (0x0200 single fixes, 0x0704 batches; type 1 for blind-spot re-uploads).
import {
  encodeAuth,
  encodeBatch,
  encodeLocationReport,
  encodeRegister,
  type Jt808RegisterInput,
} from '../protocols/jt808/index.ts';
import { Jt808Link, type Jt808LinkOptions } from './jt808-link.ts';
import type { SimFix } from './model/fix.ts';
import type { SimLog, Uplink } from './uplink.ts';

/** Connection settings of one simulated JT/T 808 terminal. */
export interface Jt808UplinkOptions extends Jt808LinkOptions {
  /** Shown in the 0x0100 plate field (the boat's name). */
  plate: string;
  /** Wait before trying again after a refused registration or an unreachable platform. */
  retryAfterMs: number;
  log: SimLog;
}

function registration(opts: Jt808UplinkOptions): Jt808RegisterInput {
  return {
    province: 32,
    city: 508,
    makerId: 'ZSSIM',
    model: 'BOAT-SIM',
    terminalId: opts.phone.slice(-7),
    // 0 = no plate colour: the vehicle identification goes in the plate field (§8.5).
    plateColor: 0,
    plate: opts.plate,
  };
}

/** The JT/T 808 uplink of one terminal. */
export function jt808Uplink(opts: Jt808UplinkOptions): Uplink {
  let link: Jt808Link | undefined;
  let authenticated = false;
  let connecting = false;
  let authCode: string | undefined;
  let notBefore = 0;
  let warned = false;

  const drop = (retryAfterMs: number) => {
    authenticated = false;
    link?.close();
    link = undefined;
    notBefore = Date.now() + retryAfterMs;
  };

  async function session(): Promise<void> {
    const current = await Jt808Link.open(opts);
    link = current;
    void current.closed.then(() => {
      if (link === current) {
        link = undefined;
        authenticated = false;
      }
    });
    if (authCode === undefined) {
      const reply = await current.request((h) => encodeRegister(h, registration(opts)));
      if (reply.result !== 0 || reply.authCode === undefined) {
        if (!warned)
          opts.log.warn(`terminal ${opts.phone} refused at registration (0x8100 result ${reply.result})`);
        warned = true;
        return drop(opts.retryAfterMs);
      }
      authCode = reply.authCode;
    }
    const code = authCode;
    const reply = await current.request((h) => encodeAuth(h, { code }));
    if (reply.result !== 0) {
      // The code is stale (another registration replaced it): register again next time.
      authCode = undefined;
      return drop(1000);
    }
    authenticated = true;
    warned = false;
  }

  return {
    ready: () => authenticated && link?.open === true,
    connect() {
      if (connecting || link?.open || Date.now() < notBefore) return;
      connecting = true;
      session()
        .catch((error: Error) => {
          if (!warned) opts.log.warn(`terminal ${opts.phone}: ${error.message}; retrying`);
          warned = true;
          drop(opts.retryAfterMs);
        })
        .finally(() => {
          connecting = false;
        });
    },
    async send(fixes, blind) {
      const current = link;
      if (!current || !authenticated || fixes.length === 0) return false;
      const only = fixes[0] as SimFix;
      try {
        const reply = await current.request((h) =>
          fixes.length === 1 && !blind
            ? encodeLocationReport(h, only)
            : encodeBatch(h, { blindSpot: blind, locations: fixes }),
        );
        if (reply.result === 0) return true;
        // Refused (e.g. authentication lost on the platform side): start the session again.
        drop(1000);
        return false;
      } catch {
        // No reply after the retransmissions, or the connection dropped.
        drop(1000);
        return false;
      }
    },
    close() {
      drop(0);
    },
  };
}
