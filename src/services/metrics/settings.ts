import type { ProgressSettingsView } from '../../api/index.ts';
import { DEFAULT_YELLOW_POINTS } from '../../domain/metrics/index.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { getSetting, putSetting } from '../../store/settings.repository.ts';
import type { ServiceContext } from '../context.ts';

const SETTINGS_KEY = 'progress';

/** The progress settings: how many points behind turns a light from yellow to red. */
export async function getProgressSettings(ctx: ServiceContext): Promise<ProgressSettingsView> {
  return {
    yellowPoints: DEFAULT_YELLOW_POINTS,
    ...(await getSetting<Partial<ProgressSettingsView>>(ctx.db, SETTINGS_KEY, {})),
  };
}

/** Changes the progress settings (admins). */
export async function putProgressSettings(
  ctx: ServiceContext,
  patch: Partial<ProgressSettingsView>,
): Promise<ProgressSettingsView> {
  const next = { ...(await getProgressSettings(ctx)), ...patch };
  await writeTransaction(ctx.db, [], (trx) => putSetting(trx, SETTINGS_KEY, next, ctx.now()));
  return next;
}
