/**
 * The Open311 door: client keys and what a client sent with a request.
 * Times and JSON columns follow the conventions in ../schema.ts.
 */

/** An Open311 client's API key; only its SHA-256 is kept, the key itself is shown once. */
export interface Open311KeyTable {
  id: string;
  name: string;
  key_hash: string;
  created_by: string | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** What an Open311 client sent with a request besides the order: contact (never public), media, address id. */
export interface Open311RequestTable {
  order_id: string;
  key_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  device_id: string | null;
  account_id: string | null;
  address_id: string | null;
  /** media_url values as a JSON array of strings. */
  media_urls: unknown;
  created_at: number;
}
