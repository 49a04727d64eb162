import { useCallback, useEffect, useMemo } from 'react';
import type { DutyDay } from '../../api/duty.ts';
import { fetchDuty } from '../../api/duty.ts';
import { fetchDevices } from '../../api/fleet.ts';
import { type Asset, fetchBoats } from '../../api/tracks.ts';
import type { Device, DeviceStatus } from '../../api/types.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useLive } from '../../live/LiveProvider.tsx';
import { type BoatState, boatState, displayName } from './boatState.ts';

/**
 * One boat as the map page shows it (or a terminal on no boat): REST state overlaid with what the
 * live feed said since, and the crew on duty today.
 */
export interface FleetRow {
  /** The boat's asset id, or the device's id for a terminal on no boat. */
  id: string;
  assetId: string | null;
  /** The terminal whose fix is the latest (the one the track is read from). */
  deviceId: string | null;
  name: string;
  status: DeviceStatus;
  state: BoatState;
  /** ISO UTC time of the latest fix, if any. */
  lastFix: string | null;
  position: { lat: number; lon: number; speed: number; course: number } | null;
  /** Crew members clocked in today; null when the duty is derived from the shift or unknown. */
  crewOnDuty: number | null;
  dutySource: 'clock' | 'derived' | null;
}

function byStatusThenName(a: FleetRow, b: FleetRow): number {
  if (a.status !== b.status) return a.status === 'online' ? -1 : 1;
  return a.name.localeCompare(b.name, 'zh-CN', { numeric: true });
}

interface DeviceNow {
  device: Device;
  status: DeviceStatus;
  lastFix: string | null;
  position: FleetRow['position'];
}

/** Boats (and unmounted terminals) in scope with their live state, latest position and crew on duty. */
export function useFleet() {
  const live = useLive();
  const devices = useAsync(useCallback((signal: AbortSignal) => fetchDevices(signal), []));
  const boats = useAsync(
    useCallback((signal: AbortSignal) => fetchBoats(signal).catch(() => [] as Asset[]), []),
  );
  const duty = useAsync(
    useCallback(
      (signal: AbortSignal) => fetchDuty(undefined, signal).catch(() => null as DutyDay | null),
      [],
    ),
  );
  const list = devices.data;
  const reloadDevices = devices.reload;

  const rows = useMemo<FleetRow[]>(() => {
    const now = (list ?? []).map<DeviceNow>((d) => {
      const fix = live.positions.get(d.id);
      const last = d.lastPosition;
      const useLiveFix = fix && (!last || Date.parse(fix.time) >= Date.parse(last.time));
      return {
        device: d,
        status: live.statuses.get(d.id)?.status ?? d.status,
        lastFix: useLiveFix ? fix.time : (last?.time ?? null),
        position: useLiveFix
          ? { lat: fix.lat, lon: fix.lon, speed: fix.speed, course: fix.course }
          : last && { lat: last.lat, lon: last.lon, speed: last.speed, course: 0 },
      };
    });
    const dutyOf = new Map((duty.data?.boats ?? []).map((b) => [b.assetId, b]));
    const row = (id: string, assetId: string | null, name: string, mounted: DeviceNow[]): FleetRow => {
      const latest = [...mounted].sort((a, b) => (b.lastFix ?? '').localeCompare(a.lastFix ?? ''))[0];
      const status: DeviceStatus = mounted.some((m) => m.status === 'online') ? 'online' : 'offline';
      const position = latest?.position ?? null;
      const boatDuty = assetId ? dutyOf.get(assetId) : undefined;
      return {
        id,
        assetId,
        deviceId: latest?.device.id ?? null,
        name: displayName(name),
        status,
        state: boatState(status, position?.speed ?? null),
        lastFix: latest?.lastFix ?? null,
        position,
        crewOnDuty: boatDuty?.crewOnDuty ?? null,
        dutySource: boatDuty?.source ?? null,
      };
    };
    const boatList = boats.data ?? [];
    const boatIds = new Set(boatList.map((b) => b.id));
    return [
      ...boatList.map((b) =>
        row(
          b.id,
          b.id,
          b.name,
          now.filter((n) => n.device.assetId === b.id),
        ),
      ),
      ...now
        .filter((n) => !n.device.assetId || !boatIds.has(n.device.assetId))
        .map((n) => row(n.device.id, null, n.device.name, [n])),
    ].sort(byStatusThenName);
  }, [list, boats.data, duty.data, live.positions, live.statuses]);

  // A fix from a device registered after the list was loaded: load the list again.
  const unknown =
    list !== undefined && [...live.positions.keys()].some((id) => !list.some((d) => d.id === id));
  useEffect(() => {
    if (unknown) reloadDevices();
  }, [unknown, reloadDevices]);

  return { rows, loading: devices.loading, error: devices.error, liveState: live.state };
}
