import { type Static, Type } from 'typebox';
import { Id, Nullable, Time } from './common.ts';

/** Notices to residents (社区公告): what a community or workstation posts and who reads it. */

const Instant = Type.String({ format: 'date-time', maxLength: 40 });
const Places = Type.Array(Id, { maxItems: 50 });

/** POST /api/notices: at least one grid or community, all in the author's scope. */
export const NewNoticeBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  body: Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' }),
  gridIds: Type.Optional(Places),
  communityIds: Type.Optional(Places),
  validFrom: Instant,
  validTo: Instant,
  orderId: Type.Optional(Id),
});

/** GET /api/notices: newest first, paged. */
export const NoticeListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});

/** A notice as the API sends it. */
export const NoticeSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  gridIds: Type.Array(Type.String()),
  communityIds: Type.Array(Type.String()),
  validFrom: Time,
  validTo: Time,
  orderId: Nullable(Type.String({ description: 'the work order the notice is about, if any' })),
  unitId: Type.String({ description: 'the author’s unit' }),
  unitName: Nullable(Type.String({ description: 'the author’s unit’s name' })),
  createdBy: Type.String(),
  createdAt: Time,
});

/** A page of notices. */
export const NoticePageSchema = Type.Object({
  items: Type.Array(NoticeSchema),
  nextCursor: Type.Optional(Type.String()),
});

/** A notice to residents as the API sends it. */
export type NoticeView = Static<typeof NoticeSchema>;
/** A page of GET /api/notices. */
export type NoticePageView = Static<typeof NoticePageSchema>;
/** The body of POST /api/notices. */
export type NewNotice = Static<typeof NewNoticeBody>;
