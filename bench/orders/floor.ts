// The floor's copy of the benchmark's SQLite database.
import SQLite from 'better-sqlite3';

/** Copies the database page by page (SQLite's online backup), consistent even while it is open. */
export async function snapshot(file: string, copy: string): Promise<void> {
  const source = new SQLite(file, { readonly: true });
  try {
    await source.backup(copy);
  } finally {
    source.close();
  }
}
