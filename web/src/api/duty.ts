import type {
  ClockEventView,
  DockView,
  DutyDayView,
  UnloadPageView,
  UnloadView,
} from '../../../src/api/index.ts';
import { request } from './client.ts';
import type { List } from './types.ts';

/** A clock-in or clock-out as accepted, with its distance to the boat and its flags. */
export type ClockEvent = ClockEventView;
/** A day's duty of the boats in scope and their crews. */
export type DutyDay = DutyDayView;
/** A dock (码头) where boats moor and unload. */
export type Dock = DockView;
/** A rubbish unload (卸载). */
export type Unload = UnloadView;

/** The duty of a local day (Asia/Shanghai), today by default; a crew member sees their own boat. */
export function fetchDuty(date?: string, signal?: AbortSignal): Promise<DutyDay> {
  return request<DutyDay>('/api/duty', { query: { date }, signal });
}

/** Clocks the signed-in crew member in or out where they stand (WGS-84). */
export function clock(kind: 'in' | 'out', body: { lat: number; lon: number }): Promise<ClockEvent> {
  return request<ClockEvent>(`/api/duty/clock-${kind}`, { method: 'POST', body });
}

/** The docks in scope. */
export async function fetchDocks(signal?: AbortSignal): Promise<Dock[]> {
  return (await request<List<Dock>>('/api/docks', { signal })).items;
}

/** A boat's unloads in a range, newest first. */
export function fetchUnloads(
  query: { assetId: string; from: string; to: string },
  signal?: AbortSignal,
): Promise<UnloadPageView> {
  return request<UnloadPageView>('/api/unloads', { query, signal });
}

/** Logs an unload of a boat. */
export function logUnload(body: {
  assetId: string;
  at: string;
  tonnes: number;
  dockId?: string;
  photoId?: string;
}): Promise<Unload> {
  return request<Unload>('/api/unloads', { method: 'POST', body });
}
