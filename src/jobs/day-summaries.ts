import type { ServiceContext } from '../services/context.ts';
import { recomputeMarkedDays } from '../services/summaries/index.ts';

/** How often the days positions arrived for are recomputed. */
export const DAY_SUMMARY_INTERVAL_MS = 30_000;

/**
 * Keeps the daily summaries (日汇总) current: each pass writes the days this process's ingest
 * noted as marks, then recomputes the marked days (of every process), oldest first. Marks live
 * in the database, so any process may run it; a day computed twice is stored twice, alike.
 */
export class DaySummaryJob {
  constructor(private readonly ctx: ServiceContext) {}

  /** One pass; returns how many days it recomputed. */
  tick(): Promise<number> {
    return recomputeMarkedDays(this.ctx);
  }
}
