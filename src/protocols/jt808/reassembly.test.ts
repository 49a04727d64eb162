import assert from 'node:assert/strict';
import { it } from 'node:test';
import { encodeLocationBody } from './location-encode.ts';
import { Jt808Reassembler } from './reassembly.ts';
import type { Jt808Header, Jt808Packet } from './types.ts';

/** A 0x0704 body (§8.49): count WORD, type BYTE, then each location with its length WORD. */
function batchBody(times: number[], blind: boolean): Uint8Array {
  const items = times.map((time, i) =>
    encodeLocationBody({ lat: 31.3 + i * 0.001, lon: 120.8, time, status: { fixed: true } }),
  );
  const out = Buffer.alloc(3 + items.reduce((n, b) => n + 2 + b.length, 0));
  out.writeUInt16BE(items.length, 0);
  out.writeUInt8(blind ? 1 : 0, 2);
  let at = 3;
  for (const item of items) {
    out.writeUInt16BE(item.length, at);
    out.set(item, at + 2);
    at += 2 + item.length;
  }
  return out;
}

function header(
  serial: number,
  packet: Jt808Packet,
  bodyLength: number,
): Jt808Header & { packet: Jt808Packet } {
  return {
    msgId: 0x0704,
    bodyLength,
    encryption: 0,
    edition: '2013',
    protocolVersion: 0,
    phone: '013912345678',
    deviceId: '13912345678',
    serial,
    packet,
  };
}

const T0 = Date.parse('2026-11-27T01:00:00Z');

it('joins the packages of a split blind-spot batch in index order, whatever order they come in', () => {
  const body = batchBody([T0, T0 + 5000, T0 + 10_000], true);
  const cut = 40;
  const r = new Jt808Reassembler();
  const second = r.add(header(11, { total: 2, index: 2 }, body.length - cut), body.subarray(cut), T0);
  assert.equal(second.status, 'pending');
  const first = r.add(header(10, { total: 2, index: 1 }, cut), body.subarray(0, cut), T0 + 1000);
  assert.equal(first.status, 'complete');
  if (first.status !== 'complete' || first.message.kind !== 'locationBatch') throw new Error('not a batch');
  assert.equal(first.message.blindSpot, true);
  assert.deepEqual(
    first.message.locations.map((l) => [l.time, l.lat]),
    [
      [T0, 31.3],
      [T0 + 5000, 31.301],
      [T0 + 10_000, 31.302],
    ],
  );
  assert.equal(first.message.header.packet, undefined);
  assert.equal(r.inProgress, 0);
});

it('drops a message whose packages stop coming, and bounds what it holds', () => {
  const r = new Jt808Reassembler({ maxMessages: 2, maxBytes: 100, timeoutMs: 1000 });
  assert.equal(r.add(header(1, { total: 3, index: 1 }, 10), new Uint8Array(10), T0).status, 'pending');
  assert.equal(r.inProgress, 1);
  // Past the timeout the first message is forgotten when the next package arrives.
  assert.equal(
    r.add(header(20, { total: 2, index: 1 }, 10), new Uint8Array(10), T0 + 5000).status,
    'pending',
  );
  assert.equal(r.inProgress, 1);
  const tooBig = r.add(header(30, { total: 2, index: 1 }, 200), new Uint8Array(200), T0 + 5000);
  assert.deepEqual(tooBig.status, 'refused');
  assert.deepEqual(
    r.add(header(40, { total: 2, index: 3 }, 1), new Uint8Array(1), T0 + 5000).status,
    'refused',
  );
});

it('names the messages it gives up, so that their earlier packages can be answered', () => {
  const r = new Jt808Reassembler({ maxMessages: 1, maxBytes: 100, timeoutMs: 1000 });
  const first = r.add(header(1, { total: 2, index: 1 }, 10), new Uint8Array(10), T0);
  assert.deepEqual([first.status, first.dropped], ['pending', []]);
  // A second message past maxMessages evicts the first.
  const second = r.add(header(20, { total: 2, index: 1 }, 10), new Uint8Array(10), T0);
  assert.deepEqual(second.dropped, ['13912345678:1796:2:1']);
  // Over maxBytes: the message of the package is dropped with it.
  const tooBig = r.add(header(21, { total: 2, index: 2 }, 95), new Uint8Array(95), T0);
  assert.deepEqual([tooBig.status, tooBig.dropped], ['refused', ['13912345678:1796:2:20']]);
  // Past the timeout.
  r.add(header(30, { total: 2, index: 1 }, 10), new Uint8Array(10), T0);
  const late = r.add(header(40, { total: 3, index: 1 }, 10), new Uint8Array(10), T0 + 5000);
  assert.deepEqual(late.dropped, ['13912345678:1796:2:30']);
});

it('answers a whole message whose joined body does not decode as malformed, naming it', () => {
  // A 0x0704 body needs at least its count and type (3 bytes); these two packages hold 2.
  const r = new Jt808Reassembler();
  assert.equal(r.add(header(10, { total: 2, index: 1 }, 1), Uint8Array.of(0), T0).status, 'pending');
  const whole = r.add(header(11, { total: 2, index: 2 }, 1), Uint8Array.of(2), T0);
  assert.equal(whole.status, 'malformed');
  if (whole.status === 'malformed') assert.equal(whole.key, '13912345678:1796:2:10');
  assert.equal(r.inProgress, 0);
});
