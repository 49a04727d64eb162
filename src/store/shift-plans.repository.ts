import type { ShiftPlan } from '../domain/fleet/index.ts';
import type { Db } from './database.ts';
import { parseJson, toJson } from './dialect/json.ts';

/** A stored shift plan (排班): an asset's own, or a unit's default for its assets. */
export interface ShiftPlanRecord {
  ownerId: string;
  ownerKind: 'asset' | 'unit';
  plan: ShiftPlan;
  updatedAt: number;
}

/** The plans of these owners (assets or units) that have one. */
export async function findShiftPlans(
  db: Db,
  ownerIds: readonly string[],
): Promise<Map<string, ShiftPlanRecord>> {
  const out = new Map<string, ShiftPlanRecord>();
  for (let i = 0; i < ownerIds.length; i += 1000) {
    const rows = await db
      .selectFrom('shift_plans')
      .selectAll()
      .where('owner_id', 'in', ownerIds.slice(i, i + 1000))
      .execute();
    for (const r of rows) {
      out.set(r.owner_id, {
        ownerId: r.owner_id,
        ownerKind: r.owner_kind === 'unit' ? 'unit' : 'asset',
        plan: parseJson<ShiftPlan>(r.plan) as ShiftPlan,
        updatedAt: r.updated_at,
      });
    }
  }
  return out;
}

/** Stores (or replaces) an owner's plan. */
export async function putShiftPlan(db: Db, record: ShiftPlanRecord): Promise<void> {
  const row = {
    owner_id: record.ownerId,
    owner_kind: record.ownerKind,
    plan: toJson(record.plan),
    updated_at: record.updatedAt,
  };
  await db
    .insertInto('shift_plans')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('owner_id')
        .doUpdateSet({ owner_kind: row.owner_kind, plan: row.plan, updated_at: row.updated_at }),
    )
    .execute();
}

/** Deletes an owner's plan (an asset then follows its unit's default). */
export async function deleteShiftPlan(db: Db, ownerId: string): Promise<void> {
  await db.deleteFrom('shift_plans').where('owner_id', '=', ownerId).execute();
}
