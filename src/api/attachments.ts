import { type Static, Type } from 'typebox';
import { Nullable, Time } from './common.ts';

/** A stored photo as POST /api/attachments answers, with the URLs of the photo and its thumbnail. */
export const AttachmentSchema = Type.Object({
  id: Type.String(),
  sha256: Type.String({ description: 'SHA-256 of the stored bytes, hex' }),
  mime: Type.String(),
  bytes: Type.Integer(),
  width: Type.Integer({ description: 'display width in pixels, EXIF orientation applied' }),
  height: Type.Integer(),
  fileName: Nullable(Type.String()),
  createdAt: Time,
  url: Type.String(),
  thumbnailUrl: Type.String({ description: 'at most 320 px a side, for lists' }),
});

/** An attachment as the API sends it. */
export type AttachmentView = Static<typeof AttachmentSchema>;
