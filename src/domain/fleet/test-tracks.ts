// Builders for the fleet tests: tracks written in metres east/north of a point on a river in
// Suzhou, at fixed steps in time, turned into WGS-84 fixes.
import { seededRandom } from '../../seeded-random.ts';
import { localProjection, unproject } from './planar.ts';
import type { TrackFix } from './track.ts';

/** The origin of the test plane. */
export const ORIGIN = { lat: 31.3, lon: 120.6 };
const PLANE = localProjection(ORIGIN.lat, ORIGIN.lon);

/** The WGS-84 point x metres east and y metres north of ORIGIN. */
export function at(x: number, y: number): { lat: number; lon: number } {
  return unproject(PLANE, x, y);
}

/** The [lon, lat] GeoJSON position x metres east and y metres north of ORIGIN. */
export function position(x: number, y: number): [number, number] {
  const p = at(x, y);
  return [p.lon, p.lat];
}

/** UTC ms of a Beijing wall-clock time on a date, e.g. beijing('2026-03-10', '07:00:30'). */
export function beijing(date: string, time: string): number {
  return Date.parse(`${date}T${time}+08:00`);
}

/** A track written as a cursor: moor, move in straight steps, skip time. */
export class TrackBuilder {
  readonly fixes: TrackFix[] = [];
  private x: number;
  private y: number;
  constructor(
    private time: number,
    private readonly stepS: number,
    x = 0,
    y = 0,
  ) {
    this.x = x;
    this.y = y;
    this.emit();
  }

  private emit(dx = 0, dy = 0): void {
    this.fixes.push({ time: this.time, ...at(this.x + dx, this.y + dy), valid: true });
  }

  /** Stays put (with an optional seeded jitter of ±jitterM on each axis) for `seconds`. */
  moor(seconds: number, jitterM = 0, seed = 1): this {
    const random = seededRandom(seed);
    for (let s = this.stepS; s <= seconds; s += this.stepS) {
      this.time += this.stepS * 1000;
      this.emit((random() * 2 - 1) * jitterM, (random() * 2 - 1) * jitterM);
    }
    return this;
  }

  /** Moves in a straight line to (x, y), `stepM` metres per fix. */
  moveTo(x: number, y: number, stepM: number): this {
    const length = Math.hypot(x - this.x, y - this.y);
    const steps = Math.round(length / stepM);
    const [x0, y0] = [this.x, this.y];
    for (let s = 1; s <= steps; s++) {
      this.time += this.stepS * 1000;
      this.x = x0 + ((x - x0) * s) / steps;
      this.y = y0 + ((y - y0) * s) / steps;
      this.emit();
    }
    return this;
  }

  /** No fixes for `seconds`; the next fix comes `seconds` after the last one, at (x, y). */
  silence(seconds: number, x = this.x, y = this.y): this {
    this.time += seconds * 1000;
    this.x = x;
    this.y = y;
    this.emit();
    return this;
  }
}
