import type { Migration, MigrationProvider } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';
import { foundation } from './0001-foundation.ts';
import { devices } from './0002-devices.ts';

/** Versioned migrations, applied in name order. Append; never edit one that has shipped. */
export function migrationProvider(d: DialectAdapter): MigrationProvider {
  const all: Record<string, Migration> = {
    '0001-foundation': foundation(d),
    '0002-devices': devices(d),
  };
  return { getMigrations: async () => all };
}
