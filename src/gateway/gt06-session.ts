import type { Fix } from '../domain/positions/fix.ts';
import {
  encodeAck,
  type Gt06Alarm,
  Gt06Framer,
  type Gt06Message,
  type Gt06Position,
  replyTo,
} from '../protocols/gt06/index.ts';
import { type Device, touchDevices } from '../store/devices.repository.ts';
import { findLatest } from '../store/positions.repository.ts';
import { type GatewayContext, rejectFrame } from './context.ts';
import { InOrder, type Reply } from './in-order.ts';
import { TokenBucket } from './rate-limit.ts';
import type { TcpSession, TcpSessionIo } from './tcp-server.ts';

const PROTOCOL = 'gt06';

/** A GT06 fix in the platform's neutral shape; cell, terminal and alarm details go to attributes. */
export function gt06Fix(p: Gt06Position): Fix {
  return {
    time: p.time,
    lat: p.lat,
    lon: p.lon,
    speedKmh: p.speedKmh,
    course: p.course,
    // The GT06 GPS block (§5.2) carries no altitude.
    altitude: 0,
    valid: p.fixed,
    attributes: { ...p.attributes, satellites: p.satellites },
  };
}

/**
 * One GT06 terminal connection (GT06 v1.8.1 §5): login first, then locations, heartbeats and
 * alarms, handled strictly in order. Locations get no reply (the protocol defines none) except
 * the 0x32 status packet, acknowledged as traccar does; every ack of a fix comes after its commit.
 */
export function createGt06Session(g: GatewayContext, io: TcpSessionIo): TcpSession {
  const framer = new Gt06Framer();
  const bucket = new TokenBucket(g.framesPerSecond, g.framesPerSecond * 10, Date.now());
  let device: Device | undefined;
  let refused = false;
  const queue = new InOrder(io, (error) =>
    g.log.error({ err: error, protocol: PROTOCOL, remote: io.remote }, 'device message not processed'),
  );

  // §5.1.2: the login is acknowledged only for a registered IMEI; an unknown terminal gets no
  // reply and the connection is closed, so it cannot report positions through it.
  async function login(imei: string, protocol: number, serial: number): Promise<Reply> {
    device = await g.devices.resolve(PROTOCOL, imei);
    if (device) return encodeAck(protocol, serial);
    refused = true;
    g.metrics.unknownDevices.inc({ protocol: PROTOCOL });
    g.log.warn({ protocol: PROTOCOL, remote: io.remote, imei }, 'unknown GT06 terminal refused');
    io.close();
    return undefined;
  }

  // The commit is awaited even for a location, whose reply is empty: replies after it (a
  // heartbeat's ack) must not overtake it, and a failed commit must be logged. GT06 has no
  // negative reply: a fix that could not be stored (no column can hold it) is not acknowledged.
  async function store(d: Device, fix: Fix, blind: boolean, ack: Uint8Array | undefined): Promise<Reply> {
    const staged = await g.ingest.stage(d, [fix], { protocol: PROTOCOL, blind });
    return { later: staged.committed.then(({ unstorable }) => (unstorable > 0 ? undefined : ack)) };
  }

  // §5.3: a terminal without a satellite fix may send an impossible date-time. The alarm still
  // matters (SOS), so it is stored at the last known place, at server time, marked invalid.
  async function alarmFix(d: Device, m: Gt06Alarm): Promise<Fix | undefined> {
    if (m.position) return gt06Fix(m.position);
    const last = await findLatest(g.ctx.db, d.id);
    if (!last) return undefined;
    return {
      time: g.ctx.now(),
      lat: last.lat,
      lon: last.lon,
      speedKmh: 0,
      course: 0,
      altitude: last.altitude,
      valid: false,
      attributes: { alarm: m.alarm, alarmCode: m.alarmCode, lastKnownPosition: true },
    };
  }

  async function handle(m: Gt06Message): Promise<Reply> {
    if (m.kind === 'login') return login(m.imei, m.protocol, m.serial);
    const d = device;
    if (!d) {
      // Not stored and not acknowledged: a terminal that missed its login ack logs in again.
      rejectFrame(g, PROTOCOL, io.remote, 'not_logged_in', '');
      return undefined;
    }
    switch (m.kind) {
      case 'location':
        return store(d, gt06Fix(m.position), m.reupload, replyTo(m) ?? undefined);
      case 'noFix':
        // A location packet that says it has no fix: nothing to store, but its ack is due.
        return replyTo(m) ?? undefined;
      case 'heartbeat':
        await touchDevices(g.ctx.db, new Map([[d.id, g.ctx.now()]]));
        return encodeAck(m.protocol, m.serial);
      case 'alarm': {
        const fix = await alarmFix(d, m);
        if (fix) return store(d, fix, false, encodeAck(m.protocol, m.serial));
        g.log.warn({ protocol: PROTOCOL, device: d.id, alarm: m.alarm }, 'alarm without any position');
        return encodeAck(m.protocol, m.serial);
      }
      default:
        // Other protocol numbers (time requests, command replies…) need no reply from us.
        g.log.debug({ protocol: PROTOCOL, device: d.id, number: m.protocol }, 'GT06 message ignored');
        return undefined;
    }
  }

  return {
    onData(chunk) {
      for (const result of framer.push(chunk)) {
        if (refused) return;
        if (!result.ok) {
          rejectFrame(g, PROTOCOL, io.remote, result.error.reason, result.error.hex);
          continue;
        }
        if (!bucket.take(Date.now())) {
          rejectFrame(g, PROTOCOL, io.remote, 'rate_limited', '');
          continue;
        }
        const message = result.message;
        queue.push(() => handle(message));
      }
    },
    onClose() {
      queue.close();
    },
  };
}
