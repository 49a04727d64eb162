import type { FastifyRequest } from 'fastify';
import { DomainError, fail } from '../errors/catalogue.ts';

/** What a form upload is, for the messages that tell the client how to send it. */
export interface FormFileSpec {
  /** The form field the file must come in. */
  field: string;
  /** What the file is, as the messages name it: "photo", "workbook". */
  noun: string;
  /** The size limit in words, for the 413 ("5 MB (5242880 bytes)"). */
  limit: string;
}

/** The bytes and client-side name of a file sent as multipart/form-data. */
export interface ReceivedFile {
  bytes: Buffer;
  fileName: string | null;
}

/**
 * Reads the one file of a multipart/form-data request (the route's scope registers
 * @fastify/multipart with its size limit): the file must come in `spec.field`. The plugin's and
 * busboy's failures become catalogue errors that say what to send instead.
 */
export async function readFormFile(request: FastifyRequest, spec: FormFileSpec): Promise<ReceivedFile> {
  try {
    const part = await request.file();
    if (!part)
      fail(
        'VALIDATION_FAILED',
        `The form has no file: send the ${spec.noun} in a field named "${spec.field}"`,
      );
    if (part.fieldname !== spec.field) {
      part.file.resume();
      fail(
        'VALIDATION_FAILED',
        `Send the ${spec.noun} in a form field named "${spec.field}", not "${part.fieldname}"`,
      );
    }
    return { bytes: await part.toBuffer(), fileName: part.filename || null };
  } catch (error) {
    rethrow(error, spec);
  }
}

/** Rethrows @fastify/multipart's and busboy's failures as catalogue errors; DomainErrors pass through. */
function rethrow(error: unknown, spec: FormFileSpec): never {
  if (error instanceof DomainError) throw error;
  const { code, statusCode, message } = error as { code?: string; statusCode?: number; message?: string };
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    fail('PAYLOAD_TOO_LARGE', `The ${spec.noun} is larger than the limit of ${spec.limit}`);
  }
  if (statusCode === 413) {
    fail(
      'PAYLOAD_TOO_LARGE',
      `The form has too many parts: send one ${spec.noun} per request, in a field named "${spec.field}"`,
    );
  }
  fail('VALIDATION_FAILED', `The multipart/form-data body is malformed: ${message ?? 'unreadable'}`);
}
