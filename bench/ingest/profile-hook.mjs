// Preloaded into the server by `bench:ingest --profile DIR` (NODE_OPTIONS refuses --cpu-prof):
// records a V8 CPU profile through the inspector and writes it to $ZS_BENCH_PROFILE_DIR when the
// process exits. The in-process inspector session answers synchronously, so 'exit' can write it.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env.ZS_BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error)
        writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
