import type { Migration, MigrationProvider } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';
import { foundation } from './0001-foundation.ts';
import { devices } from './0002-devices.ts';
import { orders } from './0003-orders.ts';
import { attachments } from './0004-attachments.ts';
import { jobs } from './0005-jobs.ts';
import { open311 } from './0006-open311.ts';
import { attachmentOrders } from './0007-attachment-orders.ts';
import { turns } from './0010-turns.ts';

/** Versioned migrations, applied in name order. Append; never edit one that has shipped. */
export function migrationProvider(d: DialectAdapter): MigrationProvider {
  const all: Record<string, Migration> = {
    '0001-foundation': foundation(d),
    '0002-devices': devices(d),
    '0003-orders': orders(d),
    '0004-attachments': attachments(d),
    '0005-jobs': jobs(d),
    '0006-open311': open311(d),
    '0007-attachment-orders': attachmentOrders(d),
    '0010-turns': turns(d),
  };
  return { getMigrations: async () => all };
}
