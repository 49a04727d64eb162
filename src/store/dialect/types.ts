import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export type DialectKind = 'sqlite' | 'postgres';

/** Everything that differs between SQLite and PostgreSQL, in one shape. */
export interface DialectAdapter {
  kind: DialectKind;
  /** Column type for JSON documents. */
  jsonType: 'text' | 'jsonb';
  /** PostgreSQL schema the tables live in, when not the default search path. */
  schema?: string;
  createKysely(): Kysely<Database>;
  /**
   * Server settings under which a reported commit may not be on disk, as `name=value` (none: the
   * dialect makes its own commits durable, as SQLite does through wal-sync.ts).
   */
  unsafeDurability?(db: Kysely<Database>): Promise<string[]>;
  /** Dialect-specific teardown (pool end, file close) after Kysely is destroyed. */
  describe(): string;
}
