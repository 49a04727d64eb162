/**
 * What the platform itself keeps: the audit log, settings, photo uploads, job leases and idempotency keys.
 * Times and JSON columns follow the conventions in ../schema.ts.
 */

export interface AuditTable {
  id: string;
  at: number;
  user_id: string | null;
  action: string;
  target: string | null;
  status: number;
  ip: string | null;
  details: unknown | null;
}

export interface SettingTable {
  key: string;
  value: unknown;
  updated_at: number;
}

/** One photo upload. Identical bytes share one stored file: `sha256` names it, as `thumbnail_sha256` names the thumbnail's. */
export interface AttachmentTable {
  id: string;
  sha256: string;
  mime: string;
  bytes: number;
  /** Display size in pixels, EXIF orientation applied. */
  width: number;
  height: number;
  file_name: string | null;
  uploaded_by: string;
  created_at: number;
  thumbnail_sha256: string | null;
  thumbnail_mime: string | null;
}

/** Who runs a periodic job until when: one of several server processes holds it at a time. */
export interface JobLeaseTable {
  name: string;
  holder: string;
  expires_at: number;
}

/** The answer given to a request sent with an Idempotency-Key, per user and key, kept 24 hours. */
export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  /** sha-256 of the method, the route with its parameters, and the body. */
  fingerprint: string;
  /** The answer's HTTP status; null while the first request with the key is being served. */
  status: number | null;
  /** The answer's body as sent. */
  response: string | null;
  created_at: number;
}
