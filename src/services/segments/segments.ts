import type { SegmentView } from '../../api/index.ts';
import { lineGeometryProblem, remarkFromDate } from '../../domain/fleet/index.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import { listAssetsOnSegment } from '../../store/assets.repository.ts';
import { markStoredDaysOf } from '../../store/day-summaries.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import {
  deleteSegment,
  findSegment,
  findSegmentByCode,
  insertSegment,
  listSegments,
  type Segment,
  updateSegment,
} from '../../store/segments.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { filterHeldInScope } from '../scope/index.ts';

/** A river segment as the API returns it. */
export function segmentView(s: Segment): SegmentView {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    geometry: s.geometry,
    halfWidthM: s.halfWidthM,
    unitId: s.unitId,
  };
}

/** River segments (责任河段) as GeoJSON lines, for the map: those held by a unit in the caller's scope. */
export async function listSegmentViews(
  ctx: ServiceContext,
  who: Principal,
): Promise<{ items: SegmentView[] }> {
  const segments = await filterHeldInScope(ctx, who, await listSegments(ctx.db, {}), (s) => s.unitId);
  return { items: segments.map(segmentView) };
}

/**
 * The segment, if the caller may see it as in the list (held in their scope; one held by no unit
 * only for callers who see the whole organisation); SEGMENT_NOT_FOUND otherwise. Null: a system call.
 */
export async function getSegmentOrThrow(
  ctx: ServiceContext,
  who: Principal | null,
  id: string,
): Promise<Segment> {
  const segment = await findSegment(ctx.db, id);
  const visible =
    segment && (who === null || (await filterHeldInScope(ctx, who, [segment], (s) => s.unitId)).length);
  if (!segment || !visible) return fail('SEGMENT_NOT_FOUND', `No river segment with id ${id}`);
  return segment;
}

async function checkInput(
  ctx: ServiceContext,
  input: { code?: string; geometry?: unknown; unitId?: string | null },
  exceptId?: string,
): Promise<void> {
  if (input.geometry !== undefined) {
    const problem = lineGeometryProblem(input.geometry);
    if (problem) fail('INVALID_GEOMETRY', problem, { field: 'geometry' });
  }
  if (input.unitId && !(await findUnit(ctx.db, input.unitId))) {
    fail('UNIT_NOT_FOUND', `unitId ${input.unitId} is not an existing unit`, { field: 'unitId' });
  }
  if (input.code !== undefined) {
    const clash = await findSegmentByCode(ctx.db, input.code);
    if (clash && clash.id !== exceptId) {
      fail('SEGMENT_CODE_TAKEN', `Segment code ${input.code} is already used by "${clash.name}"`, {
        field: 'code',
      });
    }
  }
}

/** Adds a river segment; its centre line must pass lineGeometryProblem (400 INVALID_GEOMETRY naming the problem). */
export async function createSegment(
  ctx: ServiceContext,
  input: Pick<Segment, 'code' | 'name' | 'geometry' | 'halfWidthM'> & { unitId?: string | null },
): Promise<Segment> {
  await checkInput(ctx, input);
  const segment: Segment = {
    id: newId(),
    code: input.code,
    name: input.name,
    geometry: input.geometry,
    halfWidthM: input.halfWidthM,
    unitId: input.unitId ?? null,
    createdAt: ctx.now(),
  };
  await writeTransaction(ctx.db, [], (trx) => insertSegment(trx, segment));
  return segment;
}

/** Changes a segment's code, name, centre line, half-width or holding unit. */
export async function patchSegment(
  ctx: ServiceContext,
  id: string,
  patch: Partial<Pick<Segment, 'code' | 'name' | 'geometry' | 'halfWidthM' | 'unitId'>>,
): Promise<Segment> {
  await getSegmentOrThrow(ctx, null, id);
  await checkInput(ctx, patch, id);
  await writeTransaction(ctx.db, [], async (trx) => {
    await updateSegment(trx, id, patch);
    // Its boats' coverage was cut from the old line: their recent days are computed again.
    const boats = (await listAssetsOnSegment(trx, id)).map((a) => a.id);
    await markStoredDaysOf(trx, boats, remarkFromDate(ctx.now()), ctx.now());
  });
  return getSegmentOrThrow(ctx, null, id);
}

/** Deletes a segment no asset patrols; 409 SEGMENT_IN_USE naming the assets otherwise. */
export async function removeSegment(ctx: ServiceContext, id: string): Promise<void> {
  const segment = await getSegmentOrThrow(ctx, null, id);
  const assets = await listAssetsOnSegment(ctx.db, id);
  if (assets.length > 0) {
    const names = assets.map((a) => a.name).join(', ');
    fail('SEGMENT_IN_USE', `"${segment.name}" is patrolled by ${names}; assign them other segments first`, {
      assetIds: assets.map((a) => a.id),
    });
  }
  await writeTransaction(ctx.db, [], (trx) => deleteSegment(trx, id));
}
