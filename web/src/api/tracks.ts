import type { AssetView, StopView, TrackFormat, TrackPointView, TripView } from '../../../src/api/index.ts';
import { request } from './client.ts';
import type { Device, List } from './types.ts';

/** A field asset (boat, crew member, vehicle). */
export type Asset = AssetView;
/** A stored fix of an asset's track, speed in km/h. */
export type TrackPoint = TrackPointView;
/** A trip (行程) cut from an asset's fixes. */
export type Trip = TripView;
/** A stop (停留) between trips, with the dock it was at if any. */
export type Stop = StopView;

type Range = { from: string; to: string };

const assetPath = (id: string, what: string) => `/api/assets/${encodeURIComponent(id)}/${what}`;

/** The boats in scope. */
export async function fetchBoats(signal?: AbortSignal): Promise<Asset[]> {
  return (await request<List<Asset>>('/api/assets', { query: { kind: 'boat' }, signal })).items;
}

/** The devices (terminals) mounted on an asset. */
export async function fetchAssetDevices(assetId: string, signal?: AbortSignal): Promise<Device[]> {
  return (await request<List<Device>>('/api/devices', { query: { assetId }, signal })).items;
}

/** Every stored fix of an asset in a range, oldest first. */
export async function fetchAssetTrack(
  assetId: string,
  range: Range,
  signal?: AbortSignal,
): Promise<TrackPoint[]> {
  return (await request<List<TrackPoint>>(assetPath(assetId, 'track'), { query: range, signal })).items;
}

/** An asset's trips in a range. */
export async function fetchTrips(assetId: string, range: Range, signal?: AbortSignal): Promise<Trip[]> {
  return (await request<List<Trip>>(assetPath(assetId, 'trips'), { query: range, signal })).items;
}

/** An asset's stops in a range. */
export async function fetchStops(assetId: string, range: Range, signal?: AbortSignal): Promise<Stop[]> {
  return (await request<List<Stop>>(assetPath(assetId, 'stops'), { query: range, signal })).items;
}

/** The download link of an asset's track in a file format (GeoJSON, GPX, KML, CSV). */
export function trackExportUrl(assetId: string, range: Range, format: Exclude<TrackFormat, 'json'>): string {
  return `${assetPath(assetId, 'track')}?${new URLSearchParams({ ...range, format })}`;
}
