import type { OrderStatus } from '../../api/orders.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';

/** A resident's words for where their report is (the staff's 立案, 派遣… mean little to them). */
export function plainStatusKey(status: OrderStatus): MessageKey {
  switch (status) {
    case 'reported':
      return 'plain.received';
    case 'registered':
      return 'plain.accepted';
    case 'dispatched':
    case 'signed':
    case 'handling':
      return 'plain.inHand';
    case 'handled':
    case 'verified':
      return 'plain.checking';
    case 'closed':
      return 'plain.done';
    case 'rejected':
      return 'plain.notAccepted';
    case 'merged':
      return 'plain.merged';
    default:
      return 'plain.voided';
  }
}
