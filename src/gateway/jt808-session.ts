import type { Fix } from '../domain/positions/fix.ts';
import {
  DEFAULT_REASSEMBLY_LIMITS,
  decodeFrame,
  encodeGeneralResponse,
  encodeRegisterResponse,
  Jt808Framer,
  Jt808GeneralResult,
  type Jt808Header,
  type Jt808Location,
  type Jt808Message,
  type Jt808Packet,
  Jt808Reassembler,
  Jt808RegisterResult,
} from '../protocols/jt808/index.ts';
import { getDeviceSettings, issueAuthCode } from '../services/devices/index.ts';
import type { Device } from '../store/devices.repository.ts';
import { touchDevices } from '../store/devices.repository.ts';
import { CompletionWaiters } from './completion-waiters.ts';
import { type GatewayContext, rejectFrame } from './context.ts';
import { InOrder, type PendingReply, type Reply } from './in-order.ts';
import { TokenBucket } from './rate-limit.ts';
import type { TcpSession, TcpSessionIo } from './tcp-server.ts';

const PROTOCOL = 'jt808';

/** A JT/T 808 location in the platform's neutral shape; protocol details go to attributes. */
export function jt808Fix(l: Jt808Location): Fix {
  const attributes: Record<string, unknown> = { alarm: l.alarm, status: l.status.raw, acc: l.status.acc };
  if (l.mileageKm !== undefined) attributes.mileageKm = l.mileageKm;
  if (l.fuelL !== undefined) attributes.fuelL = l.fuelL;
  if (l.recorderSpeedKmh !== undefined) attributes.recorderSpeedKmh = l.recorderSpeedKmh;
  if (l.extSignals !== undefined) attributes.extSignals = l.extSignals;
  if (l.ioStatus !== undefined) attributes.ioStatus = l.ioStatus;
  if (l.signal !== undefined) attributes.signal = l.signal;
  if (l.satellites !== undefined) attributes.satellites = l.satellites;
  for (const _ in l.extras) {
    attributes.extras = l.extras;
    break;
  }
  return {
    time: l.time,
    lat: l.lat,
    lon: l.lon,
    speedKmh: l.speedKmh,
    course: l.course,
    altitude: l.altitude,
    valid: l.status.fixed,
    attributes,
  };
}

/**
 * One terminal connection (JT/T 808-2013 §8): register → authenticate → report. Frames are
 * handled strictly in order, and a position is acknowledged (0x8001) only after its commit.
 */
