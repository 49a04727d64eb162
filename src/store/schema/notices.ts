/**
 * Telling people: a user's in-app inbox and notices to residents.
 * Times and JSON columns follow the conventions in ../schema.ts.
 */

/** One entry of a user's in-app inbox; `data` holds what the console needs to render and link it. */
export interface NotificationTable {
  id: string;
  user_id: string;
  unit_id: string | null;
  kind: string;
  order_id: string | null;
  order_code: string | null;
  message: string;
  data: unknown;
  created_at: number;
  read_at: number | null;
}

/** A notice to residents (社区公告) by a community or workstation, valid for a period. */
export interface NoticeTable {
  id: string;
  title: string;
  body: string;
  valid_from: number;
  valid_to: number;
  order_id: string | null;
  author_user_id: string;
  author_unit_id: string;
  created_at: number;
}

/** A grid or community a notice is for: the residents there are told. */
export interface NoticeUnitTable {
  notice_id: string;
  unit_id: string;
  /** 'grid' or 'community', as the author named it. */
  unit_kind: string;
}
