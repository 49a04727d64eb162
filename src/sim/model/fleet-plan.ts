// Assigns boats to river segments: boats sharing a segment split it into equal work zones, and each
// docks at the segment end nearer its zone.
import type { Position } from '../../domain/org/polygon.ts';
import type { BoatPlan } from './boat.ts';
import { prepareRoute, type Route } from './geo.ts';
import type { Shift } from './shift.ts';

/** A river segment as the simulator needs it. */
export interface SegmentLine {
  code: string;
  halfWidthM: number;
  coordinates: readonly Position[];
}

/** A boat to plan: its terminal identifier and the segment it is assigned to. */
export interface BoatAssignment {
  identifier: string;
  segmentCode: string;
}

/** Options shared by the whole fleet. */
export interface FleetOptions {
  shiftOf(index: number): Shift;
  blindChance: number;
  jitterM: number;
}

/** Each boat with its plan, in the order given; throws when a boat names a segment that is not there. */
export function planFleet<T extends BoatAssignment>(
  segments: readonly SegmentLine[],
  boats: readonly T[],
  options: FleetOptions,
): (T & { plan: BoatPlan })[] {
  const routes = new Map<string, { segment: SegmentLine; route: Route }>();
  for (const s of segments) routes.set(s.code, { segment: s, route: prepareRoute(s.coordinates) });
  const sharing = new Map<string, number>();
  for (const b of boats) sharing.set(b.segmentCode, (sharing.get(b.segmentCode) ?? 0) + 1);
  const placed = new Map<string, number>();
  return boats.map((boat, index) => {
    const entry = routes.get(boat.segmentCode);
    if (!entry) throw new RangeError(`boat ${boat.identifier}: no segment ${boat.segmentCode}`);
    const k = sharing.get(boat.segmentCode) ?? 1;
    const j = placed.get(boat.segmentCode) ?? 0;
    placed.set(boat.segmentCode, j + 1);
    const { length } = entry.route;
    const zone = [(j / k) * length, ((j + 1) / k) * length] as const;
    const dock = (zone[0] + zone[1]) / 2 < length / 2 ? 0 : length;
    const plan: BoatPlan = {
      seed: hashIdentifier(boat.identifier),
      route: entry.route,
      halfWidthM: entry.segment.halfWidthM,
      dock,
      zone,
      shift: options.shiftOf(index),
      blindChance: options.blindChance,
      jitterM: options.jitterM,
    };
    return { ...boat, plan };
  });
}

/** A stable 32-bit seed from an identifier (FNV-1a). */
export function hashIdentifier(identifier: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < identifier.length; i++) {
    h ^= identifier.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
