import path from 'node:path';
import type { Readable } from 'node:stream';
import type { AttachmentView } from '../../api/index.ts';
import { ACCEPTED_PHOTO_FORMATS, PHOTO_TYPES, sniffPhotoType } from '../../domain/attachments/photo-type.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import {
  type Attachment,
  findAttachment,
  insertAttachment,
  isBlobReferenced,
  listAttachments,
  listBoatIdsReferringTo,
  listOrderIdsReferringTo,
} from '../../store/attachments.repository.ts';
import { BlobStore } from '../../store/blob-store.ts';
import { countOrders } from '../../store/order-list.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { mayReadBoatRecords, visibilityOf } from '../scope/index.ts';
import { processPhoto } from './photo-processing.ts';

/** What the attachment services need besides the database: where files live and how big they may be. */
export interface AttachmentContext extends ServiceContext {
  blobs: BlobStore;
  maxPhotoBytes: number;
}

/** The attachments' context: photos are kept under the data folder's `attachments/`. */
export function attachmentContext(
  ctx: ServiceContext,
  dataDir: string,
  maxPhotoBytes: number,
): AttachmentContext {
  return { ...ctx, blobs: new BlobStore(path.join(dataDir, 'attachments')), maxPhotoBytes };
}

/** One uploaded file as the HTTP edge received it, fully read and within the size limit. */
export interface PhotoUpload {
  bytes: Buffer;
  fileName: string | null;
  uploadedBy: string;
}

