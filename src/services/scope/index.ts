/**
 * Visibility (who may see what), the one owner: every read and every live-feed filter asks here.
 * The rule itself is pure (src/domain/auth/scope.ts); its SQL form is src/store/scope.ts. A new
 * scoped resource adds its check here, not a copy in its own service.
 */
export { mayReadBoatRecords } from './boats.ts';
export { mayReceive, orderReaderPaths } from './live.ts';
export { noticeVisibilityOf } from './notices.ts';
export { getVisibleOrderOrThrow, mayReadOrder, visibilityOf } from './orders.ts';
export { assertHeldInScope, filterHeldInScope, listScopeOf, listScopeUnder, mayReadUnit } from './units.ts';
