import { uploadPhoto } from '../api/attachments.ts';
import { ApiError } from '../api/client.ts';
import { actOnOrder, createOrder } from '../api/orders.ts';
import { announceOrdersChanged } from '../hooks/useOrdersChanged.ts';
import { isOffline, markFailed, type OutboxItem, pending, remove } from './outbox.ts';

let running: Promise<number> | null = null;

async function send(item: OutboxItem): Promise<void> {
  if (item.kind === 'report') {
    const uploaded: string[] = [];
    for (const blob of item.photoBlobs ?? []) uploaded.push((await uploadPhoto(blob)).id);
    const photos = [...(item.body.photos ?? []), ...uploaded];
    // The time it was made on the phone goes with it: the order's own time is when it arrived.
    await createOrder({
      ...item.body,
      ...(photos.length > 0 && { photos }),
      attributes: { ...item.body.attributes, reportedAt: item.madeAt },
    });
  } else {
    await actOnOrder(item.orderId, item.action, item.body);
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
