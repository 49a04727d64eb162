import type { AttachmentView } from '../../../src/api/index.ts';
import { request } from './client.ts';

/** A stored photo, as POST /api/attachments answers. */
export type Attachment = AttachmentView;

/** Uploads one photo (JPEG, PNG or WebP) as a raw image body; its id is then referenced by an order. */
export function uploadPhoto(file: Blob): Promise<Attachment> {
  return request('/api/attachments', { method: 'POST', body: file });
}

/** The photo as uploaded (the session cookie authenticates the image request). */
export const photoUrl = (id: string) => `/api/attachments/${encodeURIComponent(id)}`;

/** The photo at most 320 px a side. */
export const thumbnailUrl = (id: string) => `/api/attachments/${encodeURIComponent(id)}/thumbnail`;
