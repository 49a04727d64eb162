import { uploadPhoto } from '../api/attachments.ts';
import { ApiError } from '../api/client.ts';
import { actOnOrder, createOrder } from '../api/orders.ts';
import { announceOrdersChanged } from '../hooks/useOrdersChanged.ts';
import { isOffline, markFailed, type OutboxItem, pending, remove, replace } from './outbox.ts';

let running: Promise<number> | null = null;

/**
 * Sends one item with its id as the Idempotency-Key: when the answer to a request that did reach
 * the server is lost (a flaky reconnect), sending it again gets that answer, not a second order or
 * event. The body must then be the same as the first time, so photos kept on the phone are uploaded
 * once and their ids written into the item before the report goes.
 */
async function send(first: OutboxItem): Promise<void> {
  let item = first;
  if (item.kind === 'report') {
    if (item.photoBlobs && item.photoBlobs.length > 0) {
      const uploaded: string[] = [];
      for (const blob of item.photoBlobs) uploaded.push((await uploadPhoto(blob)).id);
      const { photoBlobs: _sent, ...rest } = item;
      item = { ...rest, body: { ...item.body, photos: [...(item.body.photos ?? []), ...uploaded] } };
      await replace(item);
    }
    // The time it was made on the phone goes with it: the order's own time is when it arrived.
    await createOrder(
      { ...item.body, attributes: { ...item.body.attributes, reportedAt: item.madeAt } },
      item.id,
    );
  } else {
    await actOnOrder(item.orderId, item.action, item.body, item.id);
  }
}

async function flush(userId: string): Promise<number> {
  let sent = 0;
  for (const item of await pending(userId)) {
    if (item.error) continue;
    try {
      await send(item);
      await remove(item.id);
      sent++;
    } catch (error) {
      if (isOffline(error)) break;
      // Refused (the order moved on, a photo expired…): kept with the reason, not retried forever.
      await markFailed(item, error instanceof ApiError ? `${error.code}: ${error.message}` : String(error));
    }
  }
  if (sent > 0) announceOrdersChanged();
  return sent;
}

/** Sends what waits in this user's outbox, one run at a time; resolves with how many went. */
export function sendOutbox(userId: string): Promise<number> {
  running ??= flush(userId).finally(() => {
    running = null;
  });
  return running;
}
