import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LivePosition, Position } from '../api/types.ts';
import { type DeviceStatusEvent, LiveController, type LiveState, type SocketLike } from './controller.ts';

class FakeSocket implements SocketLike {
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  open(): void {
    this.onopen?.(new Event('open'));
  }
  close(): void {
    this.closed = true;
    this.onclose?.(new Event('close') as CloseEvent);
  }
  send(type: string, data: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify({ type, data }) }));
  }
}

function position(deviceId: string, time: string, lat: number): Position {
  const fields = { speed: 0, course: 0, altitude: 0, valid: true, blind: false, flags: 0, attributes: {} };
  return { deviceId, time, serverTime: time, lat, lon: 120.8, ...fields };
}

/** A controller wired to fake sockets and a manual clock. */
function harness(latest: Position[]) {
  const sockets: FakeSocket[] = [];
  const timers: { at: number; run: () => void; id: number }[] = [];
  const seen = {
    positions: [] as LivePosition[][],
    states: [] as LiveState[],
    statuses: [] as DeviceStatusEvent[],
    ordersChanged: 0,
  };
  let fetches = 0;
  let now = 0;
  let nextId = 1;
  const controller = new LiveController({
    url: 'ws://test/api/live',
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    fetchLatest: async () => {
      fetches++;
      return latest;
    },
    onPositions: (p) => seen.positions.push(p),
    onDeviceStatus: (e) => seen.statuses.push(e),
    onUnitsChanged: () => {},
    onOrdersChanged: () => {
      seen.ordersChanged++;
    },
    onState: (s) => seen.states.push(s),
    flushMs: 100,
    backoff: { initialMs: 1000, maxMs: 8000 },
    random: () => 0.5,
    setTimer: (run, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  /** Moves the clock, running due timers; returns the delays of reconnects seen. */
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)) {
      timers.splice(timers.indexOf(t), 1);
      t.run();
    }
  };
  return {
    controller,
    sockets,
    seen,
    advance,
    fetches: () => fetches,
    pending: () => timers.map((t) => t.at - now),
  };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('live controller', () => {
  it('resyncs from REST on open and merges a burst of positions per device', async () => {
    const h = harness([position('a', '2026-03-02T01:00:00Z', 31.3)]);
    h.controller.start();
    h.sockets[0]?.open();
    await settle();
    assert.equal(h.fetches(), 1);
    assert.equal(h.seen.positions[0]?.[0]?.lat, 31.3);

    const socket = h.sockets[0] as FakeSocket;
    socket.send('position', { ...position('a', '2026-03-02T01:00:05Z', 31.31), deviceName: '清波1号' });
    socket.send('position', position('a', '2026-03-02T01:00:10Z', 31.32));
    socket.send('position', position('b', '2026-03-02T01:00:07Z', 31.4));
    assert.equal(h.seen.positions.length, 1, 'nothing is handed over before the burst window ends');
    h.advance(100);
    assert.deepEqual(
      h.seen.positions[1]?.map((p) => [p.deviceId, p.lat]),
      [
        ['a', 31.32],
        ['b', 31.4],
      ],
    );
    socket.send('device.status', { deviceId: 'a', name: '清波1号', status: 'offline', lastSeenAt: null });
    assert.equal(h.seen.statuses[0]?.status, 'offline');
    h.controller.stop();
  });

  it('tells of every order reported or moved, for the pages showing order figures', async () => {
    const h = harness([]);
    h.controller.start();
    h.sockets[0]?.open();
    const socket = h.sockets[0] as FakeSocket;
    socket.send('order.created', { id: 'o1' });
    socket.send('order.updated', { id: 'o1' });
    socket.send('unit.updated', { id: 'u1' });
    assert.equal(h.seen.ordersChanged, 2);
    h.controller.stop();
  });

  it('reconnects with doubling back-off and resyncs after each reconnect and on a resync message', async () => {
    const h = harness([]);
    h.controller.start();
    h.sockets[0]?.close();
    assert.deepEqual(h.pending(), [1000]);
    h.advance(1000);
    h.sockets[1]?.close();
    assert.deepEqual(h.pending(), [2000]);
    h.advance(2000);
    h.sockets[2]?.close();
    assert.deepEqual(h.pending(), [4000]);
    h.advance(4000);
    assert.equal(h.sockets.length, 4);
    h.sockets[3]?.open();
    await settle();
    assert.equal(h.fetches(), 1, 'a reconnect refetches the latest positions');
    h.sockets[3]?.send('resync', null);
    await settle();
    assert.equal(h.fetches(), 2, 'a resync message refetches too');
    h.sockets[3]?.close();
    assert.deepEqual(h.pending(), [1000], 'a successful open resets the back-off');
    assert.deepEqual(h.seen.states.slice(0, 3), ['connecting', 'closed', 'connecting']);
    h.controller.stop();
    assert.deepEqual(h.pending(), [], 'stop cancels the pending reconnect');
  });
});
