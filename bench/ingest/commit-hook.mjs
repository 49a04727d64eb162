// Preloaded into the server by the live-latency figure of `bench:ingest` (NODE_OPTIONS): records
// the instant each committed fix reaches the pipeline (IngestPipeline.committed, which the commit
// calls before the live feed's publish and the device's ack). The first SIGUSR2 starts recording,
// the second writes `deviceId|fix time|instant` lines to $ZS_BENCH_COMMITS_FILE. The instant is
// performance.timeOrigin + performance.now(): the machine's clock, as the consoles read it.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.ZS_BENCH_COMMITS_FILE;
if (file) {
  const records = [];
  let recording = false;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  process.on('SIGUSR2', () => {
    if (recording) {
      // The first line: the event loop's delay while recording (ms), p50 p99 max.
      const ms = (ns) => (ns / 1e6).toFixed(1);
      const loop = `${ms(delay.percentile(50))} ${ms(delay.percentile(99))} ${ms(delay.max)}`;
      writeFileSync(file, [loop, ...records].join('\n'));
      return;
    }
    recording = true;
    delay.enable();
    const url = new URL('../../src/ingest/pipeline.ts', import.meta.url).href;
    import(url).then(({ IngestPipeline }) => {
      const committed = IngestPipeline.prototype.committed;
      IngestPipeline.prototype.committed = function (staged) {
        const at = performance.timeOrigin + performance.now();
        for (const p of staged.stored) records.push(`${p.deviceId}|${p.time}|${at}`);
        return committed.call(this, staged);
      };
    });
  });
}
