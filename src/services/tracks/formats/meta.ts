import type { AssetTrackRow } from '../../../store/positions.repository.ts';

/** What every export says about itself: whose track, over which span, how thinned. */
export interface TrackMeta {
  assetId: string;
  code: string;
  name: string;
  kind: string;
  from: number;
  to: number;
  simplifyM: number | null;
  /** When the file was written (GPX metadata). */
  createdAt: number;
}

/** A fix as the exports write it. */
export type ExportPoint = AssetTrackRow;
