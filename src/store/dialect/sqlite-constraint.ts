import type { ConstraintViolation } from './types.ts';

/**
 * better-sqlite3's errors carry SQLite's extended result code. A unique or primary key names its
 * columns ("UNIQUE constraint failed: users.username"); a foreign key says nothing more than
 * "FOREIGN KEY constraint failed" (sqlite.org/foreignkeys.html), so neither side nor table.
 */
export function sqliteConstraintViolation(error: unknown): ConstraintViolation | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  switch (error.code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY': {
      const qualified = /constraint failed: (.+)$/.exec(error.message)?.[1]?.split(', ') ?? [];
      const table = qualified[0]?.split('.')[0] ?? '';
      return { kind: 'unique', table, columns: qualified.map((c) => c.slice(c.indexOf('.') + 1)) };
    }
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return { kind: 'foreignKey' };
    default:
      return undefined;
  }
}
