import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { ActionBody, ActionType, NewOrder } from '../api/orders.ts';

/**
 * The phone's outbox (待发送): reports and feedback made without a connection, kept in IndexedDB
 * with the time they were made and sent when the connection returns.
 */
export type OutboxItem =
  | {
      id: string;
      kind: 'report';
      userId: string;
      madeAt: string;
      label: string;
      body: NewOrder;
      /** Photos taken with no signal, uploaded before the report goes. */
      photoBlobs?: Blob[];
      error?: string;
    }
  | {
      id: string;
      kind: 'action';
      userId: string;
      madeAt: string;
      label: string;
      orderId: string;
      action: ActionType;
      body: ActionBody;
      error?: string;
    };

interface OutboxDb extends DBSchema {
  items: { key: string; value: OutboxItem; indexes: { byUser: string } };
}

const EVENT = 'zs:outbox-changed';
let db: Promise<IDBPDatabase<OutboxDb>> | undefined;

function open(): Promise<IDBPDatabase<OutboxDb>> {
  db ??= openDB<OutboxDb>('zhongshu-outbox', 1, {
    upgrade(d) {
      d.createObjectStore('items', { keyPath: 'id' }).createIndex('byUser', 'userId');
    },
  });
  return db;
}

function changed(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** Keeps something to send later; its `madeAt` is now, on the phone's clock. */
export async function enqueue(item: OutboxItem): Promise<void> {
  await (await open()).put('items', item);
  changed();
}

/** What this user still has waiting, oldest first. */
export async function pending(userId: string): Promise<OutboxItem[]> {
  const items = await (await open()).getAllFromIndex('items', 'byUser', userId);
  return items.sort((a, b) => a.madeAt.localeCompare(b.madeAt));
}

export async function remove(id: string): Promise<void> {
  await (await open()).delete('items', id);
  changed();
}

/** Writes an item back as it now is (its photos uploaded, say), without telling the page. */
export async function replace(item: OutboxItem): Promise<void> {
  await (await open()).put('items', item);
}

/** Keeps a refused item with the reason, as it is stored now (its photos may have gone up meanwhile). */
export async function markFailed(item: OutboxItem, error: string): Promise<void> {
  const d = await open();
  const current = (await d.get('items', item.id)) ?? item;
  await d.put('items', { ...current, error });
  changed();
}

/** Runs `listener` whenever the outbox changes in this tab. */
export function onOutboxChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}

/** Whether a failed request never reached the server (no signal), so it is worth keeping to send later. */
export function isOffline(error: unknown): boolean {
  return !navigator.onLine || error instanceof TypeError;
}

/** A fresh id for an outbox entry; it is also the entry's Idempotency-Key when sent. */
export function outboxId(): string {
  return crypto.randomUUID();
}
