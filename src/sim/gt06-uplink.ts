// A terminal's GT06 (Concox) session as GT06 v1.8.1 runs it: connect, log in with the IMEI (0x01)
// and wait for the server's ack, then report locations (0x12, or the later 0x22) and keep the
// connection alive with heartbeats (0x13). The server acknowledges login and heartbeat, never a
// location: a location counts as sent once it is written to the socket.
//
// Blind spots: GT06 has no batch message like JT/T 808's 0x0704. A terminal that was off the network
// sends its stored fixes afterwards one by one, oldest first, as ordinary location packets that
// carry their original GPS time. With 0x12 nothing else marks them late (the platform flags a fix as
// blind only when it is older than the latest position it already holds); with 0x22 the
// "real-time / re-upload" byte is set, which the gateway stores as a blind-spot fix. Re-uploads are
// paced: a location the gateway drops (per-connection frame limit) is never acknowledged, so it
// would never be sent again.
//
// Times go out in UTC, the GT06 default: the short login announces no time zone.
import {
  encodeHeartbeat,
  encodeLocation,
  encodeLogin,
  GT06_PROTOCOL,
  type Gt06Cell,
} from '../protocols/gt06/index.ts';
import { Gt06Link, type Gt06LinkOptions } from './gt06-link.ts';
import type { SimFix } from './model/fix.ts';
import type { SimLog, Uplink } from './uplink.ts';

/** Heartbeat interval: a terminal setting (Concox `HBT` command); minutes, inside the gateway's idle timeout. */
export const GT06_HEARTBEAT_MS = 3 * 60_000;
/** First wait before reconnecting; it doubles after each failure up to `retryAfterMs`. */
const FIRST_RETRY_MS = 1000;
/** Gap between re-uploaded locations: 50 a second, well under the gateway's per-connection limit. */
const REUPLOAD_GAP_MS = 20;

/** Connection settings of one simulated GT06 terminal. */
export interface Gt06UplinkOptions extends Gt06LinkOptions {
  /** The terminal ID of the login packet: the 15-digit IMEI. */
  imei: string;
  /** Wait for the ack of a login or heartbeat before giving the connection up. */
  ackTimeoutMs: number;
  /** Heartbeat interval; default `GT06_HEARTBEAT_MS`. */
  heartbeatMs?: number;
  /** Longest wait before reconnecting (also the wait after a refused login). */
  retryAfterMs: number;
  /** 0x12 (GT06 v1.8.1 §5.2, the default) or 0x22 (later Concox: ACC and a re-upload flag). */
  locationProtocol?: typeof GT06_PROTOCOL.location | typeof GT06_PROTOCOL.locationUtc;
  log: SimLog;
}

/** A plausible serving cell (China Mobile) for a position: the cell changes every kilometre or so. */
export function cellAt(lat: number, lon: number): Gt06Cell {
  const row = Math.floor(lat * 100);
  const col = Math.floor(lon * 100);
  return {
    mcc: 460,
    mnc: 0,
    lac: 0x5000 + (((Math.floor(lat * 10) * 31 + Math.floor(lon * 10)) >>> 0) % 0x1000),
    cellId: ((row * 7919 + col * 104_729) >>> 0) % 0xffffff,
  };
}

/** The 0x12/0x22 packet for one fix. */
export function gt06LocationPacket(
  fix: SimFix,
  serial: number,
  protocol: NonNullable<Gt06UplinkOptions['locationProtocol']>,
  reupload: boolean,
): Uint8Array {
  return encodeLocation({
    serial,
    protocol,
    fix: {
      lat: fix.lat,
      lon: fix.lon,
      time: fix.time,
      speedKmh: fix.speedKmh ?? 0,
      course: fix.course ?? 0,
      fixed: fix.status?.fixed ?? true,
      satellites: fix.satellites ?? 0,
    },
    cell: cellAt(fix.lat, fix.lon),
    // 0x22 only: ACC (the engine, off while docked), upload mode 0 (at a fixed interval), re-upload flag.
    ...(protocol === GT06_PROTOCOL.locationUtc && { acc: fix.status?.acc ?? true, uploadMode: 0, reupload }),
  });
}

