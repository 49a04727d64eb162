import type { FastifyRequest } from 'fastify';
import { DomainError, fail } from '../errors/catalogue.ts';
import { describeLimit } from '../services/attachments/index.ts';

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

async function readMultipart(request: FastifyRequest, maxBytes: number): Promise<ReceivedPhoto> {
  try {
    const part = await request.file();
    if (!part)
      fail('VALIDATION_FAILED', `The form has no file: send the photo in a field named "${PHOTO_FIELD}"`);
    if (part.fieldname !== PHOTO_FIELD) {
      part.file.resume();
      fail(
        'VALIDATION_FAILED',
        `Send the photo in a form field named "${PHOTO_FIELD}", not "${part.fieldname}"`,
      );
    }
    return { bytes: await part.toBuffer(), fileName: part.filename || null };
  } catch (error) {
    rethrow(error, maxBytes);
  }
}

/** Rethrows @fastify/multipart's and busboy's failures as catalogue errors; DomainErrors pass through. */
function rethrow(error: unknown, maxBytes: number): never {
  if (error instanceof DomainError) throw error;
  const { code, statusCode, message } = error as { code?: string; statusCode?: number; message?: string };
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    fail('PAYLOAD_TOO_LARGE', `The photo is larger than the limit of ${describeLimit(maxBytes)}`);
  }
  if (statusCode === 413) {
    fail(
      'PAYLOAD_TOO_LARGE',
      `The form has too many parts: send one photo per request, in a field named "${PHOTO_FIELD}"`,
    );
  }
  fail('VALIDATION_FAILED', `The multipart/form-data body is malformed: ${message ?? 'unreadable'}`);
}