/** "10 MB (10485760 bytes)": a limit as a user reads it. */
export function describeLimit(bytes: number): string {
  const mb = bytes / 1_048_576;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(2)} MB (${bytes} bytes)`;
}

/**
 * Checks, stores and records one photo. The type comes from the content alone; the photo is
 * decoded (and its thumbnail made) before anything is written, so a refused upload leaves no
 * file and no row. Dedupe rule: every upload gets its own row (its own id, uploader, file
 * name and time) while identical bytes share one stored file.
 */
export async function uploadPhoto(ctx: AttachmentContext, upload: PhotoUpload): Promise<Attachment> {
  const { bytes } = upload;
  if (bytes.length === 0) fail('VALIDATION_FAILED', 'The file is empty: choose a photo to upload');
  if (bytes.length > ctx.maxPhotoBytes) {
    fail('PAYLOAD_TOO_LARGE', `The photo is larger than the limit of ${describeLimit(ctx.maxPhotoBytes)}`);
  }
  const mime = sniffPhotoType(bytes);
  if (!mime) {
    const named = upload.fileName ? ` "${upload.fileName.slice(0, 100)}"` : '';
    fail(
      'PHOTO_TYPE_NOT_ALLOWED',
      `The file${named} is not a ${ACCEPTED_PHOTO_FORMATS} photo (judged by its content, not its name); send ${ACCEPTED_PHOTO_FORMATS}`,
      { accepted: PHOTO_TYPES },
    );
  }
  const photo = await processPhoto(bytes, mime);
  const original = await ctx.blobs.put(bytes);
  const thumbnail = await ctx.blobs.put(photo.thumbnail.bytes);
  const attachment: Attachment = {
    id: newId(),
    sha256: original.sha256,
    mime,
    bytes: bytes.length,
    width: photo.width,
    height: photo.height,
    fileName: cleanFileName(upload.fileName),
    uploadedBy: upload.uploadedBy,
    createdAt: ctx.now(),
    thumbnailSha256: thumbnail.sha256,
    thumbnailMime: photo.thumbnail.mime,
  };
  try {
    await writeTransaction(ctx.db, [], (trx) => insertAttachment(trx, attachment));
  } catch (error) {
    // Files this call created and no row uses would be orphans: take them back out.
    for (const put of [original, thumbnail]) {
      if (put.created && !(await isBlobReferenced(ctx.db, put.sha256).catch(() => true))) {
        await ctx.blobs.remove(put.sha256);
      }
    }
    throw error;
  }
  return attachment;
}

/** Keeps a client's file name for display only: no path, no control characters, bounded length. */
function cleanFileName(name: string | null): string | null {
  const base = name
    ?.split(/[\\/]/)
    .pop()
    ?.replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 255);
  return base ? base : null;
}

/**
 * Whether the caller may download a photo (or its thumbnail): its uploader; anyone whose order
 * scope holds everything (admins, the subdistrict's operators and leaders); anyone who may see
 * an order that refers to it, in its report or a later event, by the work orders' own
 * visibility rule (visibilityOf), so a photo is seen exactly where its order is; anyone who reads
 * the duty of a boat whose clock-in or unload shows it (mayReadBoatRecords).
 */
export async function mayReadAttachment(
  ctx: ServiceContext,
  who: Principal,
  attachment: Attachment,
): Promise<boolean> {
  if (attachment.uploadedBy === who.userId) return true;
  const visibility = await visibilityOf(ctx, who);
  if (visibility.kind === 'all') return true;
  const orderIds = await listOrderIdsReferringTo(ctx.db, attachment.id);
  // Bounded IN lists: PostgreSQL and SQLite both cap the number of bound parameters.
  for (let i = 0; i < orderIds.length; i += 500) {
    const ids = orderIds.slice(i, i + 500);
    if ((await countOrders(ctx.db, { visibility, now: 0, ids })) > 0) return true;
  }
  // A clock-in's or an unload's photo is seen where that boat's duty is (GET /api/duty/events).
  for (const boatId of await listBoatIdsReferringTo(ctx.db, attachment.id)) {
    if (await mayReadBoatRecords(ctx, who, boatId)) return true;
  }
  return false;
}

/**
 * An attachment the caller may download (see mayReadAttachment). One they may not is
 * ATTACHMENT_NOT_FOUND, as an unknown id is: its existence is not revealed.
 */
export async function getReadableAttachmentOrThrow(
  ctx: ServiceContext,
  who: Principal,
  id: string,
): Promise<Attachment> {
  const attachment = await findAttachment(ctx.db, id);
  if (!attachment || !(await mayReadAttachment(ctx, who, attachment))) {
    fail('ATTACHMENT_NOT_FOUND', `No attachment with id ${id}`);
  }
  return attachment;
}

/**
 * The attachments with these ids, in order; ATTACHMENT_NOT_FOUND naming the unknown ones. For
 * work-order actions, whose events refer to photos uploaded before the action.
 */
export async function getAttachmentsOrThrow(
  ctx: ServiceContext,
  ids: readonly string[],
): Promise<Attachment[]> {
  const found = await listAttachments(ctx.db, ids);
  const known = new Set(found.map((a) => a.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) {
    fail('ATTACHMENT_NOT_FOUND', `No attachment with id ${missing.join(', ')}: upload the photos first`, {
      missing,
    });
  }
  return found;
}

/** A stored file ready to stream: the original photo or its thumbnail. */
export interface AttachmentFile {
  sha256: string;
  mime: string;
  bytes: number;
  /** Opens the file; called only once the caller knows it will send the body (not on a 304). */
  open(): Readable;
}

/** Opens an attachment's photo or thumbnail for download. */
export async function openAttachmentFile(
  ctx: AttachmentContext,
  attachment: Attachment,
  which: 'original' | 'thumbnail',
): Promise<AttachmentFile> {
  // A photo stored without a thumbnail is shown whole in lists rather than not at all.
  const thumbnail = which === 'thumbnail' ? attachment.thumbnailSha256 : null;
  const sha256 = thumbnail ?? attachment.sha256;
  const mime = thumbnail ? (attachment.thumbnailMime ?? attachment.mime) : attachment.mime;
  const bytes = await ctx.blobs.size(sha256);
  if (bytes === undefined) {
    fail('ATTACHMENT_NOT_FOUND', `The file of attachment ${attachment.id} is missing from storage`, {
      id: attachment.id,
    });
  }
  return { sha256, mime, bytes, open: () => ctx.blobs.read(sha256) };
}

/** The API shape of an attachment (also for work-order events that embed their photos). */
export function attachmentView(a: Attachment): AttachmentView {
  return {
    id: a.id,
    sha256: a.sha256,
    mime: a.mime,
    bytes: a.bytes,
    width: a.width,
    height: a.height,
    fileName: a.fileName,
    createdAt: new Date(a.createdAt).toISOString(),
    url: `/api/attachments/${a.id}`,
    thumbnailUrl: `/api/attachments/${a.id}/thumbnail`,
  };
}
