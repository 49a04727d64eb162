/** An event of an order's timeline as the field check reads it. */
export interface WindowEvent {
  seq: number;
  action: string;
  at: number;
}

/** The span of the crew's track the field check reads: from the boats' sending to the feedback. */
export interface FieldCheckWindow {
  /** The latest dispatch or assignAssets (epoch ms): fixes at or after it count. */
  from: number;
  /** The first feedback after it; null while the order has not been fed back (the check runs to now). */
  to: number | null;
}

/** Where a window starts: the boats were sent or changed. */
const STARTS = new Set(['dispatch', 'assignAssets']);

/**
 * The field check's window (事后): from the latest dispatch or assignAssets to the first feedback
 * after it. Null when the order was never dispatched. A rework (a failed verify) keeps the window
 * of the first feedback unless the boats are sent again (assignAssets), which starts a new one.
 */
export function fieldCheckWindow(events: readonly WindowEvent[]): FieldCheckWindow | null {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const start = sorted.findLast((e) => STARTS.has(e.action));
  if (!start) return null;
  const feedback = sorted.find((e) => e.seq > start.seq && e.action === 'feedback');
  return { from: start.at, to: feedback?.at ?? null };
}
