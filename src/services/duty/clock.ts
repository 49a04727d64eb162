import type { ClockEventView } from '../../api/index.ts';
import { type ClockFlag, clockCheck, clockTimeProblem } from '../../domain/fleet/index.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import {
  type ClockEventRecord,
  findLastClockEvent,
  insertClockEvent,
} from '../../store/clock-events.repository.ts';
import { listDevices } from '../../store/devices.repository.ts';
import { listDocks } from '../../store/docks.repository.ts';
import { findFixNearest } from '../../store/positions.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { getReadableAttachmentOrThrow } from '../attachments/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { crewPlaceOf } from '../crews/index.ts';

/** How far around a clock event's time the boat's position is looked for. */
const BOAT_FIX_WINDOW_MS = 30 * 60_000;

/** A clock event as the API returns it. */
export function clockEventView(e: ClockEventRecord): ClockEventView {
  return {
    id: e.id,
    kind: e.kind,
    memberId: e.memberId,
    assetId: e.boatId,
    at: new Date(e.at).toISOString(),
    recordedAt: new Date(e.recordedAt).toISOString(),
    lat: e.lat,
    lon: e.lon,
    distanceM: e.distanceM,
    flags: e.flags,
    photoId: e.photoId,
  };
}

/** What a crew member sends when clocking in or out. */
export interface ClockInput {
  lat: number;
  lon: number;
  /** ISO 8601; absent: now. */
  at?: string;
  photoId?: string;
}

/**
 * Records a crew user's clock-in or clock-out for the boat their crew member is on (409
 * NOT_ON_A_BOAT otherwise). `at` may be a time queued on a phone without signal: not in the
 * future, at most 24 h old (400 EVENT_TIME_INVALID). The event is always accepted; its distance
 * from the boat's position at the time (or the nearest dock) and its flags tell the supervisor
 * what to look at.
 */
export async function clock(
  ctx: ServiceContext,
  who: Principal,
  kind: 'in' | 'out',
  input: ClockInput,
): Promise<ClockEventRecord> {
  const { member, boat } = await crewPlaceOf(ctx, who);
  const recordedAt = ctx.now();
  const at = input.at === undefined ? recordedAt : Date.parse(input.at);
  const problem = clockTimeProblem(at, recordedAt);
  if (problem) fail('EVENT_TIME_INVALID', problem, { field: 'at' });
  if (input.photoId) await getReadableAttachmentOrThrow(ctx, who, input.photoId);

  const deviceIds = (await listDevices(ctx.db, { scopePath: null, assetId: boat.id })).map((d) => d.id);
  const fix = await findFixNearest(ctx.db, deviceIds, at, at - BOAT_FIX_WINDOW_MS, at + BOAT_FIX_WINDOW_MS);
  const docks = await listDocks(ctx.db);
  const { distanceM, flags } = clockCheck(input, { boat: fix, docks }, { at, recordedAt });
  const all: ClockFlag[] = [...flags];
  if (kind === 'out' && (await findLastClockEvent(ctx.db, member.id, at))?.kind !== 'in')
    all.push('notClockedIn');

  const event: ClockEventRecord = {
    id: newId(),
    kind,
    memberId: member.id,
    boatId: boat.id,
    userId: who.userId,
    at,
    recordedAt,
    lat: input.lat,
    lon: input.lon,
    distanceM,
    flags: all,
    photoId: input.photoId ?? null,
  };
  await writeTransaction(ctx.db, [], (trx) => insertClockEvent(trx, event));
  return event;
}
