import type { ProgressItemView, ProgressView } from '../../../src/api/index.ts';
import { request } from './client.ts';

// The progress vocabulary is the server's own, imported from its pure domain module.
export {
  METRIC_DIRECTIONS,
  PROGRESS_LIGHTS,
  type ProgressLight,
} from '../../../src/domain/metrics/model.ts';

/** Schedule progress at a date, as GET /api/progress answers it. */
export type Progress = ProgressView;
/** One metric's target against the schedule. */
export type ProgressItem = ProgressItemView;

/** Progress at a date ('YYYY-MM-DD', Beijing time); the server's today when none is given. */
export function fetchProgress(date: string | undefined, signal?: AbortSignal): Promise<Progress> {
  return request<Progress>('/api/progress', { query: { date }, signal });
}
