import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../schema.ts';
import { registerPositionBatchWriter } from './position-batch.ts';
import { sqlitePositionBatchWriter } from './sqlite-position-batch.ts';
import type { DialectAdapter } from './types.ts';

/**
 * SQLite through better-sqlite3. WAL with synchronous=FULL fsyncs the log at every commit, so
 * what is acknowledged survives a power loss too, not only a process crash (NORMAL would not);
 * group commit spreads that fsync over thousands of positions.
 */
export function sqliteAdapter(file: string): DialectAdapter {
  return {
    kind: 'sqlite',
    jsonType: 'text',
    describe: () => `sqlite ${file}`,
    createKysely() {
      if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
      const database = new SQLite(file);
      database.pragma('journal_mode = WAL');
      database.pragma('synchronous = FULL');
      database.pragma('foreign_keys = ON');
      database.pragma('busy_timeout = 5000');
      const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
      registerPositionBatchWriter(db, sqlitePositionBatchWriter(database));
      return db;
    },
  };
}
