import type { ConstraintViolation } from './types.ts';

interface PgError {
  code?: string;
  table?: string;
  detail?: string;
  message: string;
}

/**
 * pg's errors carry the SQLSTATE and the table (PostgreSQL "Error Message Fields"): 23505
 * unique_violation names the key's columns in its detail, "Key (username)=(…) already exists";
 * 23503 foreign_key_violation says which side failed in its message and the table referred to
 * in its detail (the English texts; another server locale leaves side and table undefined).
 */
export function postgresConstraintViolation(error: unknown): ConstraintViolation | undefined {
  if (!(error instanceof Error)) return undefined;
  const e = error as Error & PgError;
  if (e.code === '23505' && e.table) {
    const columns = /^Key \(([^)]*)\)=/.exec(e.detail ?? '')?.[1]?.split(', ');
    return { kind: 'unique', table: e.table, ...(columns && { columns }) };
  }
  if (e.code === '23503') {
    const removed = /^update or delete on table "([^"]+)"/.exec(e.message)?.[1];
    if (removed) return { kind: 'foreignKey', side: 'inUse', referenced: removed };
    const referenced = /is not present in table "([^"]+)"/.exec(e.detail ?? '')?.[1];
    if (e.message.startsWith('insert or update on table'))
      return { kind: 'foreignKey', side: 'missing', ...(referenced && { referenced }) };
    return { kind: 'foreignKey' };
  }
  return undefined;
}
