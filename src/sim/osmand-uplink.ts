// The OsmAnd HTTP protocol of phone tracking apps (as Traccar documents it): one GET per fix with
// id, lat, lon, timestamp (unix seconds), speed in knots, bearing, altitude. 200 means stored.
import type { SimFix } from './model/fix.ts';
import type { SimLog, Uplink } from './uplink.ts';

const KNOTS_PER_KMH = 1 / 1.852;

/** Where the OsmAnd listener is and who this terminal is. */
export interface OsmandUplinkOptions {
  host: string;
  port: number;
  identifier: string;
  timeoutMs: number;
  log: SimLog;
}

/** The query string for one fix. */
export function osmandQuery(identifier: string, fix: SimFix): string {
  const params = new URLSearchParams({
    id: identifier,
    lat: String(fix.lat),
    lon: String(fix.lon),
    timestamp: String(Math.floor(fix.time / 1000)),
    speed: ((fix.speedKmh ?? 0) * KNOTS_PER_KMH).toFixed(2),
    bearing: String(fix.course ?? 0),
    altitude: String(fix.altitude ?? 0),
  });
  if (fix.satellites !== undefined) params.set('sat', String(fix.satellites));
  return params.toString();
}

/** The OsmAnd uplink of one phone: stateless, so always ready; each fix is its own request. */
export function osmandUplink(opts: OsmandUplinkOptions): Uplink {
  let warned = false;
  return {
    ready: () => true,
    connect() {},
    async send(fixes) {
      for (const fix of fixes) {
        const url = `http://${opts.host}:${opts.port}/?${osmandQuery(opts.identifier, fix)}`;
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs) });
          await response.arrayBuffer();
          if (response.ok) continue;
          if (!warned)
            opts.log.warn(
              `device ${opts.identifier}: HTTP ${response.status} from ${opts.host}:${opts.port}`,
            );
        } catch (error) {
          if (!warned) opts.log.warn(`device ${opts.identifier}: ${(error as Error).message}`);
        }
        warned = true;
        return false;
      }
      warned = false;
      return true;
    },
    close() {},
  };
}
