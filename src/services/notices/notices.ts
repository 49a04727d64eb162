import type { NewNotice, NoticePageView, NoticeView } from '../../api/index.ts';
import { inScope } from '../../domain/auth/scope.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import {
  findVisibleNotice,
  insertNotice,
  listNotices,
  type NoticeRecord,
} from '../../store/notices.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { findUnit } from '../../store/units.repository.ts';
import { listResidentsIn } from '../../store/users.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import {
  type Delivery,
  decodePageCursor,
  encodePageCursor,
  notifyResidents,
} from '../notifications/index.ts';
import { getVisibleOrderOrThrow, noticeVisibilityOf } from '../scope/index.ts';

/** A notice just posted, with the notifications it wrote for the caller to push live. */
export interface PostedNotice {
  notice: NoticeView;
  deliveries: Delivery[];
}

/** The largest page of notices a caller may ask for. */
export const MAX_NOTICE_PAGE = 100;

/** A notice runs for at most a year: longer is a typo. */
const MAX_VALIDITY_MS = 366 * 86_400_000;

function instant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms))
    fail('VALIDATION_FAILED', `${field} "${value}" is not an ISO-8601 time`, { field });
  return ms;
}

/**
 * The grids or communities a notice names, each a unit of that kind in the author's scope. A unit
 * outside the scope is refused exactly like one that does not exist (403), so a refusal tells
 * nothing about units the author may not see.
 */
async function placesIn(
  ctx: ServiceContext,
  who: Principal,
  ids: readonly string[],
  kind: 'grid' | 'community',
  field: string,
): Promise<string[]> {
  const unique = [...new Set(ids)];
  for (const [i, id] of unique.entries()) {
    const unit = await findUnit(ctx.db, id);
    if (!unit || !inScope(who.scopePath, unit.path)) {
      fail('OUT_OF_SCOPE', `${field}.${i}: ${id} is not a ${kind} in your scope`, { field: `${field}.${i}` });
    }
    if (unit.kind !== kind) {
      fail('VALIDATION_FAILED', `${field}.${i}: ${unit.name} is a ${unit.kind}, not a ${kind}`, {
        field: `${field}.${i}`,
      });
    }
  }
  return unique;
}

async function noticeView(ctx: ServiceContext, n: NoticeRecord): Promise<NoticeView> {
  return {
    id: n.id,
    title: n.title,
    body: n.body,
    gridIds: n.gridIds,
    communityIds: n.communityIds,
    validFrom: new Date(n.validFrom).toISOString(),
    validTo: new Date(n.validTo).toISOString(),
    orderId: n.orderId,
    unitId: n.authorUnitId,
    unitName: (await findUnit(ctx.db, n.authorUnitId))?.name ?? null,
    createdBy: n.authorUserId,
    createdAt: new Date(n.createdAt).toISOString(),
  };
}

/**
 * Posts a notice to residents (社区公告) of grids and communities in the author's scope, and tells
 * each active resident there (of the community, or of the grid where they live, when known) in
 * the same transaction.
 */
export async function postNotice(
  ctx: ServiceContext,
  who: Principal,
  body: NewNotice,
): Promise<PostedNotice> {
  const gridIds = await placesIn(ctx, who, body.gridIds ?? [], 'grid', 'body.gridIds');
  const communityIds = await placesIn(ctx, who, body.communityIds ?? [], 'community', 'body.communityIds');
  if (gridIds.length + communityIds.length === 0) {
    fail('VALIDATION_FAILED', 'Name at least one grid (gridIds) or community (communityIds) to tell', {
      field: 'body.gridIds',
    });
  }
  const now = ctx.now();
  const validFrom = instant(body.validFrom, 'body.validFrom');
  const validTo = instant(body.validTo, 'body.validTo');
  if (validTo <= validFrom) {
    fail('TIME_RANGE_INVALID', 'body.validFrom must be before body.validTo', { field: 'body.validFrom' });
  }
  if (validTo <= now)
    fail('VALIDATION_FAILED', 'body.validTo has passed: a notice must still be valid', {
      field: 'body.validTo',
    });
  if (validTo - validFrom > MAX_VALIDITY_MS) {
    fail('VALIDATION_FAILED', 'A notice runs for at most a year: check body.validTo', {
      field: 'body.validTo',
    });
  }
  const order = body.orderId
    ? await getVisibleOrderOrThrow(ctx, who, body.orderId, 'body.orderId')
    : undefined;
  const notice: NoticeRecord = {
    id: newId(),
    title: body.title.trim(),
    body: body.body.trim(),
    gridIds,
    communityIds,
    validFrom,
    validTo,
    orderId: order?.id ?? null,
    authorUserId: who.userId,
    authorUnitId: who.unitId,
    createdAt: now,
  };
  const deliveries = await writeTransaction(ctx.db, [], async (trx) => {
    await insertNotice(trx, notice);
    const residents = await listResidentsIn(trx, { communityIds, gridIds });
    return notifyResidents(
      trx,
      { ...notice, orderCode: order?.code ?? null },
      residents.map((r) => ({ id: r.id, unitId: r.unitId })),
      now,
    );
  });
  return { notice: await noticeView(ctx, notice), deliveries };
}

/** The notices the caller may see (residents: those for them, valid now; staff: their scope's), newest first. */
export async function listVisibleNotices(
  ctx: ServiceContext,
  who: Principal,
  q: { limit?: number; cursor?: string },
): Promise<NoticePageView> {
  const page = await listNotices(ctx.db, await noticeVisibilityOf(ctx, who), {
    now: ctx.now(),
    limit: Math.min(q.limit ?? 50, MAX_NOTICE_PAGE),
    before: q.cursor ? decodePageCursor(q.cursor, 'this list') : undefined,
  });
  const last = page.items.at(-1);
  return {
    items: await Promise.all(page.items.map((n) => noticeView(ctx, n))),
    ...(page.more && last && { nextCursor: encodePageCursor(last) }),
  };
}

/** One notice the caller may see, or NOTICE_NOT_FOUND: one they may not see is not revealed to exist. */
export async function getNoticeOrThrow(ctx: ServiceContext, who: Principal, id: string): Promise<NoticeView> {
  const found = await findVisibleNotice(ctx.db, await noticeVisibilityOf(ctx, who), id, ctx.now());
  if (!found) fail('NOTICE_NOT_FOUND', `No notice with id ${id}`);
  return noticeView(ctx, found);
}
