import type { Db } from './database.ts';
import type { AttachmentTable } from './schema.ts';

/** A stored photo upload, as the services see it. */
export interface Attachment {
  id: string;
  sha256: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  fileName: string | null;
  uploadedBy: string;
  createdAt: number;
  thumbnailSha256: string | null;
  thumbnailMime: string | null;
}

function toAttachment(r: AttachmentTable): Attachment {
  return {
    id: r.id,
    sha256: r.sha256,
    mime: r.mime,
    bytes: r.bytes,
    width: r.width,
    height: r.height,
    fileName: r.file_name,
    uploadedBy: r.uploaded_by,
    createdAt: r.created_at,
    thumbnailSha256: r.thumbnail_sha256,
    thumbnailMime: r.thumbnail_mime,
  };
}

/** One attachment by id, or undefined. */
export async function findAttachment(db: Db, id: string): Promise<Attachment | undefined> {
  const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAttachment(row) : undefined;
}

/** The attachments among `ids` that exist, in the order of `ids` (unknown ids are left out). */
export async function listAttachments(db: Db, ids: readonly string[]): Promise<Attachment[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('attachments')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toAttachment(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Records an upload whose file (and thumbnail) are already stored. */
export async function insertAttachment(db: Db, a: Attachment): Promise<void> {
  await db
    .insertInto('attachments')
    .values({
      id: a.id,
      sha256: a.sha256,
      mime: a.mime,
      bytes: a.bytes,
      width: a.width,
      height: a.height,
      file_name: a.fileName,
      uploaded_by: a.uploadedBy,
      created_at: a.createdAt,
      thumbnail_sha256: a.thumbnailSha256,
      thumbnail_mime: a.thumbnailMime,
    })
    .execute();
}

/** Whether any upload still uses the stored file with this digest, as original or as thumbnail. */
export async function isBlobReferenced(db: Db, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom('attachments')
    .select('id')
    .where((eb) => eb.or([eb('sha256', '=', sha256), eb('thumbnail_sha256', '=', sha256)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Records that orders refer to photos (an event of the order lists them); known links are kept.
 * Written with each event, in its transaction: the index attachment downloads are scoped by.
 */
export async function linkAttachmentsToOrders(
  db: Db,
  links: readonly { attachmentId: string; orderId: string }[],
): Promise<void> {
  const unique = new Map(links.map((l) => [`${l.attachmentId} ${l.orderId}`, l]));
  const rows = [...unique.values()].map((l) => ({ attachment_id: l.attachmentId, order_id: l.orderId }));
  // 2 columns a row: 5,000 rows stay well under SQLite's 32,766 bound parameters.
  for (let i = 0; i < rows.length; i += 5000) {
    await db
      .insertInto('attachment_orders')
      .values(rows.slice(i, i + 5000))
      .onConflict((oc) => oc.columns(['attachment_id', 'order_id']).doNothing())
      .execute();
  }
}

/** The ids of the orders that refer to a photo (in their report or a later event). */
export async function listOrderIdsReferringTo(db: Db, attachmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('attachment_orders')
    .select('order_id')
    .where('attachment_id', '=', attachmentId)
    .execute();
  return rows.map((r) => r.order_id);
}

/** The boats whose clock-ins (打卡) or unloads (卸载) show this photo. */
export async function listBoatIdsReferringTo(db: Db, attachmentId: string): Promise<string[]> {
  const clocks = await db
    .selectFrom('clock_events')
    .select('boat_id')
    .where('photo_id', '=', attachmentId)
    .execute();
  const unloads = await db
    .selectFrom('unloads')
    .select('asset_id')
    .where('photo_id', '=', attachmentId)
    .execute();
  return [...new Set([...clocks.map((r) => r.boat_id), ...unloads.map((r) => r.asset_id)])];
}
