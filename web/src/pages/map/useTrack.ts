import { useCallback } from 'react';
import { fetchTrack } from '../../api/fleet.ts';
import type { Position } from '../../api/types.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { shanghaiDay, shanghaiDayRange } from '../../time.ts';

const NONE: Position[] = [];

/**
 * The track of the selected device for the Shanghai day of its latest fix (today, for a boat at
 * work), oldest first. Only refetched when the device or the day changes.
 */
export function useTrack(deviceId: string | null, lastFix: string | null) {
  const day = deviceId ? shanghaiDay(lastFix ?? Date.now()) : null;
  const load = useCallback(
    (signal: AbortSignal) =>
      deviceId && day ? fetchTrack(deviceId, shanghaiDayRange(day), signal) : Promise.resolve(NONE),
    [deviceId, day],
  );
  const track = useAsync(load);
  return { day, fixes: track.data ?? NONE, loading: track.loading, error: track.error };
}
