import type { UnitTreeNodeView, UnitView } from '../../api/index.ts';
import { findContaining } from '../../domain/org/locate.ts';
import { type AreaGeometry, areaGeometryProblem } from '../../domain/org/polygon.ts';
import { parentProblem, type UnitKind } from '../../domain/org/unit-kinds.ts';
import { DomainError, fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import {
  countChildren,
  deleteUnit,
  findUnit,
  findUnitByCode,
  insertUnit,
  listUnits,
  repathSubtree,
  type Unit,
  unitReferences,
  updateUnit,
} from '../../store/units.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { listScopeOf, mayReadUnit } from '../scope/index.ts';

/** A unit as the API returns it. The store holds only kinds and polygons the domain accepted, hence the casts. */
export function unitView(u: Unit): UnitView {
  return {
    id: u.id,
    kind: u.kind as UnitKind,
    parentId: u.parentId,
    code: u.code,
    name: u.name,
    polygon: u.polygon as AreaGeometry | null,
    createdAt: new Date(u.createdAt).toISOString(),
    updatedAt: new Date(u.updatedAt).toISOString(),
  };
}

/** A unit the caller may see, or UNIT_NOT_FOUND: out-of-scope units are not revealed to exist. */
export async function getUnitOrThrow(ctx: ServiceContext, who: Principal | null, id: string): Promise<Unit> {
  const unit = await findUnit(ctx.db, id);
  if (!unit || !mayReadUnit(who, unit)) fail('UNIT_NOT_FOUND', `No unit with id ${id}`);
  return unit;
}

export async function listVisibleUnits(
  ctx: ServiceContext,
  who: Principal,
  filter: { kind?: string; parentId?: string },
): Promise<readonly Unit[]> {
  return listUnits(ctx.db, { scopePath: listScopeOf(who), ...filter });
}

/** Builds trees from a flat list; units whose parent is not in the list become roots (scope tops). */
export function buildTree(units: readonly Unit[]): UnitTreeNodeView[] {
  const nodes = new Map<string, UnitTreeNodeView>();
  for (const u of units) nodes.set(u.id, { ...unitView(u), children: [] });
  const roots: UnitTreeNodeView[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function checkPolygon(polygon: unknown): void {
  if (polygon === null || polygon === undefined) return;
  const problem = areaGeometryProblem(polygon);
  if (problem) fail('INVALID_GEOMETRY', problem, { field: 'polygon' });
}

async function checkCodeFree(ctx: ServiceContext, code: string, exceptId?: string): Promise<void> {
  const other = await findUnitByCode(ctx.db, code);
  if (other && other.id !== exceptId)
    fail('UNIT_CODE_TAKEN', `Unit code ${code} is already used by "${other.name}"`);
}

async function parentFor(ctx: ServiceContext, kind: string, parentId: string | null): Promise<Unit | null> {
  const parent = parentId !== null ? ((await findUnit(ctx.db, parentId)) ?? null) : null;
  if (parentId !== null && !parent) fail('UNIT_NOT_FOUND', `parentId ${parentId} is not an existing unit`);
  const problem = parentProblem(kind as UnitKind, (parent?.kind as UnitKind) ?? null);
  if (problem) fail('UNIT_PARENT_INVALID', problem, { field: 'parentId' });
  return parent;
}

export async function createUnit(
  ctx: ServiceContext,
  input: { kind: string; parentId?: string | null; code: string; name: string; polygon?: unknown },
): Promise<Unit> {
  checkPolygon(input.polygon);
  const parent = await parentFor(ctx, input.kind, input.parentId ?? null);
  await checkCodeFree(ctx, input.code);
  const id = newId();
  const now = ctx.now();
  const unit: Unit = {
    id,
    kind: input.kind,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    code: input.code,
    name: input.name,
    polygon: input.polygon ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await writeTransaction(ctx.db, ['units'], (trx) => insertUnit(trx, unit));
  return unit;
}

export async function patchUnit(
  ctx: ServiceContext,
  id: string,
  patch: { name?: string; code?: string; polygon?: unknown | null; parentId?: string },
): Promise<Unit> {
  const unit = await getUnitOrThrow(ctx, null, id);
  if (patch.polygon !== undefined) checkPolygon(patch.polygon);
  if (patch.code !== undefined) await checkCodeFree(ctx, patch.code, id);
  return writeTransaction(ctx.db, ['units'], async (trx) => {
    const tctx = { ...ctx, db: trx };
    let path: string | undefined;
    if (patch.parentId !== undefined && patch.parentId !== unit.parentId) {
      const parent = await parentFor(tctx, unit.kind, patch.parentId);
      if (parent?.path.startsWith(unit.path)) {
        fail('UNIT_PARENT_INVALID', 'A unit cannot be moved under itself or its own descendants', {
          field: 'parentId',
        });
      }
      path = `${parent?.path ?? '/'}${id}/`;
      await repathSubtree(trx, unit.path, path);
    }
    await updateUnit(trx, id, {
      name: patch.name,
      code: patch.code,
      polygon: patch.polygon,
      parentId: patch.parentId,
      path,
      updatedAt: ctx.now(),
    });
    const updated = await findUnit(trx, id);
    if (!updated) throw new DomainError('UNIT_NOT_FOUND');
    return updated;
  });
}

export async function removeUnit(ctx: ServiceContext, id: string): Promise<void> {
  const unit = await getUnitOrThrow(ctx, null, id);
  const children = await countChildren(ctx.db, id);
  if (children > 0) {
    fail(
      'UNIT_HAS_CHILDREN',
      `"${unit.name}" still has ${children} child unit(s); delete or move them first`,
      {
        children,
      },
    );
  }
  const refs = await unitReferences(ctx.db, id);
  if (Object.keys(refs).length > 0) {
    const list = Object.entries(refs)
      .map(([what, n]) => `${n} ${what}`)
      .join(', ');
    fail('UNIT_IN_USE', `"${unit.name}" is still referenced by ${list}; reassign them first`, refs);
  }
  try {
    await writeTransaction(ctx.db, ['units'], (trx) => deleteUnit(trx, id));
  } catch (e) {
    // A reference added since the count above, or from a table it does not know, is the same
    // conflict the caller can resolve: a 409, not a 500.
    if (isForeignKeyViolation(e)) {
      fail('UNIT_IN_USE', `"${unit.name}" is still referenced by other records; reassign them first`);
    }
    throw e;
  }
}

/** A foreign-key violation as better-sqlite3 (extended result code) or PostgreSQL (SQLSTATE) reports it. */
function isForeignKeyViolation(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/** The chain grid → community → grid area (+ its workstation) → subdistrict that contains a WGS-84 point. */
export async function locate(
  ctx: ServiceContext,
  lat: number,
  lon: number,
): Promise<{
  grid: Unit;
  community: Unit;
  gridArea: Unit;
  workstation: Unit | null;
  subdistrict: Unit;
} | null> {
  const grids = (await listUnits(ctx.db, { scopePath: null, kind: 'grid' })).filter(
    (g) => g.polygon !== null,
  );
  const grid = findContaining(
    grids.map((g) => ({ ...g, polygon: g.polygon as AreaGeometry })),
    lat,
    lon,
  );
  if (!grid) return null;
  const community = grid.parentId ? await findUnit(ctx.db, grid.parentId) : undefined;
  const gridArea = community?.parentId ? await findUnit(ctx.db, community.parentId) : undefined;
  const subdistrict = gridArea?.parentId ? await findUnit(ctx.db, gridArea.parentId) : undefined;
  if (!community || !gridArea || !subdistrict) return null;
  const workstation = (
    await listUnits(ctx.db, { scopePath: null, kind: 'workstation', parentId: gridArea.id })
  )[0];
  return { grid, community, gridArea, workstation: workstation ?? null, subdistrict };
}
