import { useCallback } from 'react';
import { fetchAssetTrack, fetchStops, fetchTrips } from '../../api/tracks.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { shanghaiDayRange } from '../../time.ts';
import { replayFixes } from './replay.ts';

/** A boat's day to replay: its usable fixes, trips and stops for a Shanghai day. */
export function usePlaybackDay(assetId: string | null, day: string) {
  const load = useCallback(
    async (signal: AbortSignal) => {
      if (!assetId) return null;
      const range = shanghaiDayRange(day);
      const [track, trips, stops] = await Promise.all([
        fetchAssetTrack(assetId, range, signal),
        fetchTrips(assetId, range, signal),
        fetchStops(assetId, range, signal),
      ]);
      return { fixes: replayFixes(track), trips, stops };
    },
    [assetId, day],
  );
  const state = useAsync(load);
  return { day: state.data ?? null, loading: state.loading, error: state.error };
}
