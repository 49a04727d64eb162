import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.ts';
import { registerPositionBatchWriter } from './position-batch.ts';
import { postgresConstraintViolation } from './postgres-constraint.ts';
import { postgresPositionBatchWriter } from './postgres-position-batch.ts';
import { postgresTrackColumnsReader } from './postgres-track-columns.ts';
import { postgresTrackReader } from './postgres-track-reader.ts';
import { postgresRollupSums, registerRollupSumsReader } from './rollup-sums.ts';
import { registerTrackColumnsReader, registerTrackReader } from './track-reader.ts';
import type { DialectAdapter } from './types.ts';

const INT8 = 20;
const NUMERIC = 1700;

/** PostgreSQL through pg. BIGINT epoch-ms columns come back as numbers, as on SQLite. */
export function postgresAdapter(connectionString: string, options: { schema?: string } = {}): DialectAdapter {
  return {
    kind: 'postgres',
    jsonType: 'jsonb',
    schema: options.schema,
    describe: () =>
      `postgres ${new URL(connectionString).host}${options.schema ? ` schema ${options.schema}` : ''}`,
    constraintViolation: postgresConstraintViolation,
    createKysely() {
      const pool = new pg.Pool({
        connectionString,
        max: 10,
        options: options.schema ? `-c search_path=${options.schema}` : undefined,
        types: {
          getTypeParser(oid: number, format?: string) {
            if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
            // biome-ignore lint/suspicious/noExplicitAny: pg's overloads do not accept the union
            return pg.types.getTypeParser(oid, format as any);
          },
        } as pg.CustomTypesConfig,
      });
      // A dropped connection must not crash the process; queries on it fail and are reported.
      pool.on('error', () => {});
      const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
      // ZS_PG_POSITIONS_WRITE=unnest: the write before COPY, for bench:ingest's comparison only.
      const positionsWrite = process.env.ZS_PG_POSITIONS_WRITE === 'unnest' ? 'unnest' : 'copy';
      // Atomic: the writer holds a connection of the pool and commits its own transaction.
      registerPositionBatchWriter(db, postgresPositionBatchWriter(pool, positionsWrite), { atomic: true });
      registerTrackReader(db, postgresTrackReader(pool));
      registerTrackColumnsReader(db, postgresTrackColumnsReader(pool));
      registerRollupSumsReader(db, postgresRollupSums);
      return db;
    },
    unsafeDurability: postgresUnsafeDurability,
  };
}

/**
 * `fsync=off` lets PostgreSQL report commits the disk never saw; `synchronous_commit=off` lets it
 * report a commit before its WAL is flushed. Read with SHOW on a pooled connection, so what the
 * server, the database, the role or the connection string (`options=-c …`) set all count.
 */
async function postgresUnsafeDurability(db: Kysely<Database>): Promise<string[]> {
  const unsafe: string[] = [];
  for (const name of ['fsync', 'synchronous_commit'] as const) {
    const { rows } = await sql<Record<string, string>>`show ${sql.raw(name)}`.execute(db);
    const value = rows[0]?.[name];
    if (value === 'off') unsafe.push(`${name}=${value}`);
  }
  return unsafe;
}
