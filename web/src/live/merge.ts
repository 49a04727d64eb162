import type { LivePosition } from '../api/types.ts';

function timeOf(p: LivePosition): number {
  return Date.parse(p.time);
}

/** Whether `candidate` should replace `current` as a device's latest fix: a later (or equal) fix time wins. */
export function supersedes(candidate: LivePosition, current: LivePosition | undefined): boolean {
  return current === undefined || timeOf(candidate) >= timeOf(current);
}

/**
 * Collects a burst of live positions between two renders, keeping only the newest per device,
 * so a fleet reporting every second costs one render per flush, not one per fix.
 */
export class PositionBurst {
  private readonly pending = new Map<string, LivePosition>();

  add(position: LivePosition): void {
    if (supersedes(position, this.pending.get(position.deviceId))) {
      this.pending.set(position.deviceId, position);
    }
  }

  get size(): number {
    return this.pending.size;
  }

  /** The newest fix per device since the last drain. */
  drain(): LivePosition[] {
    const out = [...this.pending.values()];
    this.pending.clear();
    return out;
  }
}

/**
 * Applies fixes to a latest-per-device map. Older fixes (late blind-spot re-uploads, a REST
 * snapshot that raced a live message) never replace newer ones. Returns the same map when
 * nothing changed, so React can skip the render.
 */
export function mergeLatest(
  current: ReadonlyMap<string, LivePosition>,
  incoming: readonly LivePosition[],
): ReadonlyMap<string, LivePosition> {
  let next: Map<string, LivePosition> | null = null;
  for (const position of incoming) {
    const previous = (next ?? current).get(position.deviceId);
    if (!supersedes(position, previous) || previous === position) continue;
    next ??= new Map(current);
    const deviceName = position.deviceName ?? previous?.deviceName;
    next.set(position.deviceId, deviceName === undefined ? position : { ...position, deviceName });
  }
  return next ?? current;
}
