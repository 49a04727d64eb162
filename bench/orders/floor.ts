// The storage floor of the create+dispatch load: every statement the server ran during the load
// (recorded by the group-commit driver) replayed in the same order on a page-for-page copy of
// the database taken just before it, straight through better-sqlite3 prepared statements: no
// HTTP, no query builder, no services, no fsync. What is left is SQLite's own work for those
// actions on these tables and indexes, so no server storing the same rows can do the same
// actions faster on this machine; the benchmark prints it beside our figure.
import SQLite from 'better-sqlite3';

export interface RecordedStatement {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * The statements no design of these actions can do without: the order's own row (inserted or
 * updated) and its timeline event, with the transactions around them. Everything else the load
 * runs (scope links, followers, code counters, notifications, duplicate look-ups, audit) left out.
 */
export function coreOnly(statements: readonly RecordedStatement[]): RecordedStatement[] {
  return statements.filter(({ sql }) =>
    /^(insert into|update) "(orders|order_events)" |^(begin|commit|rollback|savepoint|release)\b/.test(sql),
  );
}

/** Copies the database page by page (SQLite's online backup) while the server keeps it open. */
export async function snapshot(file: string, copy: string): Promise<void> {
  const source = new SQLite(file, { readonly: true });
  try {
    await source.backup(copy);
  } finally {
    source.close();
  }
}

/** Replays the statements on the copy; seconds spent in SQLite, and how many statements failed (as they did when recorded). */
export function replay(
  copy: string,
  statements: readonly RecordedStatement[],
): { seconds: number; failed: number } {
  const db = new SQLite(copy);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = ON');
    // The server's page cache was warm from the list loads: warm this one the same way.
    db.pragma('cache_size = -65536');
    db.prepare('select count(*) from orders').get();
    db.prepare('select count(*) from order_events').get();
    const prepared = new Map<string, SQLite.Statement>();
    const prepare = (sql: string) => {
      let statement = prepared.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        prepared.set(sql, statement);
      }
      return statement;
    };
    for (const { sql } of statements) prepare(sql);
    let failed = 0;
    const started = performance.now();
    for (const { sql, parameters } of statements) {
      const statement = prepare(sql);
      try {
        if (statement.reader) statement.all(parameters as unknown[]);
        else statement.run(parameters as unknown[]);
      } catch {
        failed++;
      }
    }
    return { seconds: (performance.now() - started) / 1000, failed };
  } finally {
    db.close();
  }
}
