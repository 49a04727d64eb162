import { SPEED_BANDS } from './replay.ts';

/** What the route's colours mean, km/h. */
export function SpeedLegend() {
  let from = 0;
  return (
    <ul className="map-card legend speed-legend" data-testid="speed-legend">
      {SPEED_BANDS.map((band) => {
        const label = Number.isFinite(band.maxKmh) ? `${from}–${band.maxKmh}` : `≥ ${from}`;
        from = band.maxKmh;
        return (
          <li key={band.color}>
            <span className="swatch swatch-line" style={{ color: band.color }} />
            {label} km/h
          </li>
        );
      })}
    </ul>
  );
}
