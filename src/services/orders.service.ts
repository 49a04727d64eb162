/**
 * Work orders (工单): report, act, merge, list and read. Each concern lives in its own
 * orders.*.ts file; this is the one place routes and other services import them from.
 */
export { type ActedOrder, actOnOrder } from './orders.act.ts';
export { type CreatedOrder, createOrder, type NewOrderRequest } from './orders.create.ts';
export { type DuplicateSuggestion, findDuplicates } from './orders.duplicates.ts';
export { type MergedOrders, type MergeRequest, mergeOrder } from './orders.merge.ts';
export { loadOrderNames, OrderNames } from './orders.names.ts';
export type { ActionBody, SubTaskBody } from './orders.payload.ts';
export { checkPhotosExist } from './orders.photos.ts';
export {
  getOrderForCaller,
  listTimeline,
  listVisibleOrders,
  loadOrderHistories,
  MAX_ORDER_PAGE,
  type OrderListQuery,
} from './orders.query.ts';
export { getVisibleOrderOrThrow, visibilityOf } from './orders.scope.ts';
export { eventView, orderView } from './orders.view.ts';