/** The GT06 uplink of one terminal. */
export function gt06Uplink(opts: Gt06UplinkOptions): Uplink {
  const protocol = opts.locationProtocol ?? GT06_PROTOCOL.location;
  const heartbeatMs = opts.heartbeatMs ?? GT06_HEARTBEAT_MS;
  let link: Gt06Link | undefined;
  let loggedIn = false;
  let connecting = false;
  let notBefore = 0;
  let failures = 0;
  let warned = false;
  let acc = true;
  let heartbeat: NodeJS.Timeout | undefined;

  const warnOnce = (message: string) => {
    if (!warned) opts.log.warn(`terminal ${opts.imei}: ${message}`);
    warned = true;
  };

  /** Exponential back-off with jitter, so that a restarted gateway is not met by every boat at once. */
  const backoff = () => {
    const ceiling = Math.min(opts.retryAfterMs, FIRST_RETRY_MS * 2 ** Math.min(failures, 20));
    failures++;
    return ceiling / 2 + Math.random() * (ceiling / 2);
  };

  const drop = (waitMs: number) => {
    loggedIn = false;
    clearInterval(heartbeat);
    heartbeat = undefined;
    const current = link;
    link = undefined;
    current?.close();
    notBefore = Date.now() + waitMs;
  };

  // §5.4: the heartbeat carries the terminal information (ACC, charging, GPS tracking), voltage
  // level and GSM signal. An unanswered one means the connection is dead (half-open): start again.
  const beat = (current: Gt06Link) => {
    const packet = (serial: number) =>
      encodeHeartbeat({
        serial,
        terminal: { armed: false, acc, charging: true, alarm: null, gpsTracking: true, oilCut: false },
        voltageLevel: 6,
        gsmSignal: 4,
        language: 0x01,
      });
    current.request(GT06_PROTOCOL.heartbeat, packet, opts.ackTimeoutMs).catch((error: Error) => {
      if (link !== current) return;
      warnOnce(`heartbeat: ${error.message}; reconnecting`);
      drop(backoff());
    });
  };

  async function session(): Promise<void> {
    const current = await Gt06Link.open(opts);
    link = current;
    try {
      await current.request(
        GT06_PROTOCOL.login,
        (serial) => encodeLogin({ imei: opts.imei, serial }),
        opts.ackTimeoutMs,
      );
    } catch (error) {
      if (link !== current) return; // closed on our side meanwhile (end of shift, shutdown)
      if (!current.open) {
        // §5.1.2: the gateway answers only a registered IMEI; an unknown one is disconnected.
        opts.log.warn(
          `terminal ${opts.imei} refused at login: the gateway closed the connection without an ack ` +
            '(is the IMEI registered as a gt06 device?)',
        );
        warned = true;
        return drop(opts.retryAfterMs);
      }
      throw error;
    }
    if (link !== current) return;
    loggedIn = true;
    failures = 0;
    warned = false;
    void current.closed.then(() => {
      if (link !== current) return;
      warnOnce('connection closed by the gateway; reconnecting');
      drop(backoff());
    });
    // A first status right after the login, as Concox terminals do, then one every interval.
    beat(current);
    heartbeat = setInterval(() => beat(current), heartbeatMs);
    heartbeat.unref();
  }

  return {
    ready: () => loggedIn && link?.open === true,
    connect() {
      if (connecting || link || Date.now() < notBefore) return;
      connecting = true;
      session()
        .catch((error: Error) => {
          warnOnce(`${error.message}; retrying`);
          drop(backoff());
        })
        .finally(() => {
          connecting = false;
        });
    },
    async send(fixes, blind) {
      const current = link;
      if (!current || !loggedIn || fixes.length === 0) return false;
      try {
        for (const [i, fix] of fixes.entries()) {
          if (blind && i > 0) await new Promise((resolve) => setTimeout(resolve, REUPLOAD_GAP_MS));
          if (!blind) acc = fix.status?.acc ?? acc;
          // Written, not acknowledged: GT06 has no reply to a location.
          await current.send((serial) => gt06LocationPacket(fix, serial, protocol, blind));
        }
        return true;
      } catch {
        // The connection dropped: what was not written is kept and sent again later.
        if (link === current) drop(backoff());
        return false;
      }
    },
    close() {
      drop(0);
    },
  };
}
