/**
 * Who works here: the unit tree, users and their sessions.
 * Times and JSON columns follow the conventions in ../schema.ts.
 */

export interface UnitTable {
  id: string;
  kind: string;
  parent_id: string | null;
  /** Materialised path of ids, "/root/…/self/", so scope checks are one prefix match. */
  path: string;
  code: string;
  name: string;
  polygon: unknown | null;
  created_at: number;
  updated_at: number;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  unit_id: string;
  /** The grid a resident lives in, when known (their unit is their community). */
  grid_id: string | null;
  phone: string | null;
  active: number;
  failed_logins: number;
  last_failed_at: number | null;
  locked_until: number | null;
  created_at: number;
  updated_at: number;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  ip: string | null;
}
