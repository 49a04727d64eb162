import type { Fix } from '../domain/positions/fix.ts';
import type { StageCompletion } from '../ingest/pipeline.ts';
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
  let waiters: CompletionWaiters<Jt808GeneralResult> | undefined;
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
    const lost = lostItems(m);
    const ack = new AckAfterCommit(slot, lost);
    const staged = g.ingest.stageNow(
      d,
      fixes,
      { protocol: PROTOCOL, blind: m.kind === 'locationBatch' && m.blindSpot },
      ack,
    );
    if (!staged) return undefined;
    if (lost > 0) reportLost(m);
    // The serial is taken only once the report is staged, in message order, as `handle` does.
    ack.replyTo(m.header, nextSerial());
    return slot;
  }

  /** Logs and counts a batch's unreadable items (see lostItems), once it is staged. */
  function reportLost(m: Jt808Message): void {
    if (m.kind !== 'locationBatch') return;
    const detail = `${m.invalidItems} unreadable items${m.truncated ? ', body ends early' : ''}`;
    rejectFrame(g, PROTOCOL, io.remote, 'batch_item', detail);
  }

  function handleInOrder(m: Jt808Message, slot: PendingReply): Reply | Promise<Reply> {
    return stageNow(m, slot) ?? handle(m);
  }

  /**
   * Handles one message in order; returns the reply, or a promise of it when the reply must
   * wait for a commit (so the next frame can be staged meanwhile).
   */
  async function handle(m: Jt808Message): Promise<Reply> {
    if (m.kind === 'fragment') return fragment(m.header, m.body);
    return answerWith(m.header, await answer(m));
  }

  /** The reply carrying `a`: its own, or a 0x8001 with its result (sent once that is known). */
  function answerWith(header: Jt808Header, a: Answer): Reply {
    if (a.reply) return a.reply;
    const serialOfReply = nextSerial();
    if (typeof a.result === 'number') return encodeGeneralResponse(header, serialOfReply, a.result);
    // Wrapped: an async function returning a bare promise would wait for it, and the next
    // frame could not be staged into the same group commit.
    return { later: a.result.then((result) => encodeGeneralResponse(header, serialOfReply, result)) };
  }

  /** What a whole message (not a package of one) is answered with. */
  async function answer(m: Exclude<Jt808Message, { kind: 'fragment' }>): Promise<Answer> {
    switch (m.kind) {
      case 'register': {
        const d = await deviceFor(m.header);
        if (!d) {
          const refused = Jt808RegisterResult.terminalNotFound;
          return { result: fail, reply: encodeRegisterResponse(m.header, nextSerial(), refused) };
        }
        const code = await issueAuthCode(g.ctx, d);
        g.devices.forget(PROTOCOL, d.identifier);
        const registered = encodeRegisterResponse(m.header, nextSerial(), Jt808RegisterResult.ok, code);
        return { result: Jt808GeneralResult.ok, reply: registered };
      }
      case 'auth': {
        const d = await deviceFor(m.header);
        const relaxed = !(await getDeviceSettings(g.ctx)).jt808RequireAuth;
        const ok = d !== undefined && (relaxed || (d.authCode !== null && d.authCode === m.code));
        authenticatedId = ok ? d?.id : undefined;
        return { result: ok ? Jt808GeneralResult.ok : fail };
      }
      case 'heartbeat': {
        const d = await mayReport(m.header);
        if (d) await touchDevices(g.ctx.db, new Map([[d.id, g.ctx.now()]]));
        return { result: d ? Jt808GeneralResult.ok : fail };
      }
      case 'unregister':
        authenticatedId = undefined;
        return { result: Jt808GeneralResult.ok };
      case 'location':
      case 'locationBatch': {
        const d = await mayReport(m.header);
        if (!d) return { result: fail };
        const fixes = m.kind === 'location' ? [jt808Fix(m.location)] : m.locations.map(jt808Fix);
        const staged = await g.ingest.stage(d, fixes, {
          protocol: PROTOCOL,
          blind: m.kind === 'locationBatch' && m.blindSpot,
        });
        const lost = lostItems(m);
        if (lost > 0) reportLost(m);
        return { result: staged.committed.then(({ unstorable }) => resultOfCommit(unstorable + lost)) };
      }
      default:
        return { result: Jt808GeneralResult.notSupported };
    }
  }

  /**
   * One package of a split message (§4.4.3). Every package is answered with the result of the
   * whole message, once that is known: a terminal never deletes part of a blind-spot batch that
   * is not stored, nor takes a refused message for accepted. A message that never completes, or
   * whose commit fails, gets no acks and is sent again.
   */
  async function fragment(header: Jt808Header & { packet: Jt808Packet }, body: Uint8Array): Promise<Reply> {
    reassembler ??= new Jt808Reassembler();
    waiters ??= new CompletionWaiters<Jt808GeneralResult>(DEFAULT_REASSEMBLY_LIMITS.timeoutMs);
    const added = reassembler.add(header, body, Date.now());
    // Given up (too old, too many, too large): the packages already received are refused too,
    // rather than holding every later reply of the connection until their waiters time out.
    for (const key of added.dropped) waiters.settle(key, fail);
    switch (added.status) {
      case 'refused':
        rejectFrame(g, PROTOCOL, io.remote, 'subpackage', added.reason);
        return reply(header, fail);
      case 'malformed':
        rejectFrame(g, PROTOCOL, io.remote, 'subpackage', added.reason);
        waiters.settle(added.key, Jt808GeneralResult.wrongMessage);
        return reply(header, Jt808GeneralResult.wrongMessage);
      case 'pending': {
        const whole = waiters.forKey(added.key);
        const serialOfReply = nextSerial();
        return { later: whole.then((result) => encodeGeneralResponse(header, serialOfReply, result)) };
      }
      case 'complete': {
        const m = added.message;
        if (m.kind === 'fragment') throw new Error('a reassembled message is never a package');
        const answered = answer(m);
        // A failure (the commit's, or the database's before it) leaves every package unanswered.
        waiters.settle(
          added.key,
          answered.then((a) => a.result),
        );
        return answerWith(m.header, await answered);
      }
    }
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

/** Items of a batch that are there but cannot be read: the batch is not acknowledged as stored. */
function lostItems(m: Jt808Message): number {
  if (m.kind !== 'locationBatch') return 0;
  return m.invalidItems + (m.truncated ? 1 : 0);
}

/** A message's answer: its 0x8001 result (of a report: once its commit settles), or another reply. */
interface Answer {
  /** Also what every package of a split message is answered with. Rejects when the commit failed. */
  result: Jt808GeneralResult | Promise<Jt808GeneralResult>;
  /** Sent instead of a 0x8001 (a registration's 0x8100). */
  reply?: Uint8Array;
}

const fail = Jt808GeneralResult.fail;

/**
 * A committed report's result. Fixes that were not stored (unreadable batch items, values no
 * column can hold) make it "message error" (§8.2 result 2), never "success": resending it
 * cannot help, and the terminal must not take those fixes for stored.
 */
function resultOfCommit(notStored: number): Jt808GeneralResult {
  return notStored > 0 ? Jt808GeneralResult.wrongMessage : Jt808GeneralResult.ok;
}

/**
 * Sends the 0x8001 ack of a staged position report once it is committed. Whom it answers is set
 * right after staging; a report with nothing storable completes at once, before that.
 */
class AckAfterCommit implements StageCompletion {
  private to: Jt808Header | undefined;
  private serial = 0;
  private result: Jt808GeneralResult | undefined;

  constructor(
    private readonly slot: PendingReply,
    /** Batch items already known not to be stored. */
    private readonly lost: number,
  ) {}

  replyTo(to: Jt808Header, serial: number): void {
    this.to = to;
    this.serial = serial;
    this.send();
  }

  resolve(_stored: unknown, unstorable: number): void {
    this.result = resultOfCommit(unstorable + this.lost);
    this.send();
  }

  reject(error: unknown): void {
    this.slot.reject(error);
  }

  private send(): void {
    if (this.to && this.result !== undefined)
      this.slot.resolve(encodeGeneralResponse(this.to, this.serial, this.result));
  }
}
