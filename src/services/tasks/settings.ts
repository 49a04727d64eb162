import type { TaskSettingsView } from '../../api/index.ts';
import { DEFAULT_PUSH_WEEKDAY } from '../../domain/tasks/index.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { getSetting, putSetting } from '../../store/settings.repository.ts';
import type { ServiceContext } from '../context.ts';

const SETTINGS_KEY = 'tasks';

/** The key-task settings: the weekly push day (default Saturday). */
export async function getTaskSettings(ctx: ServiceContext): Promise<TaskSettingsView> {
  return {
    pushWeekday: DEFAULT_PUSH_WEEKDAY,
    ...(await getSetting<Partial<TaskSettingsView>>(ctx.db, SETTINGS_KEY, {})),
  };
}

/** Changes the key-task settings (admins). */
export async function putTaskSettings(
  ctx: ServiceContext,
  patch: Partial<TaskSettingsView>,
): Promise<TaskSettingsView> {
  const next = { ...(await getTaskSettings(ctx)), ...patch };
  await writeTransaction(ctx.db, [], (trx) => putSetting(trx, SETTINGS_KEY, next, ctx.now()));
  return next;
}
