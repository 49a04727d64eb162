import { useCallback, useEffect, useState } from 'react';
import { fetchTrack } from '../../api/fleet.ts';
import type { Position } from '../../api/types.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { shanghaiDay, shanghaiDayRange } from '../../time.ts';

const NONE: Position[] = [];

/**
 * The track of the selected device for the Shanghai day of its latest fix (today, for a boat at
 * work), oldest first. Fetched when the device or the day changes; the live feed's fixes of the
 * device are appended as they arrive, so today's track grows on the map.
 */
export function useTrack(deviceId: string | null, lastFix: string | null, live: Position | null = null) {
  const day = deviceId ? shanghaiDay(lastFix ?? Date.now()) : null;
  const load = useCallback(
    (signal: AbortSignal) =>
      deviceId && day ? fetchTrack(deviceId, shanghaiDayRange(day), signal) : Promise.resolve(NONE),
    [deviceId, day],
  );
  const track = useAsync(load);
  const fetched = track.data ?? NONE;
  const [grown, setGrown] = useState<Position[]>(NONE);

  // A new fetch starts the day again from the stored track.
  useEffect(() => setGrown(fetched), [fetched]);
  useEffect(() => {
    if (!live || live.deviceId !== deviceId || !day || shanghaiDay(live.time) !== day) return;
    setGrown((fixes) => {
      const last = fixes.at(-1);
      return last && Date.parse(live.time) <= Date.parse(last.time) ? fixes : [...fixes, live];
    });
  }, [live, deviceId, day]);

  return { day, fixes: grown, loading: track.loading, error: track.error };
}
