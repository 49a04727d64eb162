/**
 * A fix as a simulated terminal reports it, whatever the protocol: WGS-84 degrees, UTC epoch ms,
 * km/h, degrees from north, metres. Each uplink encodes it its own way and fills in what is missing.
 */
export interface SimFix {
  lat: number;
  lon: number;
  /** UTC epoch ms. */
  time: number;
  speedKmh?: number;
  course?: number;
  altitude?: number;
  /** Terminal state flags: ACC (engine on), GNSS fix, which constellations. */
  status?: { acc?: boolean; fixed?: boolean; gps?: boolean; beidou?: boolean };
  satellites?: number;
  /** Mobile network signal strength, 0–31. */
  signal?: number;
}
