import type { FastifyBaseLogger } from 'fastify';

/** A periodic job: runs `run` every `everyMs`, never two at once, logging failures instead of crashing. */
export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/** Starts the jobs; the returned function stops them and waits for a running pass to end. */
export function startJobs(jobs: Job[], log: FastifyBaseLogger): () => Promise<void> {
  const running = new Map<string, Promise<void>>();
  const timers = jobs.map((job) =>
    setInterval(() => {
      if (running.has(job.name)) return;
      const pass = job
        .run()
        .then(() => undefined)
        .catch((error) => log.error({ err: error, job: job.name }, 'job failed'))
        .finally(() => running.delete(job.name));
      running.set(job.name, pass);
    }, job.everyMs),
  );
  return async () => {
    for (const t of timers) clearInterval(t);
    await Promise.all(running.values());
  };
}
