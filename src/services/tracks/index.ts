/**
 * An asset's day on the water (轨迹, 行程, 停留): its track as JSON or as a GeoJSON, GPX, KML or
 * CSV file, and the trips and stops cut from it by the fleet rules. This index is the feature's one entry.
 */

export type { TrackJsonPoint } from './formats/json.ts';
export type { AssetRange } from './load.ts';
export { assetTrackFile, assetTrackJson, type TrackFile, type TrackRequest } from './track.ts';
export { listAssetStops, listAssetTrips } from './trips.ts';
