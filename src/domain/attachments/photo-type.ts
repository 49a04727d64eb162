/** The photo formats the platform accepts, by MIME type. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** One of the accepted photo MIME types. */
export type PhotoType = (typeof PHOTO_TYPES)[number];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/**
 * The photo type that the leading bytes ("magic numbers") announce, or undefined. The file
 * name and the declared Content-Type are never trusted: a phone's picker and a script alike
 * can mislabel a file, and only the content says what a decoder will be fed.
 * JPEG: SOI marker FF D8 then a marker FF (ISO/IEC 10918-1 B.1.1.3); PNG: the 8-byte signature
 * (ISO/IEC 15948 5.2); WebP: a RIFF container whose form type is "WEBP" (RFC 9649 2.5).
 */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return undefined;
}

/** The accepted formats as a user reads them, for messages that say what to send instead. */
export const ACCEPTED_PHOTO_FORMATS = 'JPEG, PNG or WebP';
