import { remarkFromDate } from '../../domain/fleet/index.ts';
import { fail } from '../../errors/catalogue.ts';
import {
  type Asset,
  findAssetByUser,
  findAssets,
  listCrewOf,
  setCrew,
} from '../../store/assets.repository.ts';
import { markStoredDaysOf } from '../../store/day-summaries.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { getAssetOrThrow } from '../assets/index.ts';
import type { Principal, ServiceContext } from '../context.ts';

/** The crew members on a boat in the caller's scope (none for an asset that is not a boat). */
export async function getCrew(ctx: ServiceContext, who: Principal, boatId: string): Promise<Asset[]> {
  const boat = await getAssetOrThrow(ctx, who, boatId);
  return boat.kind === 'boat' ? listCrewOf(ctx.db, boat.id) : [];
}

/** A primary-key or unique violation as better-sqlite3 or PostgreSQL (SQLSTATE 23505) reports it. */
function isUniqueViolation(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/**
 * Makes these crew members the boat's whole crew. Each must be a crew member (kind crew) on no
 * other boat: 409 CREW_MEMBER_TAKEN names the member and the boat they are on.
 */
export async function putCrew(
  ctx: ServiceContext,
  boatId: string,
  memberIds: readonly string[],
): Promise<Asset[]> {
  const boat = await getAssetOrThrow(ctx, null, boatId);
  if (boat.kind !== 'boat') {
    fail('ASSET_KIND_WRONG', `"${boat.name}" is a ${boat.kind}; only a boat has a crew`);
  }
  const members = new Map((await findAssets(ctx.db, memberIds)).map((m) => [m.id, m]));
  for (const id of memberIds) {
    const member = members.get(id);
    if (!member) fail('ASSET_NOT_FOUND', `memberIds: no asset with id ${id}`, { field: 'memberIds', id });
    if (member.kind !== 'crew') {
      fail('ASSET_KIND_WRONG', `memberIds: "${member.name}" is a ${member.kind}, not a crew member`, {
        field: 'memberIds',
        id,
      });
    }
    if (member.boatId !== null && member.boatId !== boat.id) {
      const [other] = await findAssets(ctx.db, [member.boatId]);
      fail(
        'CREW_MEMBER_TAKEN',
        `"${member.name}" is on "${other?.name ?? member.boatId}"; take them off that boat first`,
        { field: 'memberIds', id, boatId: member.boatId },
      );
    }
  }
  try {
    await writeTransaction(ctx.db, [], async (trx) => {
      await setCrew(trx, boat.id, memberIds, ctx.now());
      // The boat's duty comes from its crew's clock-ins: its recent days are computed again.
      await markStoredDaysOf(trx, [boat.id], remarkFromDate(ctx.now()), ctx.now());
    });
  } catch (e) {
    // Another request put one of them on a boat since the checks above.
    if (isUniqueViolation(e))
      fail('CREW_MEMBER_TAKEN', 'A crew member was put on another boat meanwhile: reload');
    throw e;
  }
  return listCrewOf(ctx.db, boat.id);
}

/** A crew user's crew member and the boat they are on. */
export interface CrewPlace {
  member: Asset;
  boat: Asset;
}

/**
 * The crew member a crew login is linked to, and their boat; 409 NOT_ON_A_BOAT when the login is
 * linked to none or the member is on no boat (the operator assigns them).
 */
export async function crewPlaceOf(ctx: ServiceContext, who: Principal): Promise<CrewPlace> {
  const member = await findAssetByUser(ctx.db, who.userId);
  if (!member) {
    fail(
      'NOT_ON_A_BOAT',
      `${who.username} is not linked to a crew member: ask an operator to link the login`,
    );
  }
  const [boat] = member.boatId ? await findAssets(ctx.db, [member.boatId]) : [];
  if (!boat) fail('NOT_ON_A_BOAT', `"${member.name}" is on no boat: ask an operator to assign them to one`);
  return { member, boat };
}
