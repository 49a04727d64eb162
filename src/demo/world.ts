import { newId } from '../ids.ts';
import type { ServiceContext } from '../services/context.ts';
import { createUnit } from '../services/units/index.ts';
import { createUser } from '../services/users/index.ts';
import { insertSegment, type LineStringGeometry, type Segment } from '../store/segments.repository.ts';
import type { Unit } from '../store/units.repository.ts';
import type { UserRecord } from '../store/users.repository.ts';
import { type DemoFleet, seedDemoFleet } from './fleet.ts';
import { type DemoFleetRecords, seedDemoFleetRecords } from './fleet-records.ts';
import { DEMO_LAYOUT } from './layout.ts';
import { DEMO_CONTRACTOR, DEMO_DEPARTMENTS } from './organisations.ts';
import { DEMO_SEGMENTS } from './segments.ts';
import { DEMO_USERS } from './users.ts';

/** A demo segment as stored: its centre line is one LineString (DEMO_SEGMENTS). */
export type DemoSegmentRecord = Segment & { geometry: LineStringGeometry };

/** What the demo seed created, for callers that go on to add assets and devices. */
export interface DemoWorld {
  units: Unit[];
  segments: DemoSegmentRecord[];
  users: UserRecord[];
  fleet: DemoFleet;
  records: DemoFleetRecords;
}

/** The fields createUnit takes from a planned area (the plan also carries its lattice block). */
function areaInput(a: { code: string; name: string; polygon: unknown }) {
  return { code: a.code, name: a.name, polygon: a.polygon };
}

async function seedUnits(ctx: ServiceContext): Promise<Unit[]> {
  const units: Unit[] = [];
  const add = async (input: Parameters<typeof createUnit>[1]) => {
    const unit = await createUnit(ctx, input);
    units.push(unit);
    return unit;
  };
  const { code, name, polygon, gridAreas } = DEMO_LAYOUT;
  const subdistrict = await add({ kind: 'subdistrict', code, name, polygon });
  for (const area of gridAreas) {
    const gridArea = await add({ kind: 'gridArea', parentId: subdistrict.id, ...areaInput(area) });
    await add({ kind: 'workstation', parentId: gridArea.id, ...area.workstation });
    for (const c of area.communities) {
      const community = await add({ kind: 'community', parentId: gridArea.id, ...areaInput(c) });
      for (const g of c.grids) await add({ kind: 'grid', parentId: community.id, ...areaInput(g) });
    }
  }
  for (const d of DEMO_DEPARTMENTS) {
    await add({ kind: 'department', parentId: subdistrict.id, code: d.code, name: d.name });
  }
  await add({
    kind: 'contractor',
    parentId: subdistrict.id,
    code: DEMO_CONTRACTOR.code,
    name: DEMO_CONTRACTOR.name,
  });
  return units;
}

async function seedSegments(ctx: ServiceContext, contractor: Unit): Promise<DemoSegmentRecord[]> {
  const segments: DemoSegmentRecord[] = [];
  for (const s of DEMO_SEGMENTS) {
    const segment: DemoSegmentRecord = { id: newId(), ...s, unitId: contractor.id, createdAt: ctx.now() };
    await insertSegment(ctx.db, segment);
    segments.push(segment);
  }
  return segments;
}

async function seedUsers(ctx: ServiceContext, units: Unit[], adminPassword?: string): Promise<UserRecord[]> {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const users: UserRecord[] = [];
  for (const u of DEMO_USERS) {
    const unit = byCode.get(u.unitCode);
    if (!unit) throw new Error(`demo user ${u.username} names unit ${u.unitCode}, which was not seeded`);
    const password = u.role === 'admin' && adminPassword ? adminPassword : u.password;
    users.push(
      await createUser(ctx, {
        username: u.username,
        password,
        displayName: u.displayName,
        role: u.role,
        unitId: unit.id,
      }),
    );
  }
  return users;
}

/**
 * Seeds the demo subdistrict 娄江街道: its grid areas, workstations, communities and grids with
 * polygons, the departments, the river-cleaning contractor with its segments, boats, devices,
 * crew, docks, shifts and a month of unloads, and one user per role. It runs in one transaction
 * because bootstrap seeds only an empty database: a start that failed half-way must leave nothing
 * behind, or the next start would never finish the world.
 */
export async function seedDemoWorld(
  ctx: ServiceContext,
  opts: { adminPassword?: string },
): Promise<DemoWorld> {
  return ctx.db.transaction().execute(async (trx) => {
    const tx: ServiceContext = { ...ctx, db: trx };
    const units = await seedUnits(tx);
    const contractor = units.find((u) => u.code === DEMO_CONTRACTOR.code);
    if (!contractor) throw new Error('the demo contractor was not seeded');
    const segments = await seedSegments(tx, contractor);
    const users = await seedUsers(tx, units, opts.adminPassword);
    const fleet = await seedDemoFleet(tx, contractor.id);
    const records = await seedDemoFleetRecords(tx, contractor.id);
    return { units, segments, users, fleet, records };
  });
}
