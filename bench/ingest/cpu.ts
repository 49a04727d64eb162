// `ingest-cpu`: the server's CPU a durably acknowledged position, against the floor's
// (floor-server.ts), both loaded by the lean generator (lean-load.ts) and measured in turn,
// ours then the floor, `rounds` times; the medians make the figure.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../../test/helpers/server-process.ts';
import { startLeanLoad } from './lean.ts';
import { cpuSecondsOf } from './measure.ts';

/** One measured load: what the server and the generator spent on what was acknowledged. */
export interface CpuRun {
  acked: number;
  refused: number;
  positionsPerSecond: number;
  /** Server CPU a position, µs. */
  serverMicros: number;
  /** Server and generator CPU, in cores. */
  serverCpu: number;
  generatorCpu: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Floods the server `pid` on `port` with the lean generator; measures after the warm-up. */
export async function measureCpu(opts: {
  pid: number;
  port: number;
  phones: readonly string[];
  window: number;
  baseTime: number;
  warmupMs: number;
  measureMs: number;
}): Promise<CpuRun> {
  const load = await startLeanLoad({
    port: opts.port,
    phones: opts.phones,
    window: opts.window,
    baseTime: opts.baseTime,
  });
  try {
    load.start();
    await sleep(opts.warmupMs);
    const m0 = await load.mark();
    const s0 = cpuSecondsOf(opts.pid);
    await sleep(opts.measureMs);
    const m1 = await load.mark();
    const s1 = cpuSecondsOf(opts.pid);
    await load.stop();
    const seconds = (m1.at - m0.at) / 1000;
    const acked = m1.acked - m0.acked;
    return {
      acked,
      refused: m1.refused - m0.refused,
      positionsPerSecond: acked / seconds,
      serverMicros: ((s1 - s0) / Math.max(1, acked)) * 1e6,
      serverCpu: (s1 - s0) / seconds,
      generatorCpu: (m1.cpuSeconds - m0.cpuSeconds) / seconds,
    };
  } finally {
    load.kill();
  }
}

/** The floor server child (floor-server.ts) with the server's Node.js flags, on a database of its own. */
export async function startFloorServer(): Promise<{ pid: number; port: number; child: ChildProcess }> {
  const child = fork(path.join(import.meta.dirname, 'floor-server.ts'), [], {
    execArgv: [...SERVER_NODE_FLAGS, '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const reply = await new Promise<{ port?: number; error?: string }>((resolve) => {
    child.once('message', (m) => resolve(m as { port?: number; error?: string }));
    child.send({ dataDir: mkdtempSync(path.join(tmpdir(), 'zs-floor-')) });
  });
  if (!reply.port) {
    child.kill('SIGKILL');
    throw new Error(`floor server: ${reply.error}`);
  }
  return { pid: child.pid ?? 0, port: reply.port, child };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** How far a series moves: (max − min) ÷ median. */
export function spread(values: readonly number[]): number {
  return (Math.max(...values) - Math.min(...values)) / median(values);
}
