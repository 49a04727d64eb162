// Builders shared by the storage tests of positions and of the WAL sync.
import type { StoredPosition } from '../../src/store/positions.repository.ts';

/** A fix as the pipeline stores it; a latitude of 0 stands for a fix without a valid position. */
export function storedFix(
  deviceId: string,
  time: number,
  lat: number,
  attributes: Record<string, unknown> = {},
): StoredPosition {
  return {
    deviceId,
    time,
    serverTime: time + 500,
    lat,
    lon: 120.8,
    speed: 5.5,
    course: 270,
    altitude: 2,
    valid: lat !== 0,
    flags: lat === 0 ? 2 : 0,
    attributes,
  };
}

/** A WAL syncer whose syncs the test completes or fails by hand, in the order they were asked for. */
export function manualWal() {
  const syncs: { resolve(): void; reject(error: Error): void }[] = [];
  const wal = {
    sync: () =>
      new Promise<void>((resolve, reject) => {
        syncs.push({ resolve, reject });
      }),
    close: async () => {},
  };
  return { syncs, wal };
}
