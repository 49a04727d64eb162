// `live-latency-p99`: devices report every few seconds while consoles listen on /api/live; each
// fix is timed from its send (before its commit) and from its ack (after its commit) to its
// `position` event on every console. Devices and consoles run in child processes of their own.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ask, forkChild } from './lean.ts';
import type { LiveMatch } from './live-consoles.ts';
import type { LiveSend } from './live-load.ts';
import { cpuSecondsOf } from './measure.ts';

/** What the consoles saw, with the server's event-loop delay (ms: p50, p99, max) and each process's CPU (cores). */
export type LiveRun = LiveMatch & {
  sends: number;
  commits: number;
  loopDelay: [number, number, number];
  cpu: { server: number; consoles: number; devices: number };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureLiveLatency(opts: {
  port: number;
  /** ws://…/api/live */
  url: string;
  token: string;
  phones: readonly string[];
  /** Device id of each phone, in the same order. */
  ids: readonly string[];
  consoles: number;
  periodMs: number;
  warmupMs: number;
  measureMs: number;
  /** The server's pid and the file its commit hook (commit-hook.mjs) writes. */
  server: { pid: number; commitsFile: string };
}): Promise<LiveRun> {
  const consoles = forkChild('live-consoles.ts');
  const devices = forkChild('live-load.ts');
  try {
    await ask(consoles, { connect: { url: opts.url, token: opts.token, count: opts.consoles } });
    await ask(devices, { connect: { port: opts.port, phones: opts.phones, periodMs: opts.periodMs } });
    process.kill(opts.server.pid, 'SIGUSR2');
    devices.send('start');
    await sleep(opts.warmupMs);
    const pids = [opts.server.pid, consoles.pid ?? 0, devices.pid ?? 0];
    const c0 = pids.map(cpuSecondsOf);
    await sleep(opts.measureMs);
    const [server, consoleCpu, deviceCpu] = pids.map(
      (pid, i) => (cpuSecondsOf(pid) - (c0[i] as number)) / (opts.measureMs / 1000),
    );
    const { sends } = await ask<{ sends: LiveSend[] }>(devices, 'stop');
    rmSync(opts.server.commitsFile, { force: true });
    process.kill(opts.server.pid, 'SIGUSR2');
    for (let i = 0; i < 100 && !existsSync(opts.server.commitsFile); i++) await sleep(100);
    const committed = new Map<string, number>();
    const [loop = '', ...lines] = readFileSync(opts.server.commitsFile, 'utf8').split('\n');
    for (const line of lines) {
      const cut = line.lastIndexOf('|');
      committed.set(line.slice(0, cut), Number(line.slice(cut + 1)));
    }
    // The sends of the measured span only: after the warm-up, and a second before the end.
    const first = (sends[0]?.[2] ?? 0) + opts.warmupMs;
    const last = first + opts.measureMs - 1000;
    const measured = sends.filter((s) => s[2] >= first && s[2] <= last);
    let commits = 0;
    for (const s of measured) {
      s[4] = committed.get(`${opts.ids[s[0]]}|${s[1]}`) ?? 0;
      if (s[4] > 0) commits++;
    }
    const result = await ask<LiveMatch>(consoles, { match: { sends: measured, ids: opts.ids } });
    return {
      ...result,
      sends: measured.length,
      commits,
      loopDelay: loop.split(' ').map(Number) as [number, number, number],
      cpu: { server: server ?? 0, consoles: consoleCpu ?? 0, devices: deviceCpu ?? 0 },
    };
  } finally {
    consoles.kill('SIGKILL');
    devices.kill('SIGKILL');
  }
}
