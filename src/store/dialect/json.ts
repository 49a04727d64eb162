/** Reads a JSON column: SQLite hands back text, PostgreSQL's JSONB an already parsed value. */
export function parseJson<T = unknown>(raw: unknown): T | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return JSON.parse(raw) as T;
  return raw as T;
}

/** Writes a JSON column: both dialects accept the serialised text. */
export function toJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