export function createJt808Session(g: GatewayContext, io: TcpSessionIo): TcpSession {
  const framer = new Jt808Framer();
  const bucket = new TokenBucket(g.framesPerSecond, g.framesPerSecond * 10, Date.now());
  let serial = 0;
  /** The device this connection authenticated as (0x0102): positions for any other are refused. */
  let authenticatedId: string | undefined;
  // Split messages are rare: their state is created with the first package, not per connection.
  let reassembler: Jt808Reassembler | undefined;
  let waiters: CompletionWaiters | undefined;
  const inOrder = new InOrder(io, (error) =>
    // Not acknowledged: the terminal keeps the position and sends it again.
    g.log.error({ err: error, protocol: PROTOCOL, remote: io.remote }, 'device message not processed'),
  );

  const nextSerial = () => {
    serial = (serial + 1) & 0xffff;
    return serial;
  };
  const reply = (to: Jt808Header, result: Jt808GeneralResult) =>
    encodeGeneralResponse(to, nextSerial(), result);

  // Resolved through the directory on every message (it caches for a short while), so a device
  // deleted or re-identified through the API stops being accepted on open connections too.
  async function deviceFor(header: Jt808Header): Promise<Device | undefined> {
    const device = await g.devices.resolve(PROTOCOL, header.deviceId);
    if (!device) g.metrics.unknownDevices.inc({ protocol: PROTOCOL });
    return device;
  }

  /** The device a report or heartbeat may be stored for: the one this connection authenticated as. */
  async function mayReport(header: Jt808Header): Promise<Device | undefined> {
    const d = await deviceFor(header);
    if (!d) return undefined;
    if (authenticatedId === d.id) return d;
    return (await getDeviceSettings(g.ctx)).jt808RequireAuth ? undefined : d;
  }

  /**
   * The hot path, without a promise: a position report from the device this connection
   * authenticated as, with the device and its previous fix cached. Staged now; `slot` gets the
   * ack after the commit. Undefined when the general path (`handle`) must take the message.
   */
  function stageNow(m: Jt808Message, slot: PendingReply): Reply {
    if (m.kind !== 'location' && m.kind !== 'locationBatch') return undefined;
    if (authenticatedId === undefined) return undefined;
    const d = g.devices.peek(PROTOCOL, m.header.deviceId);
    if (!d || d.id !== authenticatedId) return undefined;
    const fixes = m.kind === 'location' ? [jt808Fix(m.location)] : m.locations.map(jt808Fix);
    const ack = new AckAfterCommit(slot);
    const staged = g.ingest.stageNow(
      d,
      fixes,
      { protocol: PROTOCOL, blind: m.kind === 'locationBatch' && m.blindSpot },
      ack,
    );
    if (!staged) return undefined;
    // The serial is taken only once the report is staged, in message order, as `handle` does.
    ack.setBytes(encodeGeneralResponse(m.header, nextSerial(), Jt808GeneralResult.ok));
    return slot;
  }

  function handleInOrder(m: Jt808Message, slot: PendingReply): Reply | Promise<Reply> {
    return stageNow(m, slot) ?? handle(m);
  }

  /**
   * Handles one message in order; returns the reply, or a promise of it when the reply must
   * wait for a commit (so the next frame can be staged meanwhile).
   */
  async function handle(m: Jt808Message): Promise<Reply> {
    switch (m.kind) {
      case 'register': {
        const d = await deviceFor(m.header);
        if (!d) return encodeRegisterResponse(m.header, nextSerial(), Jt808RegisterResult.terminalNotFound);
        const code = await issueAuthCode(g.ctx, d);
        g.devices.forget(PROTOCOL, d.identifier);
        return encodeRegisterResponse(m.header, nextSerial(), Jt808RegisterResult.ok, code);
      }
      case 'auth': {
        const d = await deviceFor(m.header);
        const relaxed = !(await getDeviceSettings(g.ctx)).jt808RequireAuth;
        const ok = d !== undefined && (relaxed || (d.authCode !== null && d.authCode === m.code));
        authenticatedId = ok ? d?.id : undefined;
        return reply(m.header, ok ? Jt808GeneralResult.ok : Jt808GeneralResult.fail);
      }
      case 'heartbeat': {
        const d = await mayReport(m.header);
        if (d) await touchDevices(g.ctx.db, new Map([[d.id, g.ctx.now()]]));
        return reply(m.header, d ? Jt808GeneralResult.ok : Jt808GeneralResult.fail);
      }
      case 'unregister':
        authenticatedId = undefined;
        return reply(m.header, Jt808GeneralResult.ok);
      case 'location':
      case 'locationBatch': {
        const d = await mayReport(m.header);
        if (!d) return reply(m.header, Jt808GeneralResult.fail);
        const fixes = m.kind === 'location' ? [jt808Fix(m.location)] : m.locations.map(jt808Fix);
        const staged = await g.ingest.stage(d, fixes, {
          protocol: PROTOCOL,
          blind: m.kind === 'locationBatch' && m.blindSpot,
        });
        const serialOfReply = nextSerial();
        // Wrapped: an async function returning a bare promise would wait for it, and the next
        // frame could not be staged into the same group commit.
        return {
          later: staged.committed.then(() =>
            encodeGeneralResponse(m.header, serialOfReply, Jt808GeneralResult.ok),
          ),
        };
      }
      case 'fragment':
        return fragment(m.header, m.body);
      default:
        return reply(m.header, Jt808GeneralResult.notSupported);
    }
  }

  /**
   * One package of a split message (§4.4.3). Every package is acknowledged only once the whole
   * message is committed, so a terminal never deletes part of a blind-spot batch that is not
   * stored; a message that never completes gets no acks and is sent again.
   */
  async function fragment(header: Jt808Header & { packet: Jt808Packet }, body: Uint8Array): Promise<Reply> {
    reassembler ??= new Jt808Reassembler();
    waiters ??= new CompletionWaiters(DEFAULT_REASSEMBLY_LIMITS.timeoutMs);
    const result = reassembler.add(header, body, Date.now());
    if (result.status === 'refused') {
      rejectFrame(g, PROTOCOL, io.remote, 'subpackage', result.reason);
      return reply(header, Jt808GeneralResult.fail);
    }
    const whole = waiters.forKey(result.key);
    if (result.status === 'pending') {
      const serialOfReply = nextSerial();
      return { later: whole.then(() => encodeGeneralResponse(header, serialOfReply, Jt808GeneralResult.ok)) };
    }
    const handled = await handle(result.message);
    const done =
      handled instanceof Uint8Array || handled === undefined
        ? Promise.resolve(handled)
        : 'later' in handled
          ? handled.later
          : Promise.reject(new Error('a reassembled message cannot settle its own reply slot'));
    waiters.settle(result.key, done);
    return { later: done };
  }

  function enqueue(frame: Uint8Array): void {
    const decoded = decodeFrame(frame);
    if (!decoded.ok) {
      rejectFrame(g, PROTOCOL, io.remote, decoded.error.reason, decoded.error.hex);
      return;
    }
    const message = decoded.message;
    inOrder.push((slot) => handleInOrder(message, slot));
  }

  return {
    onData(chunk) {
      for (const result of framer.push(chunk)) {
        if (!result.ok) {
          rejectFrame(g, PROTOCOL, io.remote, result.error.reason, result.error.hex);
          continue;
        }
        if (!bucket.take(Date.now())) {
          rejectFrame(g, PROTOCOL, io.remote, 'rate_limited', '');
          continue;
        }
        enqueue(result.frame);
      }
    },
    onClose() {
      inOrder.close();
      waiters?.clear();
    },
  };
}

/**
 * Sends the 0x8001 ack of a staged position report once it is committed. The ack's bytes are
 * set right after staging; a report with nothing storable completes at once, before that.
 */
class AckAfterCommit {
  private bytes: Uint8Array | undefined;
  private committed = false;

  constructor(private readonly slot: PendingReply) {}

  setBytes(bytes: Uint8Array): void {
    this.bytes = bytes;
    if (this.committed) this.slot.resolve(bytes);
  }

  resolve(): void {
    this.committed = true;
    if (this.bytes) this.slot.resolve(this.bytes);
  }

  reject(error: unknown): void {
    this.slot.reject(error);
  }
}
