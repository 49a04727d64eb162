import { useCallback, useEffect, useMemo } from 'react';
import { fetchDevices } from '../../api/fleet.ts';
import type { DeviceStatus } from '../../api/types.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useLive } from '../../live/LiveProvider.tsx';

/** One device as the map page shows it: REST state overlaid with what the live feed said since. */
export interface FleetRow {
  id: string;
  name: string;
  status: DeviceStatus;
  /** ISO UTC time of the latest fix, if any. */
  lastFix: string | null;
  position: { lat: number; lon: number; speed: number; course: number } | null;
}

function byStatusThenName(a: FleetRow, b: FleetRow): number {
  if (a.status !== b.status) return a.status === 'online' ? -1 : 1;
  return a.name.localeCompare(b.name, 'zh-CN', { numeric: true });
}

/** Devices in scope with their live status and latest position. */
export function useFleet() {
  const live = useLive();
  const devices = useAsync(useCallback((signal: AbortSignal) => fetchDevices(signal), []));
  const list = devices.data;
  const reloadDevices = devices.reload;

  const rows = useMemo<FleetRow[]>(() => {
    return (list ?? [])
      .map((d) => {
        const fix = live.positions.get(d.id);
        const status = live.statuses.get(d.id)?.status ?? d.status;
        const last = d.lastPosition;
        const useLiveFix = fix && (!last || Date.parse(fix.time) >= Date.parse(last.time));
        return {
          id: d.id,
          name: d.name,
          status,
          lastFix: useLiveFix ? fix.time : (last?.time ?? null),
          position: useLiveFix
            ? { lat: fix.lat, lon: fix.lon, speed: fix.speed, course: fix.course }
            : last && { lat: last.lat, lon: last.lon, speed: last.speed, course: 0 },
        };
      })
      .sort(byStatusThenName);
  }, [list, live.positions, live.statuses]);

  // A fix from a device registered after the list was loaded: load the list again.
  const unknown =
    list !== undefined && [...live.positions.keys()].some((id) => !list.some((d) => d.id === id));
  useEffect(() => {
    if (unknown) reloadDevices();
  }, [unknown, reloadDevices]);

  return { rows, loading: devices.loading, error: devices.error, liveState: live.state };
}
