import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * The one SQL form of "a unit under this scope path" (src/domain/auth/scope.ts `inScope`):
 * a prefix match on a unit path column. Paths are made of unit ids joined by "/", which hold no
 * LIKE wildcards, so the prefix needs no escaping.
 */
export function unitPathUnder(column: string, scopePath: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`${scopePath}%`}`;
}
