// Consoles for the live-latency figure, run as a child process: `count` WebSockets on
// /api/live signed in with `token`, each recording when every `position` event arrived.
//
// IPC: { connect: { url, token, count } } → { ready } | { error };
// { match: { sends, ids } } → LiveMatch (latencies of the sends each console received).
import WebSocket from 'ws';
import type { LiveSend } from './live-load.ts';
import { clock } from './measure.ts';

/** Latency quantiles over every console and every matched send, ms. */
export interface Quantiles {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** What the consoles saw of the sends; `missing`: (console, send) pairs that never arrived. */
export interface LiveMatch {
  /** The fix's commit (as the server's pipeline saw it) → event received by a console. */
  fromCommit: Quantiles;
  /** Fix sent by the device → event received by a console (the commit lies after the send). */
  fromSend: Quantiles;
  /** The device's ack received → event received by a console (the commit lies before the ack). */
  fromAck: Quantiles;
  missing: number;
}

function quantiles(values: number[]): Quantiles {
  const sorted = values.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

/** Per console: `deviceId|fixTime` → received at. */
const received: Map<string, number>[] = [];
const sockets: WebSocket[] = [];

function open(url: string, token: string, index: number): Promise<void> {
  const seen = new Map<string, number>();
  received[index] = seen;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
    sockets.push(ws);
    ws.on('message', (raw) => {
      const at = clock();
      // Only the key is read here (no JSON.parse of every event): this process must keep up.
      const text = String(raw);
      if (text.startsWith('{"type":"hello"')) resolve();
      else if (text.startsWith('{"type":"position"')) {
        const id = /"deviceId":"([^"]+)"/.exec(text)?.[1];
        const time = /"time":"([^"]+)"/.exec(text)?.[1];
        if (id && time) seen.set(`${id}|${Date.parse(time)}`, at);
      }
    });
    ws.once('error', reject);
  });
}

function match(sends: LiveSend[], ids: string[]): LiveMatch {
  const fromSend: number[] = [];
  const fromAck: number[] = [];
  const fromCommit: number[] = [];
  let missing = 0;
  for (const seen of received) {
    for (const [phone, time, sentAt, ackAt, commitAt] of sends) {
      const at = seen.get(`${ids[phone]}|${time}`);
      if (at === undefined) {
        missing++;
        continue;
      }
      fromSend.push(at - sentAt);
      if (ackAt > 0) fromAck.push(at - ackAt);
      if (commitAt > 0) fromCommit.push(at - commitAt);
    }
  }
  return {
    fromCommit: quantiles(fromCommit),
    fromSend: quantiles(fromSend),
    fromAck: quantiles(fromAck),
    missing,
  };
}

if (process.send) {
  process.on('message', (message: unknown) => {
    const m = message as {
      connect?: { url: string; token: string; count: number };
      match?: { sends: LiveSend[]; ids: string[] };
    };
    if (m.connect) {
      const { url, token, count } = m.connect;
      Promise.all(Array.from({ length: count }, (_, i) => open(url, token, i))).then(
        () => process.send?.({ ready: count }),
        (error: Error) => process.send?.({ error: error.message }),
      );
    } else if (m.match) {
      const result = match(m.match.sends, m.match.ids);
      for (const ws of sockets) ws.terminate();
      process.send?.(result, () => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
}
