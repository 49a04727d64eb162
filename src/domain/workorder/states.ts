/**
 * Order states of the digital city-management flow (GB/T 30428, CJJ/T 106) and the 12345
 * hotline. `merged` is a state of its own, not a kind of `closed`: a duplicate was never a
 * case, so it must not count towards closure rates, get a return visit or be reopened.
 * Parking (挂账) is a flag beside the state, see OrderState.parked.
 */
export const ORDER_STATUSES = [
  'reported',
  'registered',
  'rejected',
  'voided',
  'dispatched',
  'signed',
  'handling',
  'handled',
  'verified',
  'closed',
  'merged',
] as const;

/** One of ORDER_STATUSES. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** 中文 names for messages and the console. */
export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = {
  reported: '上报',
  registered: '立案',
  rejected: '不予立案',
  voided: '作废',
  dispatched: '派遣',
  signed: '签收',
  handling: '处置中',
  handled: '已反馈',
  verified: '已核查',
  closed: '结案',
  merged: '已合并',
};

/** States in which a handling unit holds the order and its time limit runs. */
export const IN_HAND_STATUSES: readonly OrderStatus[] = ['dispatched', 'signed', 'handling'];

/**
 * Who runs an order before and after registration: a community keeps small matters on its
 * problem list (问题清单), escalates what it cannot solve to its linkage workstation, which in
 * turn escalates to the subdistrict command centre.
 */
export const ORDER_LEVELS = ['community', 'workstation', 'subdistrict'] as const;

/** One of ORDER_LEVELS. */
export type OrderLevel = (typeof ORDER_LEVELS)[number];

/** The level above, or undefined at the top (the subdistrict). */
export function levelAbove(level: OrderLevel): OrderLevel | undefined {
  return ORDER_LEVELS[ORDER_LEVELS.indexOf(level) + 1];
}
