import { request } from './client.ts';
import type { Device, List, Position, Segment } from './types.ts';

/** Devices in scope with their online status and last position. */
export async function fetchDevices(signal?: AbortSignal): Promise<Device[]> {
  return (await request<List<Device>>('/api/devices', { signal })).items;
}

/** The latest position of every device in scope (the live map's starting point and resync). */
export async function fetchLatestPositions(signal?: AbortSignal): Promise<Position[]> {
  return (await request<List<Position>>('/api/positions/latest', { signal })).items;
}

/** One device's track between two instants, oldest first. */
export async function fetchTrack(
  deviceId: string,
  range: { from: string; to: string },
  signal?: AbortSignal,
): Promise<Position[]> {
  return (await request<List<Position>>('/api/positions', { query: { deviceId, ...range }, signal })).items;
}

/** River segments (责任河段) as GeoJSON lines. */
export async function fetchSegments(signal?: AbortSignal): Promise<Segment[]> {
  return (await request<List<Segment>>('/api/segments', { signal })).items;
}
