import { createAsset } from '../services/assets/index.ts';
import type { ServiceContext } from '../services/context.ts';
import { createDevice } from '../services/devices/index.ts';
import type { Asset } from '../store/assets.repository.ts';
import { listAssets } from '../store/assets.repository.ts';
import type { Device } from '../store/devices.repository.ts';
import { listSegments } from '../store/segments.repository.ts';
import { listUnits } from '../store/units.repository.ts';
import { CREW_NAMES } from './crew-names.ts';
import { DEMO_SUBDISTRICT, seq2 } from './names.ts';
import { DEMO_CONTRACTOR } from './organisations.ts';
import { DEMO_SEGMENTS } from './segments.ts';

/** A demo boat (保洁船): asset code and name, its river segment and its JT/T 808 terminal phone. */
export interface DemoBoat {
  code: string;
  name: string;
  segmentCode: string;
  phone: string;
  /**
   * How many minutes before the demo starts its daily shift began: each boat differently (up to
   * two hours), so a fresh demo shows the boats spread along their rounds. The simulator drives
   * it, and the seed stores the same shift as the boat's plan.
   */
  shiftLeadMinutes: number;
}

/** The demo boats' daily shift: ten hours, every day of the week. */
export const DEMO_SHIFT_MINUTES = 10 * 60;

/** A demo crew member (船员) and the boat they work on. */
export interface DemoCrew {
  code: string;
  name: string;
  boatCode: string;
}

/**
 * 14 boats 清波1号…清波14号 dealt round the river segments (the two reaches of 娄江 get three each),
 * each with a JT/T 808 terminal 13800000001…13800000014; the device simulator drives these.
 */
export const DEMO_BOATS: readonly DemoBoat[] = Array.from({ length: 14 }, (_, i) => ({
  code: `BOAT-${seq2(i + 1)}`,
  name: `清波${i + 1}号`,
  segmentCode: DEMO_SEGMENTS[i % DEMO_SEGMENTS.length]?.code ?? `${DEMO_SUBDISTRICT.code}-R01`,
  phone: String(13_800_000_001 + i),
  shiftLeadMinutes: (i * 53) % 120,
}));

/** 39 crew, two or three per boat. */
export const DEMO_CREW: readonly DemoCrew[] = CREW_NAMES.map((name, i) => ({
  code: `CREW-${seq2(i + 1)}`,
  name,
  boatCode: DEMO_BOATS[i % DEMO_BOATS.length]?.code ?? 'BOAT-01',
}));

/** What the fleet seed created. */
export interface DemoFleet {
  boats: Asset[];
  crew: Asset[];
  devices: Device[];
}

/**
 * Seeds the demo fleet for the contractor: boats on their segments with one JT/T 808 device each,
 * and the crew. Runs inside the caller's transaction (the demo world's).
 */
export async function seedDemoFleet(ctx: ServiceContext, contractorId: string): Promise<DemoFleet> {
  const segments = new Map((await listSegments(ctx.db, {})).map((s) => [s.code, s.id]));
  const fleet: DemoFleet = { boats: [], crew: [], devices: [] };
  const boatByCode = new Map<string, Asset>();
  for (const b of DEMO_BOATS) {
    const segmentId = segments.get(b.segmentCode);
    if (!segmentId)
      throw new Error(`demo boat ${b.code} names segment ${b.segmentCode}, which was not seeded`);
    const boat = await createAsset(ctx, {
      kind: 'boat',
      code: b.code,
      name: b.name,
      unitId: contractorId,
      segmentId,
    });
    boatByCode.set(b.code, boat);
    fleet.boats.push(boat);
    fleet.devices.push(
      await createDevice(ctx, {
        name: `${b.name}北斗终端`,
        protocol: 'jt808',
        identifier: b.phone,
        assetId: boat.id,
      }),
    );
  }
  for (const c of DEMO_CREW) {
    const segmentId = boatByCode.get(c.boatCode)?.segmentId ?? null;
    fleet.crew.push(
      await createAsset(ctx, { kind: 'crew', code: c.code, name: c.name, unitId: contractorId, segmentId }),
    );
  }
  return fleet;
}

/**
 * Adds the fleet to a demo database seeded before the fleet existed; a database that has it, or
 * is not the demo world, is left alone. Returns whether it seeded.
 */
export async function ensureDemoFleet(ctx: ServiceContext): Promise<boolean> {
  const contractor = (await listUnits(ctx.db, { scopePath: null, kind: 'contractor' })).find(
    (u) => u.code === DEMO_CONTRACTOR.code,
  );
  if (!contractor) return false;
  const boats = await listAssets(ctx.db, { scopePath: null, kind: 'boat' });
  if (boats.some((a) => a.code === DEMO_BOATS[0]?.code)) return false;
  await ctx.db.transaction().execute((trx) => seedDemoFleet({ ...ctx, db: trx }, contractor.id));
  return true;
}
