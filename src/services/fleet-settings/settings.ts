import type { FleetSettingsPatch, FleetSettingsView } from '../../api/index.ts';
import {
  FleetError,
  type FleetOverrides,
  type FleetSettings,
  fleetSettingsOf,
  mergeFleetOverrides,
  remarkFromDate,
  type TrackSettings,
} from '../../domain/fleet/index.ts';
import { fail } from '../../errors/catalogue.ts';
import type { Db } from '../../store/database.ts';
import { markStoredDaysOf } from '../../store/day-summaries.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { getSetting, putSetting } from '../../store/settings.repository.ts';
import type { ServiceContext } from '../context.ts';

/** The settings row: only what operators changed, so a later default applies where they did not. */
const SETTINGS_KEY = 'fleet';

async function storedOverrides(db: Db): Promise<FleetOverrides> {
  return getSetting<FleetOverrides>(db, SETTINGS_KEY, {});
}

/**
 * The settings in force. A stored value that no longer passes the checks (written by hand, or
 * by an older version with other limits) is not applied: the defaults are.
 */
async function settingsIn(db: Db): Promise<FleetSettings> {
  try {
    return fleetSettingsOf(await storedOverrides(db));
  } catch (e) {
    if (e instanceof FleetError) return fleetSettingsOf({});
    throw e;
  }
}

/** GET /api/settings/fleet: each asset kind's track thresholds and the coverage threshold in force. */
export async function getFleetSettings(ctx: ServiceContext): Promise<FleetSettingsView> {
  return settingsIn(ctx.db);
}

/**
 * PATCH /api/settings/fleet (admins): changes some thresholds, null putting one back to its
 * default. A value that cannot be right (≤ 0, past its limit) is refused whole with
 * FLEET_SETTINGS_INVALID naming it. Marks the recent stored summaries, cut with the old thresholds.
 */
export async function patchFleetSettings(
  ctx: ServiceContext,
  change: FleetSettingsPatch,
): Promise<FleetSettingsView> {
  return writeTransaction(ctx.db, [], async (trx) => {
    let next: FleetOverrides;
    try {
      next = mergeFleetOverrides(await storedOverrides(trx), change);
    } catch (e) {
      if (e instanceof FleetError) return fail(e.code, e.message);
      throw e;
    }
    await putSetting(trx, SETTINGS_KEY, next, ctx.now());
    // Every boat-day recently summarised was cut with the old thresholds.
    await markStoredDaysOf(trx, null, remarkFromDate(ctx.now()), ctx.now());
    return fleetSettingsOf(next);
  });
}

/** The track thresholds of an asset kind in force (an unknown kind gets the boat's). */
export async function trackSettingsOf(ctx: ServiceContext, kind: string): Promise<TrackSettings> {
  const { kinds } = await settingsIn(ctx.db);
  return kinds[kind as keyof FleetSettings['kinds']] ?? kinds.boat;
}

/** The coverage threshold in force: below it a boat's day is not covered. */
export async function coverageThresholdOf(ctx: ServiceContext): Promise<number> {
  return (await settingsIn(ctx.db)).coverageThreshold;
}
