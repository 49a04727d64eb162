/**
 * Work orders (工单): report, act, merge, list and read. Each concern lives in its own
 * file of this folder; this is the one entry routes, jobs, the demo and other services import.
 */
export { type ActedOrder, actOnOrder } from './act.ts';
export { actorOf, isCentreRole } from './actor.ts';
export { announceOrder, publishOrderChange } from './announce.ts';
export { type CreatedOrder, createOrder, type NewOrderRequest } from './create.ts';
export { findDuplicates, findDuplicatesOfOrder } from './duplicates.ts';
export { type MergedOrders, type MergeRequest, mergeOrder } from './merge.ts';
export { loadOrderNames, OrderNames } from './names.ts';
export { type ActionBody, instantOf, type SubTaskBody } from './payload.ts';
export { checkPhotosExist } from './photos.ts';
export {
  getOrderForCaller,
  listTimeline,
  listVisibleOrders,
  loadOrderHistories,
  MAX_ORDER_PAGE,
  type OrderListQuery,
  orderViewFor,
} from './query.ts';
export { defaultHandler } from './units.ts';
export { eventView, orderView } from './view.ts';
export { commitTransition, timingOf } from './write.ts';
