import { type NoticeVisibility, noticeVisibility } from '../../domain/auth/scope.ts';
import { findUnit } from '../../store/units.repository.ts';
import { findUser } from '../../store/users.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';

/**
 * Which notices to residents a caller sees (src/domain/auth/scope.ts `noticeVisibility`): their
 * unit's path and, for a resident who gave it, their grid's path decide what covers them.
 */
export async function noticeVisibilityOf(ctx: ServiceContext, who: Principal): Promise<NoticeVisibility> {
  const [unit, user] = await Promise.all([findUnit(ctx.db, who.unitId), findUser(ctx.db, who.userId)]);
  const grid = user?.gridId ? await findUnit(ctx.db, user.gridId) : undefined;
  return noticeVisibility(who, unit?.path ?? `/${who.unitId}/`, grid?.path ?? null);
}
