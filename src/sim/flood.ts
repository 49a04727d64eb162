// Terminals that report as fast as the platform acknowledges, each keeping up to `window` reports
// in flight: the load generator of the ingest benchmark and the durability test. Fix times count
// up one second per report from `baseTime`, so every report is a distinct (device, time).
import { encodeAuth, encodeRegister } from '../protocols/jt808/index.ts';
import { floodFrames } from './flood-frames.ts';
import { Jt808Link } from './jt808-link.ts';

/** An authenticated terminal ready to flood. */
export interface FloodTerminal {
  phone: string;
  link: Jt808Link;
  /** Reports sent so far. */
  sent: number;
  /** Fix times acknowledged with result 0, when recording. */
  ackedTimes: number[];
  acked: number;
}

/** Connects, registers and authenticates one terminal per phone, a few at a time. */
export async function connectTerminals(
  target: { host: string; port: number },
  phones: readonly string[],
  concurrency = 50,
): Promise<FloodTerminal[]> {
  const out: FloodTerminal[] = new Array(phones.length);
  let next = 0;
  const worker = async () => {
    while (next < phones.length) {
      const i = next++;
      const phone = phones[i] as string;
      const link = await Jt808Link.open({ ...target, phone, ackTimeoutMs: 30_000, retries: 0 });
      const registered = await link.request((h) =>
        encodeRegister(h, {
          province: 32,
          city: 508,
          makerId: 'ZSSIM',
          model: 'FLOOD',
          terminalId: phone.slice(-7),
          plateColor: 0,
          plate: `F${phone}`,
        }),
      );
      if (registered.result !== 0 || !registered.authCode) {
        link.close();
        throw new Error(`terminal ${phone} refused at registration (result ${registered.result})`);
      }
      const code = registered.authCode;
      const auth = await link.request((h) => encodeAuth(h, { code }));
      if (auth.result !== 0) throw new Error(`terminal ${phone} refused at authentication`);
      out[i] = { phone, link, sent: 0, ackedTimes: [], acked: 0 };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, phones.length) }, worker));
  return out;
}

/** A running flood. */
export interface Flood {
  /** Acknowledged reports over all terminals so far. */
  acked(): number;
  /** Stops sending; resolves when nothing is in flight any more (acknowledged, or connection gone). */
  stop(): Promise<void>;
}

/** Starts every terminal sending, `window` unacknowledged reports at most each. */
export function startFlood(
  terminals: readonly FloodTerminal[],
  opts: { window: number; baseTime: number; record?: boolean },
): Flood {
  let running = true;
  let total = 0;
  const builders = terminals.map((t, i) => floodFrames(t.phone, i, opts.baseTime));
  const pump = (t: FloodTerminal, index: number) => {
    const build = builders[index];
    while (build && running && t.link.open && t.link.inFlight < opts.window) {
      const seq = t.sent++;
      t.link
        .request((h) => build(seq, h.serial))
        .then(
          (reply) => {
            if (reply.result === 0) {
              t.acked++;
              total++;
              if (opts.record) t.ackedTimes.push(opts.baseTime + seq * 1000);
            }
            pump(t, index);
          },
          () => undefined,
        );
    }
  };
  for (const [i, t] of terminals.entries()) pump(t, i);
  return {
    acked: () => total,
    async stop() {
      running = false;
      const deadline = Date.now() + 10_000;
      while (terminals.some((t) => t.link.open && t.link.inFlight > 0) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
}
