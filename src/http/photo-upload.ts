import type { FastifyRequest } from 'fastify';
import { fail } from '../errors/catalogue.ts';
import { describeLimit } from '../services/attachments/index.ts';
import { readFormFile } from './file-upload.ts';

/** The file field a photo upload form must use. */
export const PHOTO_FIELD = 'file';

/** The bytes and client-side name of an uploaded photo, read from the request. */
export interface ReceivedPhoto {
  bytes: Buffer;
  fileName: string | null;
}

/**
 * Reads the one photo of an upload: a multipart/form-data field named "file" (browsers, phone
 * apps), or a raw `image/*` body (scripts, `curl --data-binary`). Both are cut off at the size
 * limit while they arrive, so an oversize upload is never held whole in memory.
 */
export async function readPhotoUpload(request: FastifyRequest, maxBytes: number): Promise<ReceivedPhoto> {
  if (request.isMultipart()) return readMultipart(request, maxBytes);
  if (Buffer.isBuffer(request.body)) return { bytes: request.body, fileName: null };
  wrongContentType(request);
}

/** UNSUPPORTED_MEDIA_TYPE for a body that is neither a form nor an image, saying what to send. */
export function wrongContentType(request: FastifyRequest): never {
  fail(
    'UNSUPPORTED_MEDIA_TYPE',
    `Content-Type ${request.headers['content-type'] ?? '(none)'} is not accepted here: send the photo as ` +
      `multipart/form-data with one field named "${PHOTO_FIELD}", or as a raw image/jpeg, image/png or image/webp body`,
  );
}

function readMultipart(request: FastifyRequest, maxBytes: number): Promise<ReceivedPhoto> {
  return readFormFile(request, { field: PHOTO_FIELD, noun: 'photo', limit: describeLimit(maxBytes) });
}
