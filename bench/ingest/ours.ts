// End-to-end ingest as devices see it: authenticated JT/T 808 terminals, each with up to `window`
// reports in flight, counting 0x8001 acknowledgements (sent only after the group commit).
import { connectTerminals, startFlood } from '../../src/sim/flood.ts';
import { cpuSecondsOf } from './measure.ts';

/** Positions acknowledged per second over the measured window, and what the server spent. */
export interface IngestRun {
  positionsPerSecond: number;
  serverCpu: number;
  clientCpu: number;
  commits: number;
  acked: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function commitCount(api: string | undefined): Promise<number> {
  if (!api) return 0;
  const text = await (await fetch(`${api}/metrics`)).text();
  return Number(/^zs_ingest_commit_seconds_count(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? 0);
}

/** Connects the terminals (not timed), floods for `warmupMs` + `measureMs`, reports the measured part. */
export async function measureIngest(opts: {
  /** Our server's HTTP base, for its commit count; none for the acknowledging bound. */
  api?: string;
  pid: number;
  port: number;
  phones: readonly string[];
  window: number;
  baseTime: number;
  warmupMs: number;
  measureMs: number;
}): Promise<IngestRun> {
  const terminals = await connectTerminals({ host: '127.0.0.1', port: opts.port }, opts.phones);
  const flood = startFlood(terminals, { window: opts.window, baseTime: opts.baseTime });
  await sleep(opts.warmupMs);
  const [a0, s0, c0, k0, t0] = [
    flood.acked(),
    cpuSecondsOf(opts.pid),
    process.cpuUsage(),
    await commitCount(opts.api),
    performance.now(),
  ];
  await sleep(opts.measureMs);
  const seconds = (performance.now() - t0) / 1000;
  const acked = flood.acked() - a0;
  const serverCpu = (cpuSecondsOf(opts.pid) - s0) / seconds;
  const used = process.cpuUsage(c0);
  const commits = (await commitCount(opts.api)) - k0;
  await flood.stop();
  for (const t of terminals) t.link.close();
  return {
    positionsPerSecond: acked / seconds,
    serverCpu,
    clientCpu: (used.user + used.system) / 1e6 / seconds,
    commits,
    acked,
  };
}
