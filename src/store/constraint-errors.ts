import { DomainError, type ErrorCode } from '../errors/catalogue.ts';
import type { DialectAdapter } from './dialect/types.ts';

/**
 * What each unique key means to a client: the same error the services' own check reports, so a
 * duplicate that slips past it (two requests checking at once, both seeing the name free) gets
 * the same 409 as one sent after the first. `field` is the body field to change.
 */
const UNIQUE_KEYS: { table: string; columns: string[]; code: ErrorCode; field?: string }[] = [
  { table: 'users', columns: ['username'], code: 'USERNAME_TAKEN', field: 'username' },
  { table: 'units', columns: ['code'], code: 'UNIT_CODE_TAKEN', field: 'code' },
  { table: 'assets', columns: ['code'], code: 'ASSET_CODE_TAKEN', field: 'code' },
  { table: 'metrics', columns: ['code'], code: 'METRIC_CODE_TAKEN', field: 'code' },
  {
    table: 'categories',
    columns: ['type', 'major_code', 'minor_code'],
    code: 'CATEGORY_CODE_TAKEN',
    field: 'minorCode',
  },
  {
    table: 'devices',
    columns: ['protocol', 'identifier'],
    code: 'DEVICE_IDENTIFIER_TAKEN',
    field: 'identifier',
  },
  // One event per order version: the second writer of a version lost the race.
  { table: 'order_events', columns: ['order_id', 'seq'], code: 'VERSION_CONFLICT' },
];

/**
 * What a foreign key's failure means, by the table referred to: the row written refers to one
 * deleted meanwhile (`missing`), or the row deleted is still referred to by one written
 * meanwhile (`inUse`).
 */
const REFERENCED: Record<string, { missing: ErrorCode; inUse: ErrorCode }> = {
  units: { missing: 'UNIT_NOT_FOUND', inUse: 'UNIT_IN_USE' },
  users: { missing: 'USER_NOT_FOUND', inUse: 'STILL_REFERENCED' },
  assets: { missing: 'ASSET_NOT_FOUND', inUse: 'ASSET_IN_USE' },
  segments: { missing: 'SEGMENT_NOT_FOUND', inUse: 'STILL_REFERENCED' },
  categories: { missing: 'CATEGORY_NOT_FOUND', inUse: 'CATEGORY_IN_USE' },
  orders: { missing: 'ORDER_NOT_FOUND', inUse: 'STILL_REFERENCED' },
  open311_keys: { missing: 'OPEN311_KEY_NOT_FOUND', inUse: 'STILL_REFERENCED' },
  metrics: { missing: 'METRIC_NOT_FOUND', inUse: 'STILL_REFERENCED' },
};

const sameColumns = (a: string[], b: string[]) => a.length === b.length && a.every((c) => b.includes(c));

/**
 * The catalogue error for a unique or foreign key violation a driver reported, undefined for any
 * other error. Where the driver does not say which side of a foreign key failed (SQLite), a
 * DELETE is taken to have removed a row still in use and any other request to refer to a
 * missing one.
 */
export function constraintError(
  adapter: DialectAdapter,
  error: unknown,
  method: string,
): DomainError | undefined {
  const violation = adapter.constraintViolation(error);
  if (!violation) return undefined;
  if (violation.kind === 'unique') {
    const keys = UNIQUE_KEYS.filter((k) => k.table === violation.table);
    const key = violation.columns
      ? keys.find((k) => sameColumns(k.columns, violation.columns ?? []))
      : keys[0];
    // An unknown key (a primary key's id, say) is a fault of ours: let it be logged as one.
    if (!key) return undefined;
    return new DomainError(key.code, undefined, key.field ? { field: key.field } : undefined);
  }
  const side = violation.side ?? (method === 'DELETE' ? 'inUse' : 'missing');
  const codes = violation.referenced ? REFERENCED[violation.referenced] : undefined;
  if (codes) return new DomainError(codes[side]);
  return new DomainError(side === 'inUse' ? 'STILL_REFERENCED' : 'REFERENCE_NOT_FOUND');
}
