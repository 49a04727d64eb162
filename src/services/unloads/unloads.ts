import type { UnloadPageView, UnloadView } from '../../api/index.ts';
import { clockTimeProblem, dockIdAt, localDateOf, UNLOAD_MAX_AGE_MS } from '../../domain/fleet/index.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import { markDays } from '../../store/day-summaries.repository.ts';
import { listDocks } from '../../store/docks.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { insertUnloads, listUnloads, sumUnloads, type UnloadRecord } from '../../store/unloads.repository.ts';
import { getAssetOrThrow } from '../assets/index.ts';
import { getReadableAttachmentOrThrow } from '../attachments/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { crewPlaceOf } from '../crews/index.ts';
import { getDockOrThrow } from '../docks/index.ts';
import { instantPage, parseInstantCursor } from '../paging.ts';
import { listScopeUnder } from '../scope/index.ts';

const DAY_MS = 86_400_000;

/** An unload as the API returns it. */
export function unloadView(u: UnloadRecord): UnloadView {
  return {
    id: u.id,
    assetId: u.assetId,
    at: new Date(u.at).toISOString(),
    tonnes: u.tonnes,
    dockId: u.dockId,
    lat: u.lat,
    lon: u.lon,
    photoId: u.photoId,
    recordedBy: u.recordedBy,
    createdAt: new Date(u.createdAt).toISOString(),
  };
}

/** What is logged with an unload. */
export interface NewUnload {
  assetId: string;
  at: string;
  tonnes: number;
  dockId?: string;
  lat?: number;
  lon?: number;
  photoId?: string;
}

/**
 * Logs a boat's rubbish unload (卸载). A crew user logs their own boat's only (403 otherwise);
 * staff the boats in their scope (404 outside it, as for an unknown boat). Given a point and no
 * dock, the dock whose radius holds the point is recorded.
 */
export async function logUnload(
  ctx: ServiceContext,
  who: Principal,
  input: NewUnload,
): Promise<UnloadRecord> {
  if (who.role === 'crew') {
    const { boat } = await crewPlaceOf(ctx, who);
    if (boat.id !== input.assetId) {
      fail('FORBIDDEN', `A crew member logs unloads for their own boat only ("${boat.name}")`, {
        field: 'assetId',
      });
    }
  }
  const boat = await getAssetOrThrow(ctx, who, input.assetId);
  if (boat.kind !== 'boat')
    fail('ASSET_KIND_WRONG', `"${boat.name}" is a ${boat.kind}; unloads are a boat’s`);
  const now = ctx.now();
  const at = Date.parse(input.at);
  const problem = clockTimeProblem(at, now, UNLOAD_MAX_AGE_MS);
  if (problem) fail('EVENT_TIME_INVALID', problem, { field: 'at' });
  if ((input.lat === undefined) !== (input.lon === undefined)) {
    fail('VALIDATION_FAILED', 'Give lat and lon together, or neither', {
      field: input.lat === undefined ? 'lat' : 'lon',
    });
  }
  if (input.photoId) await getReadableAttachmentOrThrow(ctx, who, input.photoId);
  let dockId = input.dockId ?? null;
  if (dockId) await getDockOrThrow(ctx, who, dockId);
  else if (input.lat !== undefined && input.lon !== undefined) {
    dockId = dockIdAt({ lat: input.lat, lon: input.lon }, await listDocks(ctx.db)) ?? null;
  }
  const unload: UnloadRecord = {
    id: newId(),
    assetId: boat.id,
    at,
    tonnes: input.tonnes,
    dockId,
    lat: input.lat ?? null,
    lon: input.lon ?? null,
    photoId: input.photoId ?? null,
    recordedBy: who.userId,
    createdAt: now,
  };
  await writeTransaction(ctx.db, [], async (trx) => {
    await insertUnloads(trx, [unload]);
    // Its day's summary counts the tonnes: recomputed before it is read next.
    await markDays(trx, [{ assetId: boat.id, date: localDateOf(at) }], now);
  });
  return unload;
}

/** What a list of unloads is asked for. */
export interface UnloadQuery {
  assetId?: string;
  unitId?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

/**
 * GET /api/unloads: the unloads of the boats in scope (a crew user: their own boat's), under a
 * unit, of one boat, between two instants (default the last 31 days), newest first, with the
 * count and the tonnes of all that match.
 */
export async function listVisibleUnloads(
  ctx: ServiceContext,
  who: Principal,
  q: UnloadQuery,
): Promise<UnloadPageView> {
  const scopePath = await listScopeUnder(ctx, who, q.unitId, () =>
    fail('UNIT_NOT_FOUND', `No unit with id ${q.unitId}`, { field: 'unitId' }),
  );
  let assetId = q.assetId;
  if (assetId) await getAssetOrThrow(ctx, who, assetId);
  if (who.role === 'crew') {
    const { boat } = await crewPlaceOf(ctx, who);
    if (assetId && assetId !== boat.id)
      fail('FORBIDDEN', `A crew member reads their own boat’s unloads ("${boat.name}")`);
    assetId = boat.id;
  }
  const to = q.to === undefined ? ctx.now() : Date.parse(q.to);
  const from = q.from === undefined ? to - 31 * DAY_MS : Date.parse(q.from);
  if (!(from < to)) fail('TIME_RANGE_INVALID', `from ${q.from} must be before to ${q.to ?? 'now'}`);
  if (to - from > 366 * DAY_MS) fail('TIME_RANGE_INVALID', 'Ask for at most 366 days at a time');
  const filter = { scopePath, assetId, from, to };
  const page = await listUnloads(ctx.db, {
    ...filter,
    limit: q.limit + 1,
    after: q.cursor ? parseInstantCursor(q.cursor, 'at') : undefined,
  });
  const { count, tonnes } = await sumUnloads(ctx.db, filter);
  const { items, ...next } = instantPage(page, q.limit, (u) => u.at, unloadView);
  return {
    items,
    total: count,
    // Sums of decimal tonnes carry float noise: kilograms are the precision anyone weighs.
    totalTonnes: Math.round(tonnes * 1000) / 1000,
    ...next,
  };
}
