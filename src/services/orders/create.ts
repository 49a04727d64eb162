import type { DuplicateView } from '../../api/index.ts';
import { orderCode, orderCodeDay } from '../../domain/workorder/code.ts';
import { type NewOrderRequest, reportOrder } from '../../domain/workorder/create.ts';
import { levelForSource, type OrderSource, sourcesFor } from '../../domain/workorder/dictionary.ts';
import type { OrderEvent } from '../../domain/workorder/model.ts';
import type { OrderLevel } from '../../domain/workorder/states.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import { type Category, findCategory } from '../../store/categories.repository.ts';
import { nextCounterValue } from '../../store/counters.repository.ts';
import type { Db } from '../../store/database.ts';
import { insertOrderEvent } from '../../store/order-events.repository.ts';
import { addFollowers, addOrderUnits } from '../../store/order-links.repository.ts';
import { insertOrder, type OrderRecord } from '../../store/orders.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { findUnit, listUnits } from '../../store/units.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { type Delivery, notifyForEvent } from '../notifications/index.ts';
import { locate } from '../units/index.ts';
import { actorOf } from './actor.ts';
import { findDuplicates } from './duplicates.ts';
import { checkPhotosExist } from './photos.ts';
import { domainFailure } from './write.ts';

export type { NewOrderRequest } from '../../domain/workorder/create.ts';

/** A created order, its first event, and open orders nearby that may be the same problem. */
export interface CreatedOrder {
  order: OrderRecord;
  event: OrderEvent;
  category: Category;
  duplicates: DuplicateView[];
  /** Notifications the report wrote (to the unit receiving it), for the caller to push to live consoles. */
  deliveries: Delivery[];
}

const NOT_TIMED = { yellowAt: null, redAt: null, light: null, overdue: false, visitDueAt: null };

function checkSource(
  role: Parameters<typeof sourcesFor>[0],
  requested: OrderSource | undefined,
): OrderSource {
  const allowed = sourcesFor(role);
  const source = requested ?? allowed[0];
  if (source === undefined) fail('FORBIDDEN', `A ${role} follows orders but does not report them`);
  if (!allowed.includes(source)) {
    fail('FORBIDDEN', `A ${role} reports with source ${allowed.join(', ')}, not ${source}`, {
      field: 'body.source',
    });
  }
  return source;
}

async function checkCategory(ctx: ServiceContext, input: NewOrderRequest): Promise<Category> {
  const category = await findCategory(ctx.db, input.categoryId);
  if (!category) {
    fail('CATEGORY_NOT_FOUND', `body.categoryId ${input.categoryId} is not a category`, {
      field: 'body.categoryId',
    });
  }
  if (!category.active) {
    fail('VALIDATION_FAILED', `Category "${category.minorName}" is no longer in use: pick another`, {
      field: 'body.categoryId',
    });
  }
  for (const f of category.extraFields) {
    if (f.required && input.attributes?.[f.code] === undefined) {
      fail(
        'VALIDATION_FAILED',
        `body.attributes.${f.code} is required in "${category.minorName}": ${f.description}`,
        {
          field: `body.attributes.${f.code}`,
        },
      );
    }
  }
  return category;
}

/**
 * The unit that receives the report: the community around the position for the problem list,
 * the subdistrict for the centre. A report outside every grid goes to the reporter's own
 * community, or to the subdistrict.
 */
async function receivingUnit(
  ctx: ServiceContext,
  who: Principal,
  level: OrderLevel,
  located: Awaited<ReturnType<typeof locate>>,
): Promise<string> {
  if (level === 'community') {
    if (located) return located.community.id;
    const own = await findUnit(ctx.db, who.unitId);
    const community = own?.kind === 'grid' && own.parentId ? await findUnit(ctx.db, own.parentId) : own;
    if (community?.kind === 'community') return community.id;
  }
  if (located) return located.subdistrict.id;
  const [root] = await listUnits(ctx.db, { scopePath: null, kind: 'subdistrict' });
  if (!root)
    fail('VALIDATION_FAILED', 'The position lies in no grid and there is no subdistrict to receive it');
  return root.id;
}

/**
 * Reports a new order (上报): located to its grid and community, given its category's time
 * limit and stage, placed on the community's problem list or the centre's desk by its source,
 * and numbered with the day's next code, all in one transaction, which also notifies the unit
 * receiving it (see targetsOfEvent). `alsoWrite` adds a channel's own rows (an Open311
 * submission) to that transaction, so the order never exists without them.
 */
export async function createOrder(
  ctx: ServiceContext,
  who: Principal,
  input: NewOrderRequest,
  alsoWrite?: (trx: Db, order: OrderRecord) => Promise<void>,
): Promise<CreatedOrder> {
  const actor = actorOf(who);
  const source = checkSource(actor.role, input.source);
  const category = await checkCategory(ctx, input);
  await checkPhotosExist(ctx, who, input.photos);
  const located = await locate(ctx, input.lat, input.lon);
  const level = levelForSource(source);
  const responsibleUnitId = await receivingUnit(ctx, who, level, located);
  const now = ctx.now();
  const id = newId();
  const reported = reportOrder(
    {
      id,
      level,
      responsibleUnitId,
      timeLimit: category.timeLimit,
      note: input.description,
      photos: input.photos,
    },
    actor,
    now,
  );
  if (!reported.ok) throw domainFailure(reported.error);
  const order: OrderRecord = {
    id,
    code: '',
    categoryId: category.id,
    stage: input.stage ?? category.defaultStage,
    source,
    description: input.description.trim(),
    address: input.address?.trim() || null,
    lat: input.lat,
    lon: input.lon,
    gridId: located?.grid.id ?? null,
    communityId: located?.community.id ?? null,
    attributes: input.attributes ?? null,
    state: reported.order,
    createdAt: now,
    updatedAt: now,
  };
  const deliveries = await writeTransaction(ctx.db, [], async (trx) => {
    const sequence = await nextCounterValue(trx, `order-code:${orderCodeDay(now)}`);
    order.code = orderCode(category.type, category.majorCode, category.minorCode, now, sequence);
    const text = [order.code, order.description, order.address ?? '', category.majorName, category.minorName];
    await insertOrder(trx, order, NOT_TIMED, text.join(' ').toLowerCase());
    await insertOrderEvent(trx, reported.event);
    await addOrderUnits(trx, id, [order.gridId, order.communityId, responsibleUnitId]);
    await addFollowers(trx, id, [actor.userId], now);
    if (alsoWrite) await alsoWrite(trx, order);
    return notifyForEvent(trx, reported.event, order, now);
  });
  const duplicates = await findDuplicates(ctx, who, order, category.duplicateRadiusM);
  return { order, event: reported.event, category, duplicates, deliveries };
}
