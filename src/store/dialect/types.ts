import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export type DialectKind = 'sqlite' | 'postgres';

/** A write a unique key or a foreign key refused, as far as the driver tells. */
export type ConstraintViolation =
  | {
      kind: 'unique';
      table: string;
      /** The key's columns; undefined when the driver does not name them. */
      columns?: string[];
    }
  | {
      kind: 'foreignKey';
      /**
       * `missing`: the row written refers to a row that does not exist; `inUse`: the row removed
       * (or re-keyed) is still referred to. Undefined, like `referenced`, when the driver does
       * not say (SQLite reports only "FOREIGN KEY constraint failed").
       */
      side?: 'missing' | 'inUse';
      /** The table of the row referred to. */
      referenced?: string;
    };

/** Everything that differs between SQLite and PostgreSQL, in one shape. */
export interface DialectAdapter {
  kind: DialectKind;
  /** Column type for JSON documents. */
  jsonType: 'text' | 'jsonb';
  /** PostgreSQL schema the tables live in, when not the default search path. */
  schema?: string;
  createKysely(): Kysely<Database>;
  /** The unique or foreign key a driver error reports the violation of; undefined for any other error. */
  constraintViolation(error: unknown): ConstraintViolation | undefined;
  /**
   * Server settings under which a reported commit may not be on disk, as `name=value` (none: the
   * dialect makes its own commits durable, as SQLite does through wal-sync.ts).
   */
  unsafeDurability?(db: Kysely<Database>): Promise<string[]>;
  /** Dialect-specific teardown (pool end, file close) after Kysely is destroyed. */
  describe(): string;
}
